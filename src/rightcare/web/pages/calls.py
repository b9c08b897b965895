"""A stored call: save it from the call handler's screen, then record the decision, what the
caller was told and the handover on the call's page; the call history and a call's timeline.

Every form posts, and on success redirects back to the call's page (post/redirect/get); a
refusal (a `ServiceError`) shows the page again with a GOV.UK error summary. Each request has
its own database session and commits before it answers, as the API's routes do.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from sqlalchemy.orm import Session
from starlette.datastructures import FormData

from rightcare.calls import service
from rightcare.calls.errors import Conflict, NotFound, ServiceError
from rightcare.calls.models import Call, CallStatus, HandoverKind, OverrideReason
from rightcare.calls.schemas import CallCreate, CallRead, HandoverEvent, HandoverRead
from rightcare.engine.contract import NARRATIVE_LIMIT, CallContext
from rightcare.engine.errors import CallError
from rightcare.engine.policy import Policy
from rightcare.engine.store import PolicySet
from rightcare.engine.vocab import Agency, Answer, PoliceResponse
from rightcare.web.pages.call_handler import (
    PERSONAL_INPUTS,
    CallForm,
    assessment_view,
    page_values,
    personal_error,
)
from rightcare.web.pages.common import (
    Viewer,
    actor_of,
    demo_mode,
    now_for,
    policies_for,
    refused,
    render,
    sentence,
    unit_of_work,
    viewer_for,
)
from rightcare.web.pages.wording import RESPONSE_TAG, RESPONSE_WORDS, agency_name
from rightcare.web.permissions import Action, may_correct_personal

router = APIRouter(include_in_schema=False)

STATUS_WORDS = {
    CallStatus.OPEN: "Open",
    CallStatus.AWAITING_SUPERVISOR: "Awaiting supervisor sign-off",
    CallStatus.CLOSED: "Closed",
}
DECISION_RESPONSES = (
    PoliceResponse.ATTEND,
    PoliceResponse.DISCRETION,
    PoliceResponse.DO_NOT_ATTEND,
)
EVENT_WORDS = {
    HandoverEvent.ACCEPTED: "Accepted by the partner",
    HandoverEvent.DECLINED: "Declined by the partner",
    HandoverEvent.NO_ANSWER: "No answer from the partner",
    HandoverEvent.HANDED_OVER: "Handed over (s136: the person is with NHS staff)",
}
KIND_WORDS = {
    HandoverKind.STANDARD: "Standard handover",
    HandoverKind.S136: "Section 136: officers are at the place of safety now (the hour starts)",
}
DONE_WORDS = {
    "saved": "Call saved",
    "decision": "Decision recorded",
    "advice": "What the caller was told is recorded",
    "offered": "Handover offered",
    "handover": "The partner's answer is recorded",
    "reassessed": "Re-assessed: the recommendation below is up to date",
    "personal": "Personal details corrected",
    "personal_unchanged": "Nothing to correct: the personal details are as they were",
}
STALE_MESSAGE = (
    "Someone else changed this call after you opened it, so your answers and notes were not "
    "saved. Reload the call to see their changes: this page now shows the latest version, and "
    "what you typed is kept below. Check both, then re-assess again."
)

# Where each refused field is on the call's page (for the error summary's link).
_FIELD_TARGETS = {
    "accept": "accept-button",
    "assessment_id": "accept-button",
    "police_response": "override-response-attend",
    "reason": "override-reason",
    "note": "override-note",
    "arrived_at": "offer-arrived",
}


@dataclass(frozen=True)
class PageError:
    field_id: str
    message: str
    section: str  # decision, override, advice, offer, handover-<n>


def _error(exc: ServiceError, section: str, target: str | None = None) -> PageError:
    fallback = "override-response-attend" if section == "override" else f"{section}-section"
    field_id = target or _FIELD_TARGETS.get(exc.field or "", fallback)
    return PageError(field_id, sentence(exc.message), section)


def _text(form: FormData, name: str, limit: int = 4000) -> str:
    return str(form.get(name) or "").replace("\r\n", "\n")[:limit]


def _policy(policies: PolicySet, force: str | None) -> Policy:
    try:
        return policies.for_force(force)
    except CallError:
        return policies.base


def _redirect(call_id: str, done: str) -> RedirectResponse:
    return RedirectResponse(f"/calls/{call_id}?{urlencode({'done': done})}", status_code=303)


# --- saving a call from the call handler's screen -------------------------------------------


@router.post("/calls", response_class=HTMLResponse)
async def save_call(request: Request) -> Response:
    """Store the call as typed (narrative, answers, channel, caller, force, and any caller and
    subject details) and go to it. A detail that cannot be stored shows the screen again."""
    form_data = await request.form()
    viewer = viewer_for(request, Action.CREATE_CALL, form=form_data)
    if not isinstance(viewer, Viewer):
        return viewer
    form = CallForm.from_form(form_data)
    refused_detail = personal_error(form)
    if refused_detail is not None:
        values, _ = page_values(request, viewer, form, refused_detail)
        return render(request, "call_handler.html", values, status_code=422)
    policies = policies_for(request)
    now = now_for(request)
    try:
        data = CallCreate(
            **form.personal_details(),
            narrative=form.narrative,
            answers={key: Answer(value) for key, value in form.answers.items()},
            context=CallContext.model_validate(form.call_data(now.isoformat())["context"]),
            synthetic=demo_mode(request),
        )
    except ValidationError:
        return refused(
            request, "The call could not be saved: the notes or call details are not valid.", 422
        )
    with unit_of_work(request) as session:
        try:
            call = service.create_call(
                session, actor=actor_of(viewer), data=data, now=now, policies=policies
            )
        except ServiceError as exc:
            return refused(request, f"The call could not be saved: {exc.message}", exc.http_status)
        session.commit()
        return _redirect(call.id, "saved")


# --- the call's page --------------------------------------------------------------------------


def _handover_state(handover: HandoverRead) -> str:
    if handover.handed_over_at is not None:
        return "Handed over"
    if handover.accepted_at is not None:
        return "Accepted"
    if handover.declined_at is not None:
        return "Declined"
    if handover.no_answer_at is not None:
        return "No answer"
    return "Offered: waiting for the partner"


def _call_values(
    request: Request,
    viewer: Viewer,
    session: Session,
    call_id: str,
    error: PageError | None = None,
    entered: dict[str, str] | None = None,
    typed: CallForm | None = None,
) -> dict[str, Any]:
    """The call's page. `typed` is the re-assess form as the handler sent it, when it was
    refused: their notes and answers are shown again rather than the call's."""
    now = now_for(request)
    call: CallRead = service.get_call(session, actor=actor_of(viewer), call_id=call_id, now=now)
    policies = policies_for(request)
    policy = _policy(policies, call.force)
    values: dict[str, Any] = {
        "viewer": viewer,
        "call": call,
        "policy": policy,
        "page_error": error,
        "error": None,  # the recommendation panel's own error
        "entered": entered or {},
        "done": DONE_WORDS.get(str(request.query_params.get("done") or "")),
        "status_words": STATUS_WORDS[call.status],
        "response_words_of": RESPONSE_WORDS,
        "response_tag_of": RESPONSE_TAG,
        "decision_responses": DECISION_RESPONSES,
        "override_reasons": [(r.value, r.label) for r in OverrideReason],
        "event_words": [(e.value, words) for e, words in EVENT_WORDS.items()],
        "kind_words": [(k.value, words) for k, words in KIND_WORDS.items()],
        "agencies": [(info.id, info.name) for info in policy.agencies if info.id != Agency.POLICE],
        "handover_state": _handover_state,
        "reason_label": lambda reason: OverrideReason(reason).label,
        "questions": policy.questions,
        "may_decide": viewer.may(Action.DECIDE),
        "may_advise": viewer.may(Action.ADVISE),
        "may_handover": viewer.may(Action.HANDOVER),
        "may_timeline": viewer.may(Action.READ_TIMELINE),
        "may_assess": viewer.may(Action.ASSESS_CALL),
        "may_correct_personal": viewer.actor is not None and may_correct_personal(viewer.actor),
        "arrived_default": now.astimezone(dt.UTC).strftime("%H:%M"),
        "typed_addition": typed.narrative if typed is not None else "",
        "typed_answers": (
            typed.answers
            if typed is not None
            else {key: value.value for key, value in call.answers.items()}
        ),
    }
    values["personal_rows"] = [
        {"id": f"personal-{name}", "label": label, "value": getattr(call, name)}
        for name, label, _, _ in PERSONAL_INPUTS
    ]
    values["personal_recorded"] = any(row["value"] is not None for row in values["personal_rows"])
    latest = call.latest_assessment
    if latest is not None:
        form = CallForm(
            narrative=call.narrative,
            answers={key: value.value for key, value in call.answers.items()},
        )
        values.update(assessment_view(policy, form, latest.output))
        values["form"] = form
        lead = latest.output.lead_agency
        partner = policy.partners.get(lead)
        values["lead"] = lead
        values["lead_partner_name"] = (
            partner.service if partner is not None else agency_name(policy, lead)
        )
        values["tell_caller_default"] = latest.output.tell_caller
    standing = call.police_response
    values["attending_default"] = (
        "yes" if standing in (PoliceResponse.ATTEND, PoliceResponse.UNDETERMINED) else "no"
    )
    return values


def _call_page(
    request: Request,
    viewer: Viewer,
    session: Session,
    call_id: str,
    *,
    error: PageError | None = None,
    entered: dict[str, str] | None = None,
    typed: CallForm | None = None,
    status_code: int = 200,
) -> Response:
    try:
        values = _call_values(request, viewer, session, call_id, error, entered, typed)
    except NotFound:
        return refused(request, "There is no call with that id.", 404)
    session.commit()  # a personal.viewed audit entry, if the details were shown
    return render(request, "call.html", values, status_code=status_code)


@router.get("/calls/{call_id}", response_class=HTMLResponse)
def call_page(request: Request, call_id: str) -> Response:
    viewer = viewer_for(request, Action.READ_CALLS)
    if not isinstance(viewer, Viewer):
        return viewer
    with unit_of_work(request) as session:
        return _call_page(request, viewer, session, call_id)


def _refused_again(
    request: Request,
    viewer: Viewer,
    session: Session,
    call_id: str,
    error: PageError,
    entered: dict[str, str],
    status: int,
) -> Response:
    session.rollback()
    return _call_page(
        request, viewer, session, call_id, error=error, entered=entered, status_code=status
    )


@router.post("/calls/{call_id}/assess", response_class=HTMLResponse)
async def reassess(request: Request, call_id: str) -> Response:
    """Answer more questions and add to the notes, then assess the call again.

    The form carries the call's version as the page showed it: if someone else changed the
    call since, nothing is saved and the page comes back with the latest call, an error
    summary, and what the handler typed still in the form."""
    form = await request.form()
    viewer = viewer_for(request, Action.ASSESS_CALL, form=form)
    if not isinstance(viewer, Viewer):
        return viewer
    typed = CallForm.from_form(form)
    typed.narrative = _text(form, "notes_addition", NARRATIVE_LIMIT + 1)
    version_text = _text(form, "expected_version", 20)
    with unit_of_work(request) as session:
        try:
            if not version_text.isdigit():
                raise Conflict(STALE_MESSAGE, code="stale_version", field="version")
            stored = session.get(Call, call_id)
            if stored is None:
                raise NotFound("no such call", field="call_id")
            addition = typed.narrative.strip()
            before = stored.narrative.rstrip()
            narrative = f"{before}\n\n{addition}" if before else addition
            service.assess(
                session,
                actor=actor_of(viewer),
                call_id=call_id,
                policies=policies_for(request),
                answers={key: Answer(value) for key, value in typed.answers.items()},
                narrative=narrative if addition else None,
                expected_version=int(version_text),
                now=now_for(request),
            )
        except NotFound:
            return refused(request, "There is no call with that id.", 404)
        except ServiceError as exc:
            stale = exc.code == "stale_version"
            if stale:
                error = PageError("reassess-notes", STALE_MESSAGE, "reassess")
            elif exc.field == "narrative":
                error = PageError(
                    "reassess-notes",
                    f"The notes would be too long: keep them under {NARRATIVE_LIMIT:,} characters",
                    "reassess",
                )
            else:
                error = _error(exc, "reassess", "reassess-notes")
            session.rollback()
            return _call_page(
                request,
                viewer,
                session,
                call_id,
                error=error,
                typed=typed,
                status_code=409 if stale else exc.http_status,
            )
        session.commit()
    return _redirect(call_id, "reassessed")
