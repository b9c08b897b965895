"""POST /assess: the stateless assessment, exactly as `rightcare assess` (nothing is stored)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from rightcare.auth.actor import Actor
from rightcare.calls.assessing import assess_input
from rightcare.engine.contract import Assessment, CallInput
from rightcare.web.deps import PoliciesDep, allowed_actor
from rightcare.web.errors import PROBLEM_RESPONSES
from rightcare.web.permissions import Action
from rightcare.web.replies import json_reply

router = APIRouter(tags=["assess"])


@router.post("/assess", response_model=Assessment, responses=PROBLEM_RESPONSES)
async def assess(
    call: CallInput,
    _actor: Annotated[Actor, allowed_actor(Action.ASSESS)],
    policies: PoliciesDep,
) -> JSONResponse:
    """Assess one call against the RCRP threshold (see the assessment contract).

    Nothing is stored, so a retry is harmless: an Idempotency-Key is accepted and not needed.
    An unknown question or force is refused with 422 naming the field.
    """
    # On the event loop, not in a thread: it is pure, quick CPU work (under a millisecond) that
    # touches no database, and a trip through the thread pool costs more than it does.
    # The body is validated once, here, not dumped and parsed again by `assess_call`.
    return json_reply(assess_input(policies, call))
