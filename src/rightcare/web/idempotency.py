"""`Idempotency-Key` on POSTs (and the PATCH of personal details): a retrying C&C system never
creates a duplicate or applies a correction twice.

The key is stored with the reply in the same transaction as the change it made, per principal
(the user or token). A retry with the same key and the same request gets the stored reply again
(status, body, Location and ETag), marked `Idempotent-Replayed: true`; the same key with a
different request is refused with 422. Two copies racing each other are settled by the
database's unique (principal, key): the loser rolls back and replays the winner's reply.

Only successful replies are stored: a refused request changed nothing, so its retry runs again.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Annotated, Any

import sqlalchemy as sa
from fastapi import Depends, Header, Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from rightcare.storage.models import IdempotencyKey
from rightcare.web.deps import NowDep, SessionDep, current_actor
from rightcare.web.errors import ProblemError
from rightcare.web.replies import json_reply

HEADER = "Idempotency-Key"
REPLAYED = "Idempotent-Replayed"
KEPT_HEADERS = ("Location", "ETag")
MAX_KEY = 255


def request_hash(method: str, path: str, body: bytes) -> str:
    """sha256 over method, path and the JSON body in one canonical spelling."""
    try:
        canonical = json.dumps(json.loads(body), sort_keys=True, separators=(",", ":"))
    except (ValueError, UnicodeDecodeError):
        canonical = body.hex()
    material = f"{method.upper()} {path}\n{canonical}".encode()
    return hashlib.sha256(material).hexdigest()


def _replay(stored: IdempotencyKey) -> JSONResponse:
    headers = {str(k): str(v) for k, v in (stored.response_headers or {}).items()}
    headers[REPLAYED] = "true"
    return JSONResponse(stored.response_body, status_code=stored.status_code, headers=headers)


class Replay(Exception):
    """Raised by the dependency when the request is a retry: answer with the stored reply."""

    def __init__(self, stored: IdempotencyKey) -> None:
        super().__init__(stored.key)
        self.response = _replay(stored)


def _mismatch() -> ProblemError:
    return ProblemError(
        422,
        f"this {HEADER} was already used for a different request: use a new key for a new "
        "request, and the same key only to retry the same one",
        code="idempotency_key_reused",
        field=HEADER,
    )


@dataclass
class Idempotency:
    key: str | None
    principal: str
    request_hash: str
    at: Any = None

    def _stored(self, session: Session) -> IdempotencyKey | None:
        return session.scalar(
            sa.select(IdempotencyKey).where(
                IdempotencyKey.principal == self.principal, IdempotencyKey.key == self.key
            )
        )

    def check(self, session: Session) -> None:
        """Raise Replay for a retry, ProblemError for a reused key; else carry on."""
        if self.key is None:
            return
        stored = self._stored(session)
        if stored is None:
            return
        if stored.request_hash != self.request_hash:
            raise _mismatch()
        raise Replay(stored)

    def commit(
        self,
        session: Session,
        *,
        status_code: int,
        content: Any,
        headers: Mapping[str, str] | None = None,
    ) -> JSONResponse:
        """Store the reply with the change, commit both, and answer. Nothing is acknowledged
        before it is committed. `content` may be a function that builds the reply from what
        was just written: it is called after the commit when nothing needs storing with it."""
        if self.key is None:
            # Nothing to store: commit first and encode the reply after, so the database's
            # write lock (and, on PostgreSQL, the audit chain's) is not held while it is built.
            try:
                session.commit()
            except IntegrityError:
                session.rollback()
                raise
            if callable(content):
                content = content()
            return json_reply(content, status_code=status_code, headers=headers)
        body = jsonable_encoder(content() if callable(content) else content)
        kept = {k: v for k, v in (headers or {}).items() if k in KEPT_HEADERS}
        session.add(
            IdempotencyKey(
                key=self.key,
                principal=self.principal,
                request_hash=self.request_hash,
                status_code=status_code,
                response_body=body,
                response_headers=kept,
                created_at=self.at,
            )
        )
        try:
            session.commit()
        except IntegrityError:
            session.rollback()
            stored = self._stored(session)
            if stored is None:
                raise
            if stored.request_hash != self.request_hash:
                raise _mismatch() from None
            return _replay(stored)
        return JSONResponse(body, status_code=status_code, headers=dict(headers or {}))


async def get_idempotency(
    request: Request,
    session: SessionDep,
    now: NowDep,
    idempotency_key: Annotated[
        str | None,
        Header(
            alias=HEADER,
            description="a unique key per request (e.g. a UUID): a retry with the same key and "
            "body replays the first reply instead of acting twice",
        ),
    ] = None,
) -> Idempotency:
    actor = await current_actor(request)
    key = idempotency_key.strip() if idempotency_key is not None else None
    if key is not None and (not key or len(key) > MAX_KEY or not key.isprintable()):
        raise ProblemError(
            422,
            f"{HEADER} must be 1 to {MAX_KEY} printable characters",
            code="invalid",
            field=HEADER,
        )
    if key is None:  # nothing to store or compare: no digest, no database
        return Idempotency(key=None, principal=actor.name, request_hash="", at=now)
    digest = request_hash(request.method, request.url.path, await request.body())
    found = Idempotency(key=key, principal=actor.name, request_hash=digest, at=now)
    found.check(session)  # one indexed read, on the loop like the write that follows it
    return found


IdempotencyDep = Annotated[Idempotency, Depends(get_idempotency)]


async def on_replay(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, Replay)
    return exc.response
