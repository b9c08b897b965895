"""Correct a call's personal details: `PATCH /calls/{call_id}/personal-details`.

The body names only the fields to change (JSON merge patch: null clears one). It needs the
call's ETag as If-Match, honours Idempotency-Key, and answers with the call as
`GET /calls/{call_id}` gives it, with its new ETag (so the reply is a view of the details, and
audited as one).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends
from fastapi.responses import JSONResponse

from rightcare.auth.actor import Actor
from rightcare.calls import service
from rightcare.calls.schemas import CallRead, CallUpdate
from rightcare.web.api.calls import CallId
from rightcare.web.deps import NowDep, SessionDep, allowed_actor
from rightcare.web.errors import PROBLEM_RESPONSES, ProblemError
from rightcare.web.etags import IfMatch, etag, expected_version
from rightcare.web.idempotency import IdempotencyDep
from rightcare.web.permissions import Action, may_correct_personal

router = APIRouter(tags=["calls"])

_RESPONSES: dict[int | str, dict[str, object]] = {
    **PROBLEM_RESPONSES,
    404: {"description": "No such call"},
    412: {"description": "If-Match is stale: reload the call"},
    428: {"description": "If-Match is required"},
}


async def _corrector(actor: Annotated[Actor, allowed_actor(Action.CORRECT_PERSONAL)]) -> Actor:
    """Someone who handles calls and may see personal details (a token: `personal:read`)."""
    if not may_correct_personal(actor):
        who = (
            "this API token does not have the `personal:read` permission"
            if actor.kind == "token"
            else "you do not have permission to see or correct personal details"
        )
        raise ProblemError(403, who, code="forbidden")
    return actor


@router.patch(
    "/calls/{call_id}/personal-details",
    response_model=CallRead,
    responses=_RESPONSES,
)
def correct_personal_details(
    call_id: CallId,
    body: CallUpdate,
    actor: Annotated[Actor, Depends(_corrector)],
    idem: IdempotencyDep,
    session: SessionDep,
    now: NowDep,
    if_match: IfMatch = None,
) -> JSONResponse:
    """Correct the caller's name or phone, the subject's name or the address. Send only the
    fields to change (null clears one) and the ETag you read as If-Match. Needs the
    personal-details permission. The audit trail records which fields changed, never their
    values. Values already as recorded change nothing: no new version, no audit entry."""
    version = expected_version(if_match, required=True)
    call = service.correct_personal_details(
        session,
        actor=actor,
        call_id=call_id,
        changes=body.model_dump(exclude_unset=True),
        expected_version=version,
        now=now,
    )
    read = service.get_call(session, actor=actor, call_id=call.id, now=now)
    return idem.commit(session, status_code=200, content=read, headers={"ETag": etag(read.version)})


__all__ = ["router"]
