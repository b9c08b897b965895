"""Optimistic concurrency: a call's ETag is `W/"<version>"`; updates send it back as If-Match,
and a reader polling a call sends it as If-None-Match to get 304 while nothing has changed.

A missing If-Match where one is required is 428; a stale one is 412 (the service compares the
version inside the transaction, and the database's version column catches a race after that).
"""

from __future__ import annotations

import re
from typing import Annotated

from fastapi import Header

from rightcare.web.errors import ProblemError

_TAG = re.compile(r'^\s*(?:W/)?"?(\d{1,18})"?\s*$')

IfNoneMatch = Annotated[
    str | None,
    Header(
        alias="If-None-Match",
        description="the ETag you hold; if the call is unchanged the reply is 304 with no body",
    ),
]

IfMatch = Annotated[
    str | None,
    Header(
        alias="If-Match",
        description='the ETag of the call as you last read it, e.g. W/"3"',
    ),
]


def etag(version: int) -> str:
    return f'W/"{version}"'


def expected_version(if_match: str | None, *, required: bool = False) -> int | None:
    """The call version named by If-Match (None for `*` or, when optional, for no header)."""
    if if_match is None or not if_match.strip():
        if required:
            raise ProblemError(
                428,
                'send the call\'s ETag as If-Match (e.g. If-Match: W/"3"), so a change someone '
                "else made is not overwritten",
                code="if_match_required",
                field="If-Match",
            )
        return None
    if if_match.strip() == "*":
        return None
    found = _TAG.match(if_match)
    if found is None:
        raise ProblemError(
            412,
            'If-Match must be one ETag as the call was read, e.g. W/"3"',
            code="bad_if_match",
            field="If-Match",
        )
    return int(found.group(1))


def matches_any(if_none_match: str | None, version: int) -> bool:
    """True if If-None-Match names this version (or is `*`): the client's copy is current."""
    if not if_none_match:
        return False
    for candidate in if_none_match.split(","):
        candidate = candidate.strip()
        if candidate == "*":
            return True
        found = _TAG.match(candidate)
        if found is not None and int(found.group(1)) == version:
            return True
    return False
