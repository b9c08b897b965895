"""One scenario as a training exercise: ask the caller, decide, and be marked against policy.

The answer taught is the policy's own, computed by the engine from the scenario's facts at the
moment of marking, so training changes when the pack changes. The learner sees the call as it
would arrive (the narrative), may ask any key question and hears the caller's answer (the
scenario's, or "the caller doesn't know"), then chooses one of three responses and, unless
police have a duty, the agency best placed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from rightcare.engine.contract import Assessment, RationaleItem
from rightcare.engine.policy import Policy
from rightcare.engine.vocab import Agency, Answer, PoliceResponse, Severity
from rightcare.scenarios.models import Scenario
from rightcare.scenarios.runner import assess_scenario

# Marks out of 100 for one scenario: the decision matters most, then who is best placed, then
# whether the questions that decided it were asked rather than guessed.
CHOICE_POINTS = 70
AGENCY_POINTS = 20
QUESTION_POINTS = 10
DONT_KNOW = "The caller doesn't know."


class Choice(StrEnum):
    """The three answers a learner can give, as the RCRP guidance frames them."""

    DUTY = "duty"
    MAY_CHOOSE = "may_choose"
    OTHER_AGENCY = "other_agency"

    @property
    def label(self) -> str:
        return CHOICE_LABELS[self]

    @property
    def severity(self) -> Severity:
        return {
            Choice.DUTY: Severity.ATTEND,
            Choice.MAY_CHOOSE: Severity.DISCRETION,
            Choice.OTHER_AGENCY: Severity.DO_NOT_ATTEND,
        }[self]


CHOICE_LABELS = {
    Choice.DUTY: "Police have a duty to attend",
    Choice.MAY_CHOOSE: "Police may choose to attend",
    Choice.OTHER_AGENCY: "Another agency is better placed",
}


def choice_for(response: PoliceResponse) -> Choice:
    """The learner's choice that matches a policy response.

    `undetermined` means a question that could make police attend cannot be answered; the call
    stays with police, so the right choice is the duty to attend, never a diversion.
    """
    if response in (PoliceResponse.ATTEND, PoliceResponse.UNDETERMINED):
        return Choice.DUTY
    if response is PoliceResponse.DISCRETION:
        return Choice.MAY_CHOOSE
    return Choice.OTHER_AGENCY


@dataclass(frozen=True)
class CallerReply:
    question: str
    text: str
    answer: Answer

    @property
    def said(self) -> str:
        if self.answer is Answer.UNKNOWN:
            return DONT_KNOW
        return "Yes." if self.answer is Answer.YES else "No."


@dataclass(frozen=True)
class KeyQuestion:
    id: str
    text: str
    answer: Answer  # what the caller would have said


@dataclass(frozen=True)
class Exercise:
    """A scenario with the policy's answer to it, worked out once."""

    scenario: Scenario
    assessment: Assessment
    choice: Choice
    agency: Agency
    key_questions: tuple[KeyQuestion, ...]
    questions: tuple[tuple[str, str], ...]  # every question the learner may ask: (id, text)

    @property
    def id(self) -> str:
        return self.scenario.id

    def ask(self, question_id: str) -> CallerReply:
        """The caller's answer to one key question; KeyError for a question the pack lacks."""
        for qid, text in self.questions:
            if qid == question_id:
                answer = self.scenario.answers.get(qid, Answer.UNKNOWN)
                return CallerReply(question=qid, text=text, answer=answer)
        raise KeyError(f"the pack has no question `{question_id}`")


def _constrained(policy: Policy, rule_id: str) -> list[str]:
    """The questions a decision row actually tests (cells other than `any`)."""
    for table in policy.tables:
        for rule in table.rules:
            if rule.id == rule_id:
                return [
                    q
                    for q, cell in rule.when.items()
                    if cell != "any" and not (isinstance(cell, list) and len(set(cell)) == 3)
                ]
    return []


def evident_answers(policy: Policy, scenario: Scenario) -> dict[str, Answer]:
    """What the call's own words already show: the reader's suggestions that match the facts."""
    from rightcare.calls.assessing import read_suggestions  # the reader loads only when used

    suggestions, _ = read_suggestions(scenario.narrative, policy)
    return {
        q: s.value
        for q, s in suggestions.items()
        if s.value is not Answer.UNKNOWN and scenario.answers.get(q) == s.value
    }


def prepare(policy: Policy, scenario: Scenario, *, read_narrative: bool = True) -> Exercise:
    """Work out the policy's answer and the questions that decide it."""
    result = assess_scenario(policy, scenario)
    deciding = result.rationale[0].rule if result.rationale else ""
    wanted = list(_constrained(policy, deciding))
    if result.police_response is PoliceResponse.UNDETERMINED:
        wanted += [q.id for q in result.questions_to_ask]
    if scenario.borderline is not None:
        wanted.append(scenario.borderline.question)
    evident = evident_answers(policy, scenario) if read_narrative else {}
    key = []
    for qid in dict.fromkeys(wanted):
        question = policy.question_by_id.get(qid)
        if question is None or qid in evident:
            continue
        key.append(KeyQuestion(qid, question.text, scenario.answers.get(qid, Answer.UNKNOWN)))
    return Exercise(
        scenario=scenario,
        assessment=result,
        choice=choice_for(result.police_response),
        agency=result.lead_agency,
        key_questions=tuple(key),
        questions=tuple((q.id, q.text) for q in policy.questions),
    )


class LearnerAnswer(BaseModel):
    """What the learner decided, and which questions they asked first."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    choice: Choice
    agency: Agency | None = Field(
        default=None, description="the agency best placed; not needed for a duty to attend"
    )
    asked: list[str] = Field(default_factory=list, max_length=200)


@dataclass(frozen=True)
class Feedback:
    """The marking of one answer, and everything the learner is shown after it."""

    scenario: str
    choice: Choice
    agency: Agency | None
    expected_choice: Choice
    expected_agency: Agency
    choice_right: bool
    agency_right: bool
    score: int  # 0-100
    unsafe: bool  # police would go less often than policy says: a wrong "do not attend"
    over_response: bool  # police sent where policy says they need not go
    missed: tuple[KeyQuestion, ...]
    disposition: str
    title: str
    tell_caller: str
    rules: tuple[RationaleItem, ...]
    why: str  # the scenario's source, paraphrased, or its authored reasoning
    source_url: str | None
    turning_point: str  # the one answer that would have changed the outcome, in words

    @property
    def passed(self) -> bool:
        return self.choice_right and self.agency_right


def _turning_point(policy: Policy, scenario: Scenario) -> str:
    border = scenario.borderline
    if border is None:
        return ""
    question = policy.question_by_id.get(border.question)
    text = question.text if question else border.question
    becomes = choice_for(border.becomes).label.lower()
    return f'Had the answer to "{text}" been {border.answer.value}, the answer would be: {becomes}.'


def mark(policy: Policy, exercise: Exercise, answer: LearnerAnswer) -> Feedback:
    """Score one answer out of 100 and explain the policy's answer."""
    choice_right = answer.choice is exercise.choice
    if exercise.choice is Choice.DUTY:
        agency_right = choice_right
    else:
        agency_right = answer.agency is exercise.agency
    asked = set(answer.asked)
    missed = tuple(k for k in exercise.key_questions if k.id not in asked)
    key_count = len(exercise.key_questions)
    question_share = 1.0 if key_count == 0 else (key_count - len(missed)) / key_count
    score = (
        (CHOICE_POINTS if choice_right else 0)
        + (AGENCY_POINTS if agency_right else 0)
        + round(QUESTION_POINTS * question_share)
    )
    result = exercise.assessment
    scenario = exercise.scenario
    return Feedback(
        scenario=scenario.id,
        choice=answer.choice,
        agency=answer.agency,
        expected_choice=exercise.choice,
        expected_agency=exercise.agency,
        choice_right=choice_right,
        agency_right=agency_right,
        score=score,
        unsafe=answer.choice.severity < exercise.choice.severity,
        over_response=answer.choice.severity > exercise.choice.severity,
        missed=missed,
        disposition=result.disposition,
        title=result.title,
        tell_caller=result.tell_caller,
        rules=tuple(result.rationale),
        why=scenario.source.note or scenario.source.authored or "",
        source_url=str(scenario.source.url) if scenario.source.url else None,
        turning_point=_turning_point(policy, scenario),
    )


def agencies_to_choose(policy: Policy) -> list[tuple[Agency, str]]:
    """The agencies a learner may name as best placed, with names: the partners, then police.

    Police come last and are offered because a discretionary call can have police as the best
    placed agency (a partner cannot respond in time, so police may choose to go); a learner
    must be able to give that answer, not only the partners'.
    """
    return sorted(
        ((a.id, a.name) for a in policy.agencies),
        key=lambda pair: pair[0] is Agency.POLICE,  # stable: the pack's order, police last
    )


# Keyed by object identity too: a reloaded library gives new objects, so no stale answer.
_PREPARED: dict[tuple[str, str, int], Exercise] = {}


def prepare_cached(policy: Policy, scenario: Scenario) -> Exercise:
    """`prepare`, remembered per policy digest and scenario (the web app rebuilds runs often)."""
    key = (policy.digest, scenario.id, id(scenario))
    found = _PREPARED.get(key)
    if found is None:
        if len(_PREPARED) > 5000:  # a few policies' worth of the library; then start afresh
            _PREPARED.clear()
        found = _PREPARED[key] = prepare(policy, scenario)
    return found


def prepare_all(
    policy: Policy, scenarios: Iterable[Scenario], *, read_narrative: bool = True
) -> dict[str, Exercise]:
    return {s.id: prepare(policy, s, read_narrative=read_narrative) for s in scenarios}
