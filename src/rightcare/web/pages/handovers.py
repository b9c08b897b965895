"""Handovers from the call page: offer one to the partner, then record what it said."""

from __future__ import annotations

import datetime as dt
import re

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from rightcare.calls import service
from rightcare.calls.errors import NotFound, ServiceError
from rightcare.calls.models import HandoverKind
from rightcare.calls.schemas import HandoverEvent
from rightcare.engine.vocab import Agency
from rightcare.web.pages.calls import _error, _redirect, _refused_again, _text
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

ARRIVAL = re.compile(r"([01]?\d|2[0-3]):([0-5]\d)")


def arrival_time(typed: str, now: dt.datetime) -> dt.datetime:
    """When officers arrived at the place of safety, typed as HH:MM (24-hour, UTC) today;
    blank means now."""
    if not typed:
        return now
    match = ARRIVAL.fullmatch(typed.replace(".", ":"))
    if match is None:
        raise ServiceError(
            "enter the arrival time as hours and minutes on the 24-hour clock, like 14:05",
            field="arrived_at",
        )
    today = now.astimezone(dt.UTC)
    return today.replace(hour=int(match[1]), minute=int(match[2]), second=0, microsecond=0)


@router.post("/calls/{call_id}/handovers", response_class=HTMLResponse)
async def offer_handover(request: Request, call_id: str) -> Response:
    form = await request.form()
    viewer = viewer_for(request, Action.HANDOVER, form=form)
    if not isinstance(viewer, Viewer):
        return viewer
    entered = {
        "agency": _text(form, "agency"),
        "kind": _text(form, "kind"),
        "arrived": _text(form, "arrived_at", 20).strip(),
        "offer_note": _text(form, "note"),
    }
    now = now_for(request)
    with unit_of_work(request) as session:
        try:
            if entered["agency"] not in {a.value for a in Agency} or entered["agency"] == "police":
                raise ServiceError("choose the agency to hand over to", field="agency")
            kind = (
                HandoverKind(entered["kind"])
                if entered["kind"] in {k.value for k in HandoverKind}
                else HandoverKind.STANDARD
            )
            arrived_at = (
                arrival_time(entered["arrived"], now) if kind is HandoverKind.S136 else None
            )
            service.offer_handover(
                session,
                actor=actor_of(viewer),
                call_id=call_id,
                agency=Agency(entered["agency"]),
                policies=policies_for(request),
                kind=kind,
                arrived_at=arrived_at,
                note=entered["offer_note"],
                now=now,
            )
        except NotFound:
            return refused(request, "There is no call with that id.", 404)
        except ServiceError as exc:
            arrival = exc.field == "arrived_at"
            if arrival and exc.code == "future_time":
                exc = ServiceError(
                    "the arrival time is later than now: give a time today that has passed, "
                    "in 24-hour UTC (HH:MM)",
                    field="arrived_at",
                )
            return _refused_again(
                request,
                viewer,
                session,
                call_id,
                _error(
                    exc,
                    "offer-arrived" if arrival else "offer",
                    None if arrival else "offer-agency",
                ),
                entered,
                422,
            )
        session.commit()
    return _redirect(call_id, "offered")


@router.post("/calls/{call_id}/handovers/{handover_id}", response_class=HTMLResponse)
async def update_handover(request: Request, call_id: str, handover_id: str) -> Response:
    form = await request.form()
    viewer = viewer_for(request, Action.HANDOVER, form=form)
    if not isinstance(viewer, Viewer):
        return viewer
    prefix = f"handover-{handover_id}"
    entered = {
        "handover_id": handover_id,
        "event": _text(form, "event"),
        "partner_reference": _text(form, "partner_reference", 200),
        "handover_note": _text(form, "note"),
    }
    with unit_of_work(request) as session:
        try:
            if entered["event"] not in {e.value for e in HandoverEvent}:
                raise ServiceError("choose what the partner said", field="event")
            service.update_handover(
                session,
                actor=actor_of(viewer),
                handover_id=handover_id,
                event=HandoverEvent(entered["event"]),
                partner_reference=entered["partner_reference"].strip() or None,
                note=entered["handover_note"],
                now=now_for(request),
            )
        except ServiceError as exc:
            target = (
                f"{prefix}-reference"
                if exc.field == "partner_reference"
                else f"{prefix}-event-accepted"
            )
            status = 404 if isinstance(exc, NotFound) else 422
            return _refused_again(
                request,
                viewer,
                session,
                call_id,
                _error(exc, f"handover-{handover_id}", target),
                entered,
                status,
            )
        session.commit()
    return _redirect(call_id, "handover")


# --- the call history and a call's timeline ------------------------------------------------
