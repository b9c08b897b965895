"""The rules a handler's decision must pass before it is recorded.

- Accepting takes the recommendation; an `undetermined` recommendation cannot be accepted.
- An override needs a police response, a reason code and a note.
- `do_not_attend` is refused while any suggested answer awaits confirmation, or while any open
  question could still mean police must attend: either the engine said so (its `why`), or,
  re-run with that question answered yes or no, the engine answers `attend`.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from rightcare.auth.actor import SYSTEM, Actor
from rightcare.calls.access import audit
from rightcare.calls.errors import RuleViolation
from rightcare.calls.models import (
    Assessment,
    Call,
    DecisionStatus,
    OverrideReason,
    ReviewOutcome,
)
from rightcare.engine.contract import Assessment as EngineAssessment
from rightcare.engine.contract import CallInput
from rightcare.engine.evaluate import assess as evaluate
from rightcare.engine.store import PolicySet
from rightcare.engine.vocab import Answer, PoliceResponse

ATTEND_WHY = ("if yes, police must attend", "if no, police must attend")
ATTEND_WITH_OTHERS = "could mean police must attend"


def check_decision(
    *,
    call: Call,
    assessment: Assessment,
    accept: bool,
    police_response: PoliceResponse | None,
    reason: OverrideReason | None,
    note: str,
    policies: PolicySet | None,
) -> PoliceResponse:
    """The response the decision will record, or a RuleViolation saying what is missing."""
    recommended = assessment.police_response
    if accept:
        if police_response is not None and police_response is not recommended:
            raise RuleViolation(
                f"accepting takes the recommendation ({recommended.value}); to choose "
                f"{police_response.value} instead, override it with a reason",
                code="accept_mismatch",
                field="police_response",
            )
        if recommended is PoliceResponse.UNDETERMINED:
            raise RuleViolation(
                "the recommendation is not decided yet: ask the questions listed first",
                code="undetermined",
                field="accept",
            )
        final = recommended
    else:
        if police_response is None:
            raise RuleViolation(
                "choose the police response you are deciding on",
                code="response_required",
                field="police_response",
            )
        if police_response is PoliceResponse.UNDETERMINED:
            raise RuleViolation(
                "'undetermined' is not a decision: choose attend, discretion or do not attend",
                code="undetermined",
                field="police_response",
            )
        if police_response is recommended:
            raise RuleViolation(
                "that is the recommendation: accept it instead of overriding",
                code="override_matches",
                field="police_response",
            )
        if reason is None:
            raise RuleViolation(
                "choose a reason for overriding the recommendation",
                code="reason_required",
                field="reason",
            )
        if not note.strip():
            raise RuleViolation(
                "add a note explaining the override", code="note_required", field="note"
            )
        final = police_response
    if final is PoliceResponse.DO_NOT_ATTEND:
        _check_decline(call, assessment, policies)
    return final


def _check_decline(call: Call, assessment: Assessment, policies: PolicySet | None) -> None:
    output = EngineAssessment.model_validate(assessment.output)
    if output.needs_confirmation:
        asks = ", ".join(output.needs_confirmation)
        raise RuleViolation(
            "police cannot be stood down yet: confirm the answers read from the notes "
            f"({asks}) with the caller first",
            code="confirmation_pending",
            field="needs_confirmation",
        )
    blocking = attend_capable_questions(call, assessment, output, policies)
    if blocking:
        raise RuleViolation(
            "police cannot be stood down yet: the answer to "
            f"{', '.join(blocking)} could still mean police must attend; ask first",
            code="questions_could_mean_attend",
            field="questions_to_ask",
        )


def attend_capable_questions(
    call: Call,
    assessment: Assessment,
    output: EngineAssessment,
    policies: PolicySet | None,
) -> list[str]:
    """Open questions whose answer could still make the call `attend`."""
    policy = None
    if policies is not None:
        try:
            candidate = policies.for_force(call.force)
        except Exception:  # an overlay since unloaded: the engine's words still decide
            candidate = None
        if candidate is not None and candidate.digest == assessment.digest:
            policy = candidate
    call_input = CallInput.model_validate(assessment.input)
    found = []
    for ask in output.questions_to_ask:
        if ask.why.startswith(ATTEND_WHY) or ATTEND_WITH_OTHERS in ask.why:
            found.append(ask.id)
            continue
        if policy is None:
            continue
        for answer in (Answer.YES, Answer.NO):
            trial = call_input.model_copy(
                update={"answers": {**call_input.answers, ask.id: answer}}
            )
            outcome = evaluate(policy, trial, output.suggested_answers)
            if outcome.police_response is PoliceResponse.ATTEND:
                found.append(ask.id)
                break
    return found


def supersede_pending(session: Session, *, actor: Actor, call: Call, now: dt.datetime) -> None:
    """A new decision replaces one still waiting for sign-off: the old one and its queue item
    are closed as superseded (never approved), so a supervisor cannot sign off stale work."""
    for decision in call.decisions:
        if decision.status is not DecisionStatus.AWAITING_SUPERVISOR:
            continue
        decision.status = DecisionStatus.REJECTED
        for item in call.reviews:
            if item.decision_id == decision.id and item.outcome is None:
                item.outcome = ReviewOutcome.NOTED
                item.reviewer = SYSTEM.name
                item.reviewed_at = now
                item.note = "superseded by a later decision"
        audit(
            session,
            actor=actor,
            action="decision.superseded",
            call=call,
            now=now,
            details={"decision_id": decision.id},
        )
