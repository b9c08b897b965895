"""What a call service refuses, and why, in words a call handler understands at 3 a.m.

Every error carries a stable `code` (for programs and tests), an optional `field` (the input it
is about, so the API can name it) and a plain-English message. `http_status` is a hint for the
web layer; services themselves know nothing of HTTP.
"""

from __future__ import annotations

from typing import ClassVar


class ServiceError(Exception):
    """Base of every refusal a call service makes."""

    default_code: ClassVar[str] = "service_error"
    http_status: ClassVar[int] = 400

    def __init__(self, message: str, *, code: str | None = None, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.code = code or self.default_code
        self.field = field

    def __repr__(self) -> str:
        return f"{type(self).__name__}(code={self.code!r}, field={self.field!r}, {self.message!r})"


class NotFound(ServiceError):
    """No such call, assessment, decision, handover or review."""

    default_code = "not_found"
    http_status = 404


class Forbidden(ServiceError):
    """The actor's role (or token scope) does not allow this."""

    default_code = "forbidden"
    http_status = 403


class Conflict(ServiceError):
    """Someone else changed the call first (stale version), or the thing is already settled."""

    default_code = "conflict"
    http_status = 409


class RuleViolation(ServiceError):
    """A workflow rule refuses the request (e.g. declining while answers await confirmation)."""

    default_code = "rule_violation"
    http_status = 422


__all__ = ["Conflict", "Forbidden", "NotFound", "RuleViolation", "ServiceError"]
