"""The learner's screens: my courses, a module played call by call, feedback, the certificate.

A module attempt is stored answer by answer (`training.service`); every page rebuilds the run
from the stored answers, so a learner can leave and resume, and the back button cannot replay
an answer. Questions asked of the caller are not stored until the decision is: they travel in
hidden `asked` fields, updated by HTMX (`POST .../ask` answers a fragment) or, without
JavaScript, by the same POST answering the whole page.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.orm import Session
from starlette.datastructures import FormData

from rightcare.calls.errors import Conflict, ServiceError
from rightcare.engine.vocab import Agency, Answer
from rightcare.training import service
from rightcare.training.certificate import certificate_pdf, owned_certificate
from rightcare.training.exercise import Choice, LearnerAnswer, agencies_to_choose
from rightcare.training.models import TrainingAttempt
from rightcare.training.progress import course_progress
from rightcare.training.run import REFRESHER, ModuleRun, hint
from rightcare.web.pages.call_handler import CALLER_WORDS, CHANNEL_WORDS
from rightcare.web.pages.common import Viewer, actor_of, now_for, render, sentence, unit_of_work
from rightcare.web.pages.training_support import (
    FieldError,
    catalogue_for,
    learner_for,
    service_refused,
)
from rightcare.web.pages.wording import agency_name

router = APIRouter(include_in_schema=False)

CHOICES = [(c.value, c.label) for c in Choice]
SAID = {Answer.YES: "Yes.", Answer.NO: "No.", Answer.UNKNOWN: "The caller doesn't know."}
MAX_ASKED = 200  # as LearnerAnswer allows
ORDINALS = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", 6: "sixth"}


def _home(
    request: Request, viewer: Viewer, session: Session, *, error: str = "", status_code: int = 200
) -> Response:
    catalogue = catalogue_for(request)
    progress = [
        course_progress(session, actor=actor_of(viewer), catalogue=catalogue, course_id=course_id)
        for course_id in sorted(catalogue.courses)
    ]
    values = {"viewer": viewer, "courses": progress, "error": error}
    return render(request, "training/home.html", values, status_code=status_code)


@router.get("/training", response_class=HTMLResponse)
def training_home(request: Request) -> Response:
    viewer = learner_for(request)
    if not isinstance(viewer, Viewer):
        return viewer
    with unit_of_work(request) as session:
        return _home(request, viewer, session)


def _begin(
    request: Request, viewer: Viewer, what: str, start: Callable[[Session], TrainingAttempt]
) -> Response:
    """Start (or resume) an attempt and go to it; a refusal is shown on the training page."""
    with unit_of_work(request) as session:
        try:
            attempt = start(session)
        except ServiceError as exc:
            session.rollback()
            if exc.http_status == 404:
                return service_refused(request, exc, what)
            return _home(request, viewer, session, error=sentence(exc.message), status_code=422)
        session.commit()
        return RedirectResponse(f"/training/attempts/{attempt.id}", status_code=303)


@router.post("/training/courses/{course_id}/modules/{module_id}/start", response_class=HTMLResponse)
async def start_module(request: Request, course_id: str, module_id: str) -> Response:
    """Start the module, or resume the attempt already open under the current policy."""
    form = await request.form()
    viewer = learner_for(request, form=form)
    if not isinstance(viewer, Viewer):
        return viewer
    return _begin(
        request,
        viewer,
        "course or module",
        lambda session: service.start_attempt(
            session,
            actor=actor_of(viewer),
            catalogue=catalogue_for(request),
            course_id=course_id,
            module_id=module_id,
            now=now_for(request),
        ),
    )


@router.post("/training/courses/{course_id}/refresher", response_class=HTMLResponse)
async def start_refresher(request: Request, course_id: str) -> Response:
    """Practise the scenarios whose answer changed with the policy (resuming one left open)."""
    form = await request.form()
    viewer = learner_for(request, form=form)
    if not isinstance(viewer, Viewer):
        return viewer
    catalogue = catalogue_for(request)
    actor = actor_of(viewer)

    def start(session: Session) -> TrainingAttempt:
        progress = course_progress(session, actor=actor, catalogue=catalogue, course_id=course_id)
        return service.start_attempt(
            session,
            actor=actor,
            catalogue=catalogue,
            course_id=course_id,
            module_id=REFRESHER,
            scenario_ids=[c.scenario_id for c in progress.changed],
            now=now_for(request),
        )

    return _begin(request, viewer, "course", start)


def _asked(form: FormData, run: ModuleRun, scenario_id: str, more: str = "") -> list[str]:
    """The questions asked so far: known ids only, each once, in the order asked."""
    known = {qid for qid, _ in run.exercise(scenario_id).questions}
    wanted = [str(v) for v in form.getlist("asked")] + ([more] if more else [])
    return [q for q in dict.fromkeys(wanted) if q in known][:MAX_ASKED]


def _play_values(
    viewer: Viewer,
    attempt: TrainingAttempt,
    run: ModuleRun,
    *,
    asked: list[str] | None = None,
    latest: str = "",
    entered: dict[str, str] | None = None,
    errors: list[FieldError] | None = None,
) -> dict[str, Any]:
    """The attempt page: the current call to play, or the module result once complete."""
    values: dict[str, Any] = {"viewer": viewer, "attempt": attempt, "run": run, "errors": []}
    current = run.current
    if current is None:
        result = run.result()
        finals = [(sid, run.answers[sid][-1]) for sid in run.order if run.answers.get(sid)]
        values.update(
            result=result,
            pass_mark=run.course.spec.pass_mark,
            finals=[(run.exercise(sid).scenario, f) for sid, f in finals],
        )
        return values
    exercise = run.exercise(current)
    scenario = exercise.scenario
    asked = asked or []
    tried = run.answers.get(current, [])
    context = scenario.context
    values.update(
        scenario=scenario,
        position=run.order.index(current) + 1,
        total=len(run.order),
        channel=CHANNEL_WORDS.get(context.channel) if context.channel else None,
        caller=CALLER_WORDS.get(context.caller) if context.caller else None,
        questions=exercise.questions,
        asked=asked,
        replies=[exercise.ask(q) for q in asked],
        latest=latest,
        hint=hint(tried[-1]) if tried else "",
        tries_left=run.tries_left(current),
        choices=CHOICES,
        agencies=[(a.value, name) for a, name in agencies_to_choose(run.policy)],
        entered=entered or {},
        errors=errors or [],
    )
    return values


def _load(
    request: Request, viewer: Viewer, session: Session, attempt_id: str
) -> tuple[TrainingAttempt, ModuleRun]:
    attempt = service.get_attempt(session, actor=actor_of(viewer), attempt_id=attempt_id)
    return attempt, service.rebuild_run(catalogue_for(request), attempt)


@router.get("/training/attempts/{attempt_id}", response_class=HTMLResponse)
def attempt_page(request: Request, attempt_id: str) -> Response:
    viewer = learner_for(request)
    if not isinstance(viewer, Viewer):
        return viewer
    with unit_of_work(request) as session:
        try:
            attempt, run = _load(request, viewer, session, attempt_id)
        except ServiceError as exc:
            return service_refused(request, exc, "attempt")
        return render(request, "training/attempt.html", _play_values(viewer, attempt, run))


@router.post("/training/attempts/{attempt_id}/ask", response_class=HTMLResponse)
async def ask_caller(request: Request, attempt_id: str) -> Response:
    """The caller's answer to one question: a fragment for HTMX, else the whole page."""
    form = await request.form()
    viewer = learner_for(request, form=form)
    if not isinstance(viewer, Viewer):
        return viewer
    with unit_of_work(request) as session:
        try:
            attempt, run = _load(request, viewer, session, attempt_id)
        except ServiceError as exc:
            return service_refused(request, exc, "attempt")
        if run.current is None or form.get("scenario_id") != run.current:
            # an old page (answered since, or another tab): show the call as it stands now
            return _to_attempt(request, attempt_id)
        question = str(form.get("question") or "")
        asked = _asked(form, run, run.current, question)
        latest = ""
        if question in asked:
            reply = run.exercise(run.current).ask(question)
            latest = f"You asked: {reply.text} The caller says: {reply.said}"
        values = _play_values(viewer, attempt, run, asked=asked, latest=latest)
        if request.headers.get("hx-request"):
            return render(request, "training/_asked.html", values)
        return render(request, "training/attempt.html", values)


def _to_attempt(request: Request, attempt_id: str) -> Response:
    """To the attempt page; for HTMX, a whole-page redirect rather than a swapped fragment."""
    url = f"/training/attempts/{attempt_id}"
    if request.headers.get("hx-request"):
        return Response(status_code=204, headers={"HX-Redirect": url})
    return RedirectResponse(url, status_code=303)


def _decision_errors(form: FormData) -> tuple[LearnerAnswer | None, list[FieldError]]:
    choice = str(form.get("choice") or "")
    agency = str(form.get("agency") or "")
    errors = []
    if choice not in {c.value for c in Choice}:
        errors.append(FieldError("choice-duty", "Choose what police should do"))
    elif choice != Choice.DUTY and agency not in {a.value for a in Agency}:
        errors.append(FieldError("agency", "Choose the agency best placed to help"))
    if errors:
        return None, errors
    return LearnerAnswer(
        choice=Choice(choice), agency=Agency(agency) if choice != Choice.DUTY and agency else None
    ), []


@router.post("/training/attempts/{attempt_id}/answer", response_class=HTMLResponse)
async def answer(request: Request, attempt_id: str) -> Response:
    form = await request.form()
    viewer = learner_for(request, form=form)
    if not isinstance(viewer, Viewer):
        return viewer
    scenario_id = str(form.get("scenario_id") or "")
    with unit_of_work(request) as session:
        try:
            attempt, run = _load(request, viewer, session, attempt_id)
        except ServiceError as exc:
            return service_refused(request, exc, "attempt")
        if run.current is None or scenario_id != run.current:
            return RedirectResponse(f"/training/attempts/{attempt_id}", status_code=303)
        asked = _asked(form, run, scenario_id)
        decided, errors = _decision_errors(form)
        if decided is None:
            entered = {
                "choice": str(form.get("choice") or ""),
                "agency": str(form.get("agency") or ""),
            }
            values = _play_values(viewer, attempt, run, asked=asked, entered=entered, errors=errors)
            return render(request, "training/attempt.html", values, status_code=422)
        try:
            outcome = service.answer_scenario(
                session,
                actor=actor_of(viewer),
                catalogue=catalogue_for(request),
                attempt_id=attempt_id,
                scenario_id=scenario_id,
                answer=decided.model_copy(update={"asked": asked}),
                now=now_for(request),
            )
        except Conflict:
            # answered meanwhile (a double submit): the attempt page shows where it stands
            return RedirectResponse(f"/training/attempts/{attempt_id}", status_code=303)
        except ServiceError as exc:
            return service_refused(request, exc, "attempt")
        session.commit()
    if outcome.run.is_settled(scenario_id):
        return RedirectResponse(
            f"/training/attempts/{attempt_id}/feedback/{scenario_id}", status_code=303
        )
    return RedirectResponse(f"/training/attempts/{attempt_id}", status_code=303)  # with a hint


@router.get("/training/attempts/{attempt_id}/feedback/{scenario_id}", response_class=HTMLResponse)
def feedback_page(request: Request, attempt_id: str, scenario_id: str) -> Response:
    """The full feedback for a settled call: only once right, or out of tries."""
    viewer = learner_for(request)
    if not isinstance(viewer, Viewer):
        return viewer
    with unit_of_work(request) as session:
        try:
            attempt, run = _load(request, viewer, session, attempt_id)
        except ServiceError as exc:
            return service_refused(request, exc, "attempt")
        if scenario_id not in run.order or not run.is_settled(scenario_id):
            return RedirectResponse(f"/training/attempts/{attempt_id}", status_code=303)
        tries = run.answers[scenario_id]
        feedback = tries[-1]
        policy = run.policy
        values = {
            "viewer": viewer,
            "attempt": attempt,
            "run": run,
            "scenario": run.exercise(scenario_id).scenario,
            "f": feedback,
            "tries": len(tries),
            "nth": ORDINALS.get(len(tries), str(len(tries))),
            "position": run.order.index(scenario_id) + 1,
            "total": len(run.order),
            "complete": run.complete,
            "expected_agency": agency_name(policy, feedback.expected_agency),
            "chosen_agency": agency_name(policy, feedback.agency) if feedback.agency else "",
            "missed": [(k.text, SAID[k.answer]) for k in feedback.missed],
        }
        return render(request, "training/feedback.html", values)


@router.get("/training/certificates/{certificate_id}.pdf")
def certificate_download(request: Request, certificate_id: str) -> Response:
    viewer = learner_for(request)
    if not isinstance(viewer, Viewer):
        return viewer
    with unit_of_work(request) as session:
        try:
            certificate = owned_certificate(
                session, actor=actor_of(viewer), certificate_id=certificate_id, now=now_for(request)
            )
        except ServiceError as exc:
            return service_refused(request, exc, "certificate")
        body = certificate_pdf(certificate, learner_name=viewer.display_name)
        filename = f"rightcare-certificate-{certificate.number}.pdf"
        session.commit()  # the download's audit entry
    return Response(
        body,
        media_type="application/pdf",
        headers={
            "Content-Disposition": f'attachment; filename="{filename}"',
            "Cache-Control": "no-store",
        },
    )
