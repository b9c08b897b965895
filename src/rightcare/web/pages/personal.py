"""On a call's page: correct its personal details (a misheard name, a mistyped address).

Only for someone who handles calls and may see personal details; anyone else does not see the
link and gets 403 here. The form shows the details as recorded (a view, so audited) with the
call's version; saving posts them all back, the service changes only those that differ, and
the browser is sent back to the call's page (post/redirect/get). A refusal shows the form again
with the error summary naming the field. Values never go in a URL, a page title or the log.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy.orm import Session

from rightcare.calls import service
from rightcare.calls.errors import NotFound, ServiceError
from rightcare.calls.models import PERSONAL_FIELDS
from rightcare.web.pages.call_handler import PERSONAL_INPUTS, CallForm, FieldError, personal_error
from rightcare.web.pages.calls import _redirect, _text
from rightcare.web.pages.common import (
    Viewer,
    actor_of,
    now_for,
    refused,
    render,
    sentence,
    unit_of_work,
    viewer_for,
)
from rightcare.web.permissions import Action, may_correct_personal

router = APIRouter(include_in_schema=False)

NOT_ALLOWED = "You do not have permission to see or correct personal details."
STALE_MESSAGE = (
    "Someone else changed this call after you opened this form, so your corrections were not "
    "saved. The form now shows the details as recorded now: check them and correct them again."
)


def _corrector(request: Request, form: Any | None = None) -> Viewer | Response:
    viewer = viewer_for(request, Action.CORRECT_PERSONAL, form=form)
    if isinstance(viewer, Viewer) and not may_correct_personal(actor_of(viewer)):
        return refused(request, NOT_ALLOWED, 403)
    return viewer


def _form_page(
    request: Request,
    viewer: Viewer,
    session: Session,
    call_id: str,
    *,
    typed: dict[str, str] | None = None,
    error: FieldError | None = None,
    status_code: int = 200,
) -> Response:
    """The form with the details as recorded (a view: audited), or as typed when refused."""
    try:
        call = service.get_call(
            session, actor=actor_of(viewer), call_id=call_id, now=now_for(request)
        )
    except NotFound:
        return refused(request, "There is no call with that id.", 404)
    session.commit()  # the personal.viewed audit entry
    recorded = {name: getattr(call, name) or "" for name in PERSONAL_FIELDS}
    values = {
        "viewer": viewer,
        "call": call,
        "version": call.version,
        "values": typed if typed is not None else recorded,
        "page_error": error,
        "personal_inputs": PERSONAL_INPUTS,
    }
    return render(request, "call_personal.html", values, status_code=status_code)


@router.get("/calls/{call_id}/personal-details", response_class=HTMLResponse)
def correct_form(request: Request, call_id: str) -> Response:
    viewer = _corrector(request)
    if not isinstance(viewer, Viewer):
        return viewer
    with unit_of_work(request) as session:
        return _form_page(request, viewer, session, call_id)


@router.post("/calls/{call_id}/personal-details", response_class=HTMLResponse)
async def correct(request: Request, call_id: str) -> Response:
    form = await request.form()
    viewer = _corrector(request, form)
    if not isinstance(viewer, Viewer):
        return viewer
    typed = CallForm.from_form(form)
    version_text = _text(form, "expected_version", 20)
    with unit_of_work(request) as session:
        refused_detail = personal_error(typed)
        if refused_detail is not None:
            return _form_page(
                request,
                viewer,
                session,
                call_id,
                typed=typed.personal,
                error=refused_detail,
                status_code=422,
            )
        if not version_text.isdigit():
            return _form_page(
                request,
                viewer,
                session,
                call_id,
                error=FieldError(PERSONAL_FIELDS[0], STALE_MESSAGE),
                status_code=409,
            )
        try:
            call = service.correct_personal_details(
                session,
                actor=actor_of(viewer),
                call_id=call_id,
                changes=typed.personal_details(),
                expected_version=int(version_text),
                now=now_for(request),
            )
        except NotFound:
            return refused(request, "There is no call with that id.", 404)
        except ServiceError as exc:
            session.rollback()
            if exc.code == "stale_version":
                error = FieldError(PERSONAL_FIELDS[0], STALE_MESSAGE)
                return _form_page(request, viewer, session, call_id, error=error, status_code=409)
            field = exc.field if exc.field in PERSONAL_FIELDS else PERSONAL_FIELDS[0]
            error = FieldError(str(field), sentence(exc.message))
            return _form_page(
                request,
                viewer,
                session,
                call_id,
                typed=typed.personal,
                error=error,
                status_code=exc.http_status,
            )
        changed = call.version != int(version_text)
        session.commit()
    return _redirect(call_id, "personal" if changed else "personal_unchanged")
