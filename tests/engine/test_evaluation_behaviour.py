"""How one assessment is built: answers, suggestions, ranking, rationale and failing safe."""

from __future__ import annotations

import pytest

from rightcare.engine.contract import CallInput
from rightcare.engine.evaluate import assess
from rightcare.engine.policy import Policy
from rightcare.engine.suggestion import SuggestedAnswer
from rightcare.engine.vocab import Answer
from tests.conftest import CRITICAL_NO


def suggestion(value: str, evidence: str = "words") -> SuggestedAnswer:
    return SuggestedAnswer(value=Answer(value), evidence=evidence, start=0, end=len(evidence))


def test_explicit_answers_win_over_suggestions(national: Policy) -> None:
    call = CallInput(answers={"risk_to_life": "no"})  # type: ignore[dict-item]
    result = assess(national, call, {"risk_to_life": suggestion("yes")})
    assert "risk_to_life" not in result.suggested_answers
    assert result.police_response == "undetermined"  # other threshold questions still unknown


def test_a_suggestion_counts_and_is_listed_for_confirmation_when_the_outcome_depends_on_it(
    national: Policy,
) -> None:
    result = assess(national, CallInput(), {"weapon": suggestion("yes", "he's got a blade")})
    assert result.disposition == "THR-WEAPON"
    assert result.suggested_answers["weapon"].evidence == "he's got a blade"
    assert result.needs_confirmation == ["weapon"]


def test_a_suggestion_the_outcome_does_not_depend_on_needs_no_confirmation(
    national: Policy,
) -> None:
    call = CallInput(answers={"risk_to_life": "yes"})  # type: ignore[dict-item]
    result = assess(national, call, {"telecare_alarm": suggestion("yes")})
    assert result.disposition == "THR-LIFE"
    assert result.needs_confirmation == []


def test_an_unknown_threshold_question_keeps_the_call_with_police_and_is_asked_first(
    national: Policy,
) -> None:
    answers = dict(CRITICAL_NO, weapon="unknown", location_known="yes", telecare_alarm="yes")
    result = assess(national, CallInput(answers=answers))  # type: ignore[arg-type]
    assert result.police_response == "undetermined"
    assert result.lead_agency == "police"
    assert result.questions_to_ask[0].id == "weapon"
    assert result.questions_to_ask[0].why.startswith("if yes, police must attend")
    assert [r.rule for r in result.rationale][:1] == ["THR-U05"]


def test_a_decline_with_one_unanswered_question_that_could_mean_attend_becomes_undetermined(
    national: Policy,
) -> None:
    answers = dict(CRITICAL_NO, left_healthcare="yes", detained_mha="yes", location_known="yes")
    result = assess(national, CallInput(answers=answers))  # type: ignore[arg-type]
    assert result.police_response == "undetermined"
    # Both could mean attend on their own: a restricted patient, or a risk of resistance.
    assert [q.id for q in result.questions_to_ask[:2]] == ["restricted_patient", "resistance_risk"]
    rules = [r.rule for r in result.rationale]
    assert rules[:2] == ["AWOL-R01", "SAFETY-UNKNOWN"]
    assert "AWOL-TRUST" in result.rationale[1].text
    answers |= {"resistance_risk": "no", "restricted_patient": "no"}
    answered = assess(national, CallInput(answers=answers))  # type: ignore[arg-type]
    assert answered.police_response == "do_not_attend"
    assert answered.disposition == "AWOL-TRUST"


def test_the_rationale_lists_the_deciding_rule_its_basis_and_every_safeguarding_rule_that_fired(
    national: Policy,
) -> None:
    answers = {"domestic_abuse": "yes", "child": "yes"}
    result = assess(national, CallInput(answers=answers))  # type: ignore[arg-type]
    rules = [r.rule for r in result.rationale]
    assert rules == ["THR-R06", "DA-01", "SG-R01", "SG-R02"]
    assert all(r.basis for r in result.rationale)
    assert {s.flag for s in result.safeguarding} == {"domestic_abuse", "child"}


def test_the_lead_partner_comes_from_the_overlay_with_its_hours_at_the_time_of_the_call(
    example_force: Policy,
) -> None:
    # Under this overlay children's calls are attended, so "under 18?" must be answered.
    answers = dict(CRITICAL_NO, location_known="yes", child="no")
    at_night = {"answers": answers, "context": {"received_at": "2026-11-28T23:41:00Z"}}
    result = assess(example_force, CallInput.model_validate(at_night))
    assert result.lead_agency == "adult_social_care"
    assert result.lead_partner is not None
    assert result.lead_partner.open_at_received is False
    assert "Emergency Duty Team" in result.lead_partner.contact
    weekday = at_night | {"context": {"received_at": "2026-11-27T10:00:00Z"}}
    assert assess(example_force, CallInput.model_validate(weekday)).lead_partner.open_at_received  # type: ignore[union-attr]


def test_an_internal_error_gives_police_attend_and_supervisor_review(
    national: Policy, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_: object) -> None:
        raise RuntimeError("simulated bug")

    # `outcome`, not `scan`: an outcome already remembered for this point would skip the scan.
    monkeypatch.setattr("rightcare.engine.evaluate.outcome", broken)
    result = assess(national, CallInput(answers=dict(CRITICAL_NO)))  # type: ignore[arg-type]
    assert result.police_response == "attend"
    assert result.disposition == "GEN-ERR"
    assert result.rationale[0].rule == "SAFETY-ERROR"
    assert result.safeguarding[0].flag == "supervisor_review"


def test_an_answer_to_an_unknown_question_is_a_call_error_not_a_crash(national: Policy) -> None:
    from rightcare.engine.errors import CallError

    with pytest.raises(CallError, match="did you mean `risk_to_life`"):
        assess(national, CallInput(answers={"risk_to_lfe": "yes"}))  # type: ignore[dict-item]
