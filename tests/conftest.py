"""Shared fixtures: the bundled policies, loaded once per test session."""

from __future__ import annotations

import pytest

from rightcare.engine.policy import Policy
from rightcare.engine.store import PolicySet, load_policy_set

CRITICAL_NO = {
    "crime": "no", "risk_to_life": "no", "serious_harm": "no",
    "weapon": "no", "violence": "no", "domestic_abuse": "no",
}  # fmt: skip


@pytest.fixture(scope="session")
def policies() -> PolicySet:
    return load_policy_set()


@pytest.fixture(scope="session")
def national(policies: PolicySet) -> Policy:
    return policies.base


@pytest.fixture(scope="session")
def example_force(policies: PolicySet) -> Policy:
    return policies.overlays["example-force"]


@pytest.fixture(scope="session", params=["national", "example-force"])
def every_policy(request: pytest.FixtureRequest, policies: PolicySet) -> Policy:
    """Each shipped pack and overlay, so safety tests cover them all."""
    return policies.base if request.param == "national" else policies.overlays[request.param]
