"""Refuse a NUL character in a request's address before any route sees it.

PostgreSQL cannot hold a NUL in text, so a path or query parameter carrying one (`%00`) used to
reach the database as a lookup and fail there as a server error. Bodies are already checked
field by field (`rightcare.validation`); this covers the address, for every route at once.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Receive, Scope, Send

from rightcare.web.errors import problem_response


def _has_nul(scope: Scope) -> str | None:
    if "\x00" in str(scope.get("path", "")):
        return "path"
    query = bytes(scope.get("query_string", b"")).lower()
    if b"%00" in query or b"\x00" in query:
        return "query"
    return None


class RefuseNul:
    """ASGI middleware: 400 problem+json naming the part (path or query) that holds a NUL."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        where = _has_nul(scope) if scope["type"] == "http" else None
        if where is None:
            await self.app(scope, receive, send)
            return
        response = problem_response(
            None,
            400,
            f"the request's {where} contains a NUL character (%00), which is not allowed",
            code="nul_character",
            field=where,
        )
        await response(scope, receive, send)
