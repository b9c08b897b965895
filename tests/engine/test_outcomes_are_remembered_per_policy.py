"""The engine remembers each point's outcome per policy; what it remembers must be what a fresh
evaluation gives, and the memo must stay bounded."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rightcare.engine import evaluate
from rightcare.engine.evaluate import _outcome, outcome
from rightcare.engine.policy import Policy
from rightcare.engine.vocab import Answer

ANSWERS = st.sampled_from([Answer.YES, Answer.NO, Answer.UNKNOWN])


@settings(max_examples=300, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])  # fmt: skip
@given(data=st.data())
def test_a_remembered_outcome_is_the_one_a_fresh_scan_gives(every_policy: Policy, data) -> None:  # type: ignore[no-untyped-def]
    ids = [q.id for q in every_policy.questions]
    answers = data.draw(st.dictionaries(st.sampled_from(ids), ANSWERS, max_size=len(ids)))
    point = every_policy.encode(answers)
    first = outcome(every_policy, point)
    assert outcome(every_policy, point) is first  # the second time comes from the memo
    fresh = _outcome(every_policy, point)
    assert (first.rule, first.disposition, first.guarded) == (
        fresh.rule,
        fresh.disposition,
        fresh.guarded,
    )
    assert first.flips == fresh.flips


def test_the_memo_starts_again_rather_than_grow_past_its_bound(
    national: Policy, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(evaluate, "OUTCOME_MEMO", 8)
    national.outcomes.clear()
    points = [national.encode({q.id: Answer.YES}) for q in national.questions[:20]]
    for point in points:
        outcome(national, point)
        assert len(national.outcomes) <= 8
    assert points[-1] in national.outcomes  # the newest is kept


def test_policies_do_not_share_remembered_outcomes(national: Policy, example_force: Policy) -> None:
    point = national.encode({})
    national.outcomes.clear()
    example_force.outcomes.clear()
    outcome(national, point)
    assert point in national.outcomes
    assert point not in example_force.outcomes
