"""The trainer's screens: cohorts, their completion, the hardest scenarios, the mistakes most
often made, scenarios whose answer changed with the policy, and results as CSV."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.orm import Session

from rightcare.calls.errors import ServiceError
from rightcare.training import reports
from rightcare.web.pages.common import Viewer, actor_of, now_for, render, sentence, unit_of_work
from rightcare.web.pages.training_support import (
    FieldError,
    catalogue_for,
    service_refused,
    trainer_for,
)
from rightcare.web.pages.wording import agency_name

router = APIRouter(include_in_schema=False)

DONE_WORDS = {"created": "Cohort created", "added": "Member added"}


def _done(request: Request) -> str | None:
    return DONE_WORDS.get(str(request.query_params.get("done") or ""))


def _cohorts_page(
    request: Request,
    viewer: Viewer,
    session: Session,
    *,
    error: FieldError | None = None,
    entered: dict[str, str] | None = None,
    status_code: int = 200,
) -> Response:
    catalogue = catalogue_for(request)
    values: dict[str, Any] = {
        "viewer": viewer,
        "cohorts": reports.list_cohorts(session, actor=actor_of(viewer)),
        "courses": [(c.id, c.title) for c in catalogue.courses.values()],
        "course_titles": {c.id: c.title for c in catalogue.courses.values()},
        "error": error,
        "entered": entered or {},
        "done": _done(request),
    }
    return render(request, "training/trainer.html", values, status_code=status_code)


@router.get("/training/trainer", response_class=HTMLResponse)
def trainer_home(request: Request) -> Response:
    viewer = trainer_for(request)
    if not isinstance(viewer, Viewer):
        return viewer
    with unit_of_work(request) as session:
        return _cohorts_page(request, viewer, session)


@router.post("/training/trainer/cohorts", response_class=HTMLResponse)
async def create_cohort(request: Request) -> Response:
    form = await request.form()
    viewer = trainer_for(request, form=form)
    if not isinstance(viewer, Viewer):
        return viewer
    entered = {
        "name": str(form.get("name") or "")[:500],
        "course": str(form.get("course") or ""),
    }
    with unit_of_work(request) as session:
        try:
            cohort = reports.create_cohort(
                session,
                actor=actor_of(viewer),
                catalogue=catalogue_for(request),
                name=entered["name"],
                course_id=entered["course"],
                now=now_for(request),
            )
        except ServiceError as exc:
            session.rollback()
            field = "course" if exc.field == "course" else "name"
            error = FieldError(f"cohort-{field}", sentence(exc.message))
            return _cohorts_page(
                request, viewer, session, error=error, entered=entered, status_code=422
            )
        session.commit()
        return RedirectResponse(
            f"/training/trainer/cohorts/{cohort.id}?done=created", status_code=303
        )


def _cohort_page(
    request: Request,
    viewer: Viewer,
    session: Session,
    cohort_id: str,
    *,
    error: FieldError | None = None,
    entered: dict[str, str] | None = None,
    status_code: int = 200,
) -> Response:
    catalogue = catalogue_for(request)
    try:
        report = reports.cohort_report(
            session, actor=actor_of(viewer), catalogue=catalogue, cohort_id=cohort_id
        )
    except ServiceError as exc:
        return service_refused(request, exc, "cohort")
    policy = catalogue.policy_for(report.course) if report.course is not None else None

    def agency(value: Any) -> str:
        if value is None:
            return "no agency named"
        return agency_name(policy, value) if policy is not None else str(value)

    values: dict[str, Any] = {
        "viewer": viewer,
        "report": report,
        "cohort": report.cohort,
        "course": report.course,
        "agency": agency,
        "error": error,
        "entered": entered or {},
        "done": _done(request),
    }
    return render(request, "training/cohort.html", values, status_code=status_code)


@router.get("/training/trainer/cohorts/{cohort_id}", response_class=HTMLResponse)
def cohort_page(request: Request, cohort_id: str) -> Response:
    viewer = trainer_for(request)
    if not isinstance(viewer, Viewer):
        return viewer
    with unit_of_work(request) as session:
        return _cohort_page(request, viewer, session, cohort_id)


@router.post("/training/trainer/cohorts/{cohort_id}/members", response_class=HTMLResponse)
async def add_member(request: Request, cohort_id: str) -> Response:
    form = await request.form()
    viewer = trainer_for(request, form=form)
    if not isinstance(viewer, Viewer):
        return viewer
    username = str(form.get("username") or "")[:200]
    with unit_of_work(request) as session:
        try:
            reports.add_member(
                session,
                actor=actor_of(viewer),
                cohort_id=cohort_id,
                username=username,
                now=now_for(request),
            )
        except ServiceError as exc:
            session.rollback()
            if exc.field == "cohort_id":
                return service_refused(request, exc, "cohort")
            error = FieldError("member-username", sentence(exc.message))
            return _cohort_page(
                request,
                viewer,
                session,
                cohort_id,
                error=error,
                entered={"username": username},
                status_code=422,
            )
        session.commit()
    return RedirectResponse(f"/training/trainer/cohorts/{cohort_id}?done=added", status_code=303)


@router.get("/training/trainer/cohorts/{cohort_id}/results.csv")
def results_csv(request: Request, cohort_id: str) -> Response:
    viewer = trainer_for(request)
    if not isinstance(viewer, Viewer):
        return viewer
    with unit_of_work(request) as session:
        try:
            body = reports.results_csv(
                session, actor=actor_of(viewer), cohort_id=cohort_id, now=now_for(request)
            )
        except ServiceError as exc:
            return service_refused(request, exc, "cohort")
        session.commit()  # the export's audit entry
    return Response(
        body,
        media_type="text/csv; charset=utf-8",
        headers={
            "Content-Disposition": f'attachment; filename="training-results-{cohort_id}.csv"',
            "Cache-Control": "no-store",
        },
    )
