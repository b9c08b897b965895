"""The call handler's screen: type the notes, answer the key questions, watch the advice change.

`POST /calls/new/assess` is the HTMX partial: it re-assesses the form as it stands (nothing is
stored) and returns the recommendation panel plus each question's "from the notes" line.
`POST /calls/new` does the same as a whole page, so the screen works without JavaScript.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from starlette.datastructures import FormData

from rightcare.calls.assessing import assess_call
from rightcare.engine.contract import NARRATIVE_LIMIT, Assessment
from rightcare.engine.errors import CallError
from rightcare.engine.policy import Policy
from rightcare.engine.store import PolicySet
from rightcare.engine.vocab import Answer, CallerType, Channel
from rightcare.web.pages.common import Viewer, now_for, policies_for, render, viewer_for
from rightcare.web.pages.wording import (
    GRADE_WORDS,
    RESPONSE_MEANING,
    RESPONSE_TAG,
    RESPONSE_WORDS,
    THRESHOLD_WORDS,
    agency_name,
    marked_narrative,
    question_label,
)
from rightcare.web.permissions import Action

router = APIRouter(include_in_schema=False)

ANSWER_PREFIX = "answer."
# The optional caller and subject details: stored apart from the notes, never assessed,
# never logged, never in a URL. (form field, label, GOV.UK width class, character limit)
PERSONAL_INPUTS = (
    ("caller_name", "Caller's name", "govuk-!-width-two-thirds", 200),
    ("caller_phone", "Caller's phone number", "govuk-input--width-20", 64),
    ("subject_name", "Name of the person the call is about", "govuk-!-width-two-thirds", 200),
    ("address", "Address", "", 2000),
)
PERSONAL_NAMES = tuple(name for name, _, _, _ in PERSONAL_INPUTS)
CHANNEL_WORDS = {
    Channel.EMERGENCY_999: "999",
    Channel.NON_EMERGENCY_101: "101",
    Channel.ONLINE: "Online",
    Channel.PARTNER: "Partner agency",
}
CALLER_WORDS = {
    CallerType.SELF: "The person themselves",
    CallerType.THIRD_PARTY: "Someone else (family, neighbour, public)",
    CallerType.PROFESSIONAL: "A professional (health, care, school)",
}


@dataclass
class CallForm:
    """The call handler's form as typed so far."""

    narrative: str = ""
    answers: dict[str, str] = field(default_factory=dict)
    channel: str = ""
    caller: str = ""
    force: str = ""
    personal: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_form(cls, form: FormData) -> CallForm:
        answers = {
            key[len(ANSWER_PREFIX) :]: str(value)
            for key, value in form.multi_items()
            if key.startswith(ANSWER_PREFIX) and str(value) in {a.value for a in Answer}
        }
        return cls(
            narrative=str(form.get("narrative") or "").replace("\r\n", "\n"),
            answers=answers,
            channel=str(form.get("channel") or ""),
            caller=str(form.get("caller") or ""),
            force=str(form.get("force") or ""),
            personal={
                name: str(form.get(name) or "").replace("\r\n", "\n").strip()
                for name in PERSONAL_NAMES
            },
        )

    def personal_details(self) -> dict[str, str | None]:
        """The caller and subject details as the service takes them: blank means not given."""
        return {name: self.personal.get(name) or None for name in PERSONAL_NAMES}

    def call_data(self, received_at: str) -> dict[str, Any]:
        context: dict[str, Any] = {"received_at": received_at}
        if self.channel:
            context["channel"] = self.channel
        if self.caller:
            context["caller"] = self.caller
        if self.force:
            context["force"] = self.force
        return {"narrative": self.narrative, "answers": self.answers, "context": context}


@dataclass(frozen=True)
class FieldError:
    field_id: str
    message: str


def personal_error(form: CallForm) -> FieldError | None:
    """The first caller or subject detail that cannot be stored, said in words."""
    for name, label, _, limit in PERSONAL_INPUTS:
        value = form.personal.get(name, "")
        if len(value) > limit:
            return FieldError(name, f"{label} must be {limit:,} characters or fewer")
        if "\x00" in value:
            return FieldError(name, f"{label} contains a character that cannot be stored")
    return None


def _field_error(exc: CallError) -> FieldError:
    path = exc.field_path
    if path == "narrative":
        message = (
            f"The notes are too long: keep them under {NARRATIVE_LIMIT:,} characters"
            if "longer" in exc.detail
            else f"The notes could not be read: {exc.detail}"
        )
        return FieldError("narrative", message)
    if path.startswith("answers."):
        question = path.removeprefix("answers.")
        return FieldError(f"answer-{question}-yes", f"Question {question}: {exc.detail}")
    if path == "context.force":
        return FieldError("force", "Choose a force policy from the list")
    if path.startswith("context."):
        return FieldError(path.removeprefix("context."), f"{path}: {exc.detail}")
    return FieldError("narrative", exc.detail)


def assess_form(
    policies: PolicySet, form: CallForm, received_at: str
) -> tuple[Assessment | None, Policy, FieldError | None]:
    try:
        policy = policies.for_force(form.force or None)
    except CallError as exc:
        return None, policies.base, _field_error(exc)
    try:
        return assess_call(policies, form.call_data(received_at)), policy, None
    except CallError as exc:
        return None, policy, _field_error(exc)


def assessment_view(policy: Policy, form: CallForm, assessment: Assessment) -> dict[str, Any]:
    """Everything the recommendation panel shows, in words."""
    response = assessment.police_response
    questions = policy.question_by_id
    status = (
        f"{RESPONSE_WORDS[response]}. {assessment.title}."
        + (
            f" {len(assessment.questions_to_ask)} question"
            f"{'s' if len(assessment.questions_to_ask) != 1 else ''} to ask."
            if assessment.questions_to_ask
            else ""
        )
        + (
            f" {len(assessment.needs_confirmation)} to confirm."
            if assessment.needs_confirmation
            else ""
        )
    )
    return {
        "a": assessment,
        "status_text": status,
        "response_words": RESPONSE_WORDS[response],
        "response_meaning": RESPONSE_MEANING[response],
        "response_tag": RESPONSE_TAG[response],
        "threshold_words": THRESHOLD_WORDS[assessment.threshold],
        "grade_words": GRADE_WORDS[assessment.grade] if assessment.grade else "None",
        "lead_agency_name": agency_name(policy, assessment.lead_agency),
        "marked_narrative": marked_narrative(form.narrative, assessment.suggested_answers),
        "question_by_id": questions,
        "question_label": question_label,
        "confirm": [
            {"id": q, "text": questions[q].text if q in questions else question_label(q)}
            for q in assessment.needs_confirmation
        ],
    }


def _force_choices(policies: PolicySet) -> list[tuple[str, str]]:
    base = f"National policy only ({policies.base.pack.title})"
    choices = [("", base)] if policies.default_force is None else []
    for force_id, policy in sorted(policies.overlays.items()):
        name = policy.overlay.name if policy.overlay else force_id
        choices.append((force_id, name))
    return choices


def page_values(
    request: Request, viewer: Viewer, form: CallForm, personal: FieldError | None = None
) -> tuple[dict[str, Any], FieldError | None]:
    """The call handler's screen for the form as it stands. `personal` is a refused caller or
    subject detail: the page's error summary names it, the recommendation still shows."""
    policies = policies_for(request)
    received_at = now_for(request).isoformat()
    assessment, policy, error = assess_form(policies, form, received_at)
    values: dict[str, Any] = {
        "viewer": viewer,
        "form": form,
        "policy": policy,
        "questions": policy.questions,
        "error": error,
        "channels": [(c.value, CHANNEL_WORDS[c]) for c in Channel],
        "callers": [(c.value, CALLER_WORDS[c]) for c in CallerType],
        "forces": _force_choices(policies),
        "personal_inputs": PERSONAL_INPUTS,
        "personal_error": personal,
        "page_problem": error or personal,
    }
    if assessment is not None:
        values.update(assessment_view(policy, form, assessment))
    return values, error


@router.get("/calls/new", response_class=HTMLResponse)
def new_call(request: Request) -> Response:
    viewer = viewer_for(request, Action.ASSESS)
    if not isinstance(viewer, Viewer):
        return viewer
    values, _ = page_values(request, viewer, CallForm())
    return render(request, "call_handler.html", values)


@router.post("/calls/new", response_class=HTMLResponse)
async def new_call_submitted(request: Request) -> Response:
    """The whole page again, for browsers without JavaScript."""
    form_data = await request.form()
    viewer = viewer_for(request, Action.ASSESS, form=form_data)
    if not isinstance(viewer, Viewer):
        return viewer
    values, error = page_values(request, viewer, CallForm.from_form(form_data))
    return render(request, "call_handler.html", values, status_code=422 if error else 200)


@router.post("/calls/new/assess", response_class=HTMLResponse)
async def assess_partial(request: Request) -> Response:
    """The recommendation panel for the form as it stands (HTMX, as the handler types)."""
    form_data = await request.form()
    viewer = viewer_for(request, Action.ASSESS, form=form_data)
    if not isinstance(viewer, Viewer):
        return viewer
    values, _ = page_values(request, viewer, CallForm.from_form(form_data))
    # A refused call still answers 200 so HTMX swaps in the error summary.
    return render(request, "_assessment_response.html", values)
