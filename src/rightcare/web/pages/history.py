"""Call history (search and filters) and a call's timeline from the audit trail."""

from __future__ import annotations

from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from rightcare.calls import service
from rightcare.calls.errors import NotFound
from rightcare.calls.models import Call, CallStatus
from rightcare.engine.vocab import PoliceResponse
from rightcare.web.pages.calls import STATUS_WORDS
from rightcare.web.pages.common import (
    Viewer,
    actor_of,
    refused,
    render,
    unit_of_work,
    viewer_for,
)
from rightcare.web.pages.wording import RESPONSE_TAG, RESPONSE_WORDS
from rightcare.web.permissions import Action

router = APIRouter(include_in_schema=False)

PAGE_SIZE = 50


@router.get("/calls", response_class=HTMLResponse)
def call_history(
    request: Request,
    q: str = "",
    status: str = "",
    police_response: str = "",
    offset: int = 0,
) -> Response:
    viewer = viewer_for(request, Action.READ_CALLS)
    if not isinstance(viewer, Viewer):
        return viewer
    q = q.strip()[:200]
    chosen_status = CallStatus(status) if status in {s.value for s in CallStatus} else None
    chosen_response = (
        PoliceResponse(police_response)
        if police_response in {r.value for r in PoliceResponse}
        else None
    )
    offset = max(0, min(offset, 1_000_000))
    with unit_of_work(request) as session:
        rows = service.list_calls(
            session,
            actor=actor_of(viewer),
            q=q or None,
            status=chosen_status,
            police_response=chosen_response,
            limit=PAGE_SIZE + 1,
            offset=offset,
        )
    query = {"q": q, "status": status, "police_response": police_response}
    return render(
        request,
        "call_history.html",
        {
            "viewer": viewer,
            "rows": rows[:PAGE_SIZE],
            "q": q,
            "status": chosen_status.value if chosen_status else "",
            "police_response": chosen_response.value if chosen_response else "",
            "statuses": [(s.value, words) for s, words in STATUS_WORDS.items()],
            "responses": [(r.value, words) for r, words in RESPONSE_WORDS.items()],
            "status_words": {s.value: words for s, words in STATUS_WORDS.items()},
            "response_words_of": RESPONSE_WORDS,
            "response_tag_of": RESPONSE_TAG,
            "filtered": bool(q or chosen_status or chosen_response),
            "previous_url": (
                "/calls?" + urlencode({**query, "offset": max(0, offset - PAGE_SIZE)})
                if offset > 0
                else None
            ),
            "next_url": (
                "/calls?" + urlencode({**query, "offset": offset + PAGE_SIZE})
                if len(rows) > PAGE_SIZE
                else None
            ),
            "first": offset + 1,
        },
    )


@router.get("/calls/{call_id}/timeline", response_class=HTMLResponse)
def call_timeline(request: Request, call_id: str) -> Response:
    viewer = viewer_for(request, Action.READ_TIMELINE)
    if not isinstance(viewer, Viewer):
        return viewer
    with unit_of_work(request) as session:
        try:
            entries = service.call_timeline(session, actor=actor_of(viewer), call_id=call_id)
        except NotFound:
            return refused(request, "There is no call with that id.", 404)
        call = session.get(Call, call_id)
        reference = call.reference if call is not None else call_id
    return render(
        request,
        "call_timeline.html",
        {
            "viewer": viewer,
            "call_id": call_id,
            "reference": reference,
            "entries": entries,
            "may_read_call": viewer.may(Action.READ_CALLS),
        },
    )
