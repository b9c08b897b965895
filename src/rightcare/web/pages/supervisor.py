"""The supervisor's queue: overrides that lower the response wait here for sign-off; declined or
unanswered handovers and s136 clocks past the hour wait here for a review with a decision."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.orm import Session

from rightcare.calls import service
from rightcare.calls.errors import ServiceError
from rightcare.calls.models import OverrideReason, ReviewOutcome
from rightcare.web.pages.common import (
    Viewer,
    actor_of,
    now_for,
    render,
    sentence,
    unit_of_work,
    viewer_for,
)
from rightcare.web.pages.wording import RESPONSE_TAG, RESPONSE_WORDS
from rightcare.web.permissions import Action

router = APIRouter(include_in_schema=False)

SIGNOFF_WORDS = [
    ("approve", "Approve: the override stands"),
    ("reject", "Reject: the recommendation stands"),
]
OUTCOME_WORDS = [
    (ReviewOutcome.NOTED.value, "Noted: I have dealt with it (say how in the note)"),
    (ReviewOutcome.APPROVED.value, "Approved: the plan stands"),
    (ReviewOutcome.REJECTED.value, "Rejected: the plan must change"),
]
DONE_WORDS = {"signoff": "Sign-off recorded", "review": "Review recorded"}


@dataclass(frozen=True)
class QueueError:
    item_id: str
    field_id: str
    message: str


def _queue_page(
    request: Request,
    viewer: Viewer,
    session: Session,
    *,
    error: QueueError | None = None,
    entered: dict[str, str] | None = None,
    status_code: int = 200,
) -> Response:
    queue = service.supervisor_queue(session, now=now_for(request))
    values: dict[str, Any] = {
        "viewer": viewer,
        "queue": queue,
        "error": error,
        "entered": entered or {},
        "done": DONE_WORDS.get(str(request.query_params.get("done") or "")),
        "signoff_words": SIGNOFF_WORDS,
        "outcome_words": OUTCOME_WORDS,
        "response_words_of": RESPONSE_WORDS,
        "response_tag_of": RESPONSE_TAG,
        "reason_label": lambda reason: OverrideReason(reason).label if reason else "none given",
    }
    return render(request, "supervisor.html", values, status_code=status_code)


@router.get("/supervisor", response_class=HTMLResponse)
def supervisor_page(request: Request) -> Response:
    viewer = viewer_for(request, Action.SUPERVISOR_QUEUE)
    if not isinstance(viewer, Viewer):
        return viewer
    with unit_of_work(request) as session:
        return _queue_page(request, viewer, session)


@router.post("/supervisor/decisions/{decision_id}", response_class=HTMLResponse)
async def sign_off(request: Request, decision_id: str) -> Response:
    form = await request.form()
    viewer = viewer_for(request, Action.SIGN_OFF, form=form)
    if not isinstance(viewer, Viewer):
        return viewer
    choice = str(form.get("outcome") or "")
    note = str(form.get("note") or "")[:4000]
    entered = {"item": decision_id, "outcome": choice, "note": note}
    with unit_of_work(request) as session:
        try:
            if choice not in {"approve", "reject"}:
                raise ServiceError("choose approve or reject", field="outcome")
            service.sign_off(
                session,
                actor=actor_of(viewer),
                decision_id=decision_id,
                approve=choice == "approve",
                note=note,
                now=now_for(request),
            )
        except ServiceError as exc:
            session.rollback()
            field = "note" if exc.field == "note" else "outcome-approve"
            error = QueueError(decision_id, f"signoff-{decision_id}-{field}", sentence(exc.message))
            return _queue_page(
                request, viewer, session, error=error, entered=entered, status_code=422
            )
        session.commit()
    return RedirectResponse("/supervisor?done=signoff", status_code=303)


@router.post("/supervisor/reviews/{review_id}", response_class=HTMLResponse)
async def review(request: Request, review_id: str) -> Response:
    form = await request.form()
    viewer = viewer_for(request, Action.REVIEW, form=form)
    if not isinstance(viewer, Viewer):
        return viewer
    choice = str(form.get("outcome") or "")
    note = str(form.get("note") or "")[:4000]
    entered = {"item": review_id, "outcome": choice, "note": note}
    with unit_of_work(request) as session:
        try:
            if choice not in {o.value for o in ReviewOutcome}:
                raise ServiceError("choose an outcome", field="outcome")
            service.review(
                session,
                actor=actor_of(viewer),
                review_id=review_id,
                outcome=ReviewOutcome(choice),
                note=note,
                now=now_for(request),
            )
        except ServiceError as exc:
            session.rollback()
            field = "note" if exc.field == "note" else "outcome-noted"
            error = QueueError(review_id, f"review-{review_id}-{field}", sentence(exc.message))
            return _queue_page(
                request, viewer, session, error=error, entered=entered, status_code=422
            )
        session.commit()
    return RedirectResponse("/supervisor?done=review", status_code=303)
