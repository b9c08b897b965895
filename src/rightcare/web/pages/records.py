"""On a call's page: record the handler's decision (accept or a coded override) and what the
caller was told. Same pattern as `calls.py`: post, then redirect back to the call's page, or
the page again with the error summary."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from rightcare.calls import service
from rightcare.calls.errors import NotFound, ServiceError
from rightcare.calls.models import OverrideReason
from rightcare.engine.vocab import PoliceResponse
from rightcare.web.pages.calls import DECISION_RESPONSES, _error, _redirect, _refused_again, _text
from rightcare.web.pages.common import (
    Viewer,
    actor_of,
    now_for,
    policies_for,
    refused,
    unit_of_work,
    viewer_for,
)
from rightcare.web.permissions import Action

router = APIRouter(include_in_schema=False)


@router.post("/calls/{call_id}/decision", response_class=HTMLResponse)
async def record_decision(request: Request, call_id: str) -> Response:
    form = await request.form()
    viewer = viewer_for(request, Action.DECIDE, form=form)
    if not isinstance(viewer, Viewer):
        return viewer
    accept = _text(form, "accept") == "yes"
    section = "decision" if accept else "override"
    entered = {key: _text(form, key) for key in ("police_response", "reason", "note")}
    with unit_of_work(request) as session:
        try:
            response_value = entered["police_response"]
            reason_value = entered["reason"]
            if not accept and response_value not in {r.value for r in DECISION_RESPONSES}:
                raise ServiceError(
                    "choose the police response you are deciding on", field="police_response"
                )
            if not accept and reason_value not in {r.value for r in OverrideReason}:
                raise ServiceError("choose the reason for the override", field="reason")
            service.record_decision(
                session,
                actor=actor_of(viewer),
                call_id=call_id,
                assessment_id=_text(form, "assessment_id", 36),
                accept=accept,
                police_response=None if accept else PoliceResponse(response_value),
                reason=None if accept else OverrideReason(reason_value),
                note="" if accept else entered["note"],
                now=now_for(request),
                policies=policies_for(request),
            )
        except NotFound as exc:
            if exc.field == "call_id":
                return refused(request, "There is no call with that id.", 404)
            error = _error(exc, section, "accept-button" if accept else None)
            return _refused_again(request, viewer, session, call_id, error, entered, 404)
        except ServiceError as exc:
            target = "accept-button" if accept else None
            error = _error(exc, section, target)
            return _refused_again(request, viewer, session, call_id, error, entered, 422)
        session.commit()
    return _redirect(call_id, "decision")


@router.post("/calls/{call_id}/advice", response_class=HTMLResponse)
async def record_advice(request: Request, call_id: str) -> Response:
    form = await request.form()
    viewer = viewer_for(request, Action.ADVISE, form=form)
    if not isinstance(viewer, Viewer):
        return viewer
    entered = {"advice_text": _text(form, "text"), "attending": _text(form, "police_attending")}
    with unit_of_work(request) as session:
        try:
            if not entered["advice_text"].strip():
                raise ServiceError("write what you told the caller", field="text")
            if entered["attending"] not in {"yes", "no"}:
                raise ServiceError("say whether police are attending", field="police_attending")
            service.record_caller_advice(
                session,
                actor=actor_of(viewer),
                call_id=call_id,
                text=entered["advice_text"].strip(),
                police_attending=entered["attending"] == "yes",
                now=now_for(request),
            )
        except NotFound:
            return refused(request, "There is no call with that id.", 404)
        except ServiceError as exc:
            target = "advice-attending-yes" if exc.field == "police_attending" else "advice-text"
            return _refused_again(
                request, viewer, session, call_id, _error(exc, "advice", target), entered, 422
            )
        session.commit()
    return _redirect(call_id, "advice")
