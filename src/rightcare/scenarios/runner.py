"""Run scenarios against a policy: each one a regression test of the pack."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from rightcare.engine.contract import Assessment, CallInput
from rightcare.engine.errors import CallError
from rightcare.engine.evaluate import assess
from rightcare.engine.policy import Policy
from rightcare.scenarios.models import Scenario


@dataclass(frozen=True)
class Failure:
    scenario: str
    field: str
    expected: str
    got: str


def assess_scenario(
    policy: Policy, scenario: Scenario, answers: Mapping[str, object] | None = None
) -> Assessment:
    call = CallInput.model_validate(
        {
            "narrative": scenario.narrative,
            "answers": dict(answers) if answers is not None else dict(scenario.answers),
            "context": scenario.context.model_dump(exclude_none=True) | {"force": None},
        }
    )
    return assess(policy, call)


def check_scenario(policy: Policy, scenario: Scenario) -> list[Failure]:
    """Everything about the outcome that differs from what the scenario expects."""
    try:
        result = assess_scenario(policy, scenario)
    except CallError as exc:
        return [Failure(scenario.id, "answers", "a valid call", str(exc))]
    expected = scenario.expected_for(policy.overlay_id)
    failures = []
    checks = [
        ("police_response", expected.police_response, result.police_response),
        ("lead_agency", expected.lead_agency, result.lead_agency),
        ("threshold", expected.threshold, result.threshold),
        ("disposition", expected.disposition, result.disposition),
    ]
    for name, want, got in checks:
        if want is not None and want != got:
            failures.append(Failure(scenario.id, name, str(want), str(got)))
    # The borderline claim is about the national outcome; an overlay may already raise it.
    if scenario.borderline is not None and policy.overlay_id not in scenario.overlays:
        border = scenario.borderline
        flipped = dict(scenario.answers) | {border.question: border.answer}
        try:
            other = assess_scenario(policy, scenario, flipped).police_response
        except CallError as exc:
            failures.append(Failure(scenario.id, "borderline", border.becomes, str(exc)))
        else:
            if other != border.becomes:
                failures.append(
                    Failure(
                        scenario.id,
                        f"borderline {border.question}={border.answer}",
                        border.becomes,
                        other,
                    )
                )
            if other == result.police_response:
                failures.append(
                    Failure(scenario.id, "borderline", "a different outcome", f"the same ({other})")
                )
    return failures


def run_scenarios(policy: Policy, scenarios: Iterable[Scenario]) -> list[Failure]:
    return [f for s in scenarios for f in check_scenario(policy, s)]


def library_stats(scenarios: list[Scenario]) -> dict[str, object]:
    """Counts by tag and outcome, the share with a published source, and borderline share."""
    total = len(scenarios)
    return {
        "total": total,
        "by_tag": dict(sorted(Counter(t.value for s in scenarios for t in s.tags).items())),
        "by_outcome": dict(
            sorted(Counter(s.expect.police_response.value for s in scenarios).items())
        ),
        "published_source": sum(s.published for s in scenarios),
        "borderline": sum(s.borderline is not None for s in scenarios),
        "training": sum(s.training for s in scenarios),
    }
