"""The compiled, immutable form of a pack (plus an optional overlay) that evaluation uses."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from rightcare.engine.boxes import BITS, Space
from rightcare.engine.pack_model import (
    AgencyInfo,
    Disposition,
    OverlayMeta,
    PackMeta,
    Partner,
    Question,
    SafeguardingAction,
    Table,
)
from rightcare.engine.vocab import Agency, Answer, Severity

if TYPE_CHECKING:  # evaluate.py imports this module
    from rightcare.engine.evaluate import Outcome


@dataclass(frozen=True, slots=True)
class CompiledRule:
    id: str
    table: str
    mask: int
    disposition: Disposition | None
    severity: Severity | None
    text: str
    basis: str
    source: str
    safeguarding: tuple[SafeguardingAction, ...]
    origin: str  # "pack" or the overlay id that added or changed it


@dataclass(frozen=True, repr=False)
class Policy:
    """Everything evaluation needs, precomputed at load time. Never mutated after compile."""

    pack: PackMeta
    overlay: OverlayMeta | None
    questions: tuple[Question, ...]
    slot: dict[str, int]
    space: Space
    agencies: tuple[AgencyInfo, ...]
    dispositions: dict[str, Disposition]
    tables: tuple[Table, ...]
    rules: tuple[CompiledRule, ...]
    collect: tuple[CompiledRule, ...]
    reach: dict[str, tuple[int, ...]]
    attend_boxes: tuple[int, ...]
    relevant: tuple[int, ...]
    undetermined: Disposition
    error: Disposition
    partners: dict[Agency, Partner]
    digest: str
    # Every reachable box as (complement, box, row), for one-pass scans in evaluate.py.
    boxes: tuple[tuple[int, int, CompiledRule], ...] = ()
    # Each attend box with the question slots it constrains, for ranking questions to ask.
    attend_paths: tuple[tuple[int, frozenset[int]], ...] = ()
    question_by_id: dict[str, Question] = field(default_factory=dict)
    rule_by_id: dict[str, CompiledRule] = field(default_factory=dict)
    # What `evaluate.outcome` found for each point already met (a cache, not state: every
    # entry is what evaluating the point again would give). Calls repeat a few answer patterns,
    # and an assessment evaluates its point once for itself and once per suggestion it used.
    outcomes: dict[int, Outcome] = field(default_factory=dict, compare=False)

    def __repr__(self) -> str:
        overlay = f" + {self.overlay.id}" if self.overlay else ""
        return f"<Policy {self.pack.id} {self.pack.version}{overlay} {self.digest[:15]}>"

    @property
    def overlay_id(self) -> str | None:
        return self.overlay.id if self.overlay else None

    def encode(self, answers: dict[str, Answer]) -> int:
        """The point for a set of answers; absent questions are unknown."""
        unknown = BITS[Answer.UNKNOWN]
        point = unknown * self.space.low
        for question, answer in answers.items():
            shift = 3 * self.slot[question]
            point ^= (unknown ^ BITS[answer]) << shift
        return point

    def decide(self, point: int) -> CompiledRule | None:
        """The first decision row that accepts the point (first-hit over the flattened tables)."""
        for rule in self.rules:
            if point & rule.mask == point:
                return rule
        return None
