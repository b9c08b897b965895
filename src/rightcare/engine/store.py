"""Find, load and hold policies: the national pack plus each force's overlay.

Loading reads files, so it lives here, outside evaluation. A reload that fails leaves the last
good policy in use.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path

from rightcare.engine.compile import compile_policy
from rightcare.engine.errors import CallError, PackError, did_you_mean
from rightcare.engine.loader import load_overlay, load_pack
from rightcare.engine.overlay import apply_overlay
from rightcare.engine.policy import Policy

_PACKAGE = Path(__file__).resolve().parents[1]


def data_dir(name: str) -> Path:
    """A bundled data folder (`packs` or `scenarios`): the source tree's, else the wheel's."""
    for candidate in (_PACKAGE.parents[1] / name, _PACKAGE / "_data" / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"bundled `{name}` folder not found")


def default_pack_dir() -> Path:
    return data_dir("packs") / "national"


def default_overlay_dir() -> Path:
    return data_dir("packs") / "overlays"


def load_policy(pack: Path | None = None, overlay: Path | None = None) -> Policy:
    """Load and compile one pack, with an overlay applied if given. Raises PackError."""
    source = load_pack(pack or default_pack_dir())
    base = compile_policy(source)
    if overlay is None:
        return base
    return apply_overlay(source, load_overlay(overlay), base)


@dataclass(frozen=True)
class PolicySet:
    """The national policy and every force overlay on it, chosen per call by `context.force`."""

    base: Policy
    overlays: dict[str, Policy] = field(default_factory=dict)
    default_force: str | None = None

    def for_force(self, force: str | None) -> Policy:
        chosen = force or self.default_force
        if chosen is None:
            return self.base
        policy = self.overlays.get(chosen)
        if policy is None:
            known = ", ".join(sorted(self.overlays)) or "none loaded"
            hint = did_you_mean(chosen, self.overlays)
            raise CallError(
                "context.force", f"unknown force overlay `{chosen}`{hint} (loaded: {known})"
            )
        return policy


def load_policy_set(
    pack: Path | None = None,
    overlays: list[Path] | None = None,
    default_force: str | None = None,
) -> PolicySet:
    """The pack plus overlays (default: every `*.yaml` in the bundled overlays folder)."""
    source = load_pack(pack or default_pack_dir())
    base = compile_policy(source)
    if overlays is None:
        folder = default_overlay_dir()
        overlays = sorted(folder.glob("*.yaml")) if pack is None and folder.is_dir() else []
    compiled: dict[str, Policy] = {}
    for path in overlays:
        policy = apply_overlay(source, load_overlay(path), base)
        assert policy.overlay is not None
        compiled[policy.overlay.id] = policy
    return PolicySet(base=base, overlays=compiled, default_force=default_force)


class PolicyHolder:
    """Holds the policy set in use; `reload` swaps it only when the new one is valid."""

    def __init__(self, loader: type[PolicySet] | None = None, **kwargs: object) -> None:
        self._kwargs = kwargs
        self._lock = threading.Lock()
        self._current = load_policy_set(**kwargs)  # type: ignore[arg-type]

    @property
    def current(self) -> PolicySet:
        return self._current

    def reload(self) -> PolicySet:
        """Load again from disk; on PackError keep the last good set and re-raise."""
        with self._lock:
            fresh = load_policy_set(**self._kwargs)  # type: ignore[arg-type]
            self._current = fresh
            return fresh


__all__ = ["PackError", "PolicyHolder", "PolicySet", "load_policy", "load_policy_set"]
