"""When the policy changes: the learner is told how many calls they answered now have another
answer and can practise them; an attempt begun under the old policy cannot go on; the trainer
sees the changed calls on the cohort page."""

from __future__ import annotations

from pathlib import Path

import pytest

from rightcare.engine.store import PolicySet
from rightcare.training.catalogue import Catalogue, load_catalogue
from tests.training.test_a_policy_change_keeps_past_results_and_offers_the_changed_scenarios import (  # noqa: E501
    amended,
)
from tests.web.conftest import Web

__all__ = ["amended"]

MINI = Path(__file__).parents[1] / "data" / "courses" / "mini.yaml"


@pytest.fixture(scope="module")
def mini(policies: PolicySet) -> Catalogue:
    return load_catalogue([MINI], policies=policies)


def test_a_policy_change_offers_a_refresher_and_lists_the_changed_calls(
    web: Web, mini: Catalogue, amended: Catalogue
) -> None:
    web.app.state.training_catalogue = mini
    hana = web.signed_in("hana")
    started = hana.post("/training/courses/mini/modules/falls/start", follow_redirects=False)
    old_attempt = started.headers["location"]
    answered = hana.post(
        f"{old_attempt}/answer",
        data={"scenario_id": "CFW-001", "choice": "other_agency", "agency": "ambulance"},
        follow_redirects=False,
    )
    assert answered.headers["location"].endswith("/feedback/CFW-001")

    web.app.state.training_catalogue = amended  # the pack is now 2026.2
    home = hana.get("/training").text
    assert "The policy has changed: 1 scenario you answered now has a different answer" in home
    stale = hana.get(old_attempt)
    assert stale.status_code == 409 and "has changed since this attempt began" in stale.text

    refresher = hana.post("/training/courses/mini/refresher", follow_redirects=False)
    assert refresher.status_code == 303
    attempt = refresher.headers["location"]
    page = hana.get(attempt).text
    assert "What changed in the policy" in page and "Call 1 of 1" in page
    again = hana.post("/training/courses/mini/refresher", follow_redirects=False)
    assert again.headers["location"] == attempt  # resumed, not another attempt

    tess = web.signed_in("tess")
    made = tess.post(
        "/training/trainer/cohorts",
        data={"name": "After the change", "course": "mini"},
        follow_redirects=False,
    )
    cohort = made.headers["location"].split("?")[0]
    tess.post(f"{cohort}/members", data={"username": "hana"})
    shown = tess.get(cohort).text
    changed = shown.split('id="changed"')[1]
    assert "CFW-001" in changed and "Ambulance service (2026.1)" in changed
    assert "Adult social care" in changed.split("CFW-001")[1]
