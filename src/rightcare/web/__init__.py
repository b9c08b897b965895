"""The web service: the JSON API for C&C systems and screens, sign-in, and pages."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rightcare.web.app import create_app

__all__ = ["create_app"]


def __getattr__(name: str) -> Any:
    # Lazy, so `rightcare <command>` does not import FastAPI and the pages it does not serve.
    if name == "create_app":
        from rightcare.web.app import create_app

        return create_app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
