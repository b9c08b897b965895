"""Append-only, hash-chained audit log: `record` in the caller's transaction, `verify` the chain."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rightcare.audit.service import AuditDetailsError, VerifyResult, record, verify

__all__ = ["AuditDetailsError", "VerifyResult", "record", "verify"]


def __getattr__(name: str) -> Any:
    # Lazy, so `rightcare audit --help` and the other commands do not import SQLAlchemy.
    if name in __all__:
        from rightcare.audit import service

        return getattr(service, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
