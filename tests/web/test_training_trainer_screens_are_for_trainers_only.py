"""The trainer's screens: create a cohort, add a member, see completion, export the results as
CSV. Only the trainer role gets in; a mistake comes back with an error summary."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest

from rightcare.engine.store import PolicySet
from rightcare.training.catalogue import Catalogue, load_catalogue
from rightcare.training.reports import CSV_COLUMNS
from tests.web.conftest import Web

MINI = Path(__file__).parents[1] / "data" / "courses" / "mini.yaml"


@pytest.fixture(scope="module")
def mini(policies: PolicySet) -> Catalogue:
    return load_catalogue([MINI], policies=policies)


@pytest.fixture
def mini_web(web: Web, mini: Catalogue) -> Web:
    web.app.state.training_catalogue = mini
    return web


def test_a_trainer_creates_a_cohort_adds_a_member_and_exports_results(mini_web: Web) -> None:
    tess = mini_web.signed_in("tess")
    page = tess.get("/training/trainer")
    assert page.status_code == 200 and "No cohorts yet" in page.text
    assert 'href="/training/trainer"' in page.text  # the nav offers the trainer area

    made = tess.post(
        "/training/trainer/cohorts",
        data={"name": "Control room B", "course": "mini"},
        follow_redirects=False,
    )
    assert made.status_code == 303
    cohort = made.headers["location"].split("?")[0]
    assert "Cohort created" in tess.get(made.headers["location"]).text

    added = tess.post(f"{cohort}/members", data={"username": "hana"}, follow_redirects=False)
    assert added.status_code == 303
    shown = tess.get(cohort).text
    assert "Member added" in tess.get(added.headers["location"]).text
    assert re.search(r">hana</td>\s*<td[^>]*>0 of 2</td>", shown)
    assert "Hana" not in shown  # usernames only, never display names

    hana = mini_web.signed_in("hana")
    start = hana.post("/training/courses/mini/modules/awol/start", follow_redirects=False)
    attempt = start.headers["location"]
    hana.post(f"{attempt}/answer", data={"scenario_id": "AWL-001", "choice": "duty"})
    hana.post(f"{attempt}/answer", data={"scenario_id": "AWL-001", "choice": "duty"})

    shown = tess.get(cohort).text
    assert "AWL-001" in shown and "Police have a duty to attend; no agency named" in shown
    export = tess.get(f"{cohort}/results.csv")
    assert export.status_code == 200
    assert export.headers["content-type"].startswith("text/csv")
    assert "attachment" in export.headers["content-disposition"]
    rows = list(csv.reader(io.StringIO(export.text, newline="")))
    assert rows[0] == list(CSV_COLUMNS)
    assert [(r[0], r[3], r[7]) for r in rows[1:]] == [("hana", "awol", "no")]


def test_cohort_mistakes_come_back_with_an_error_summary(mini_web: Web) -> None:
    tess = mini_web.signed_in("tess")
    blank = tess.post("/training/trainer/cohorts", data={"name": " ", "course": "mini"})
    assert blank.status_code == 422
    assert 'href="#cohort-name"' in blank.text and "<title>Error:" in blank.text
    course = tess.post("/training/trainer/cohorts", data={"name": "B", "course": "nope"})
    assert course.status_code == 422 and 'href="#cohort-course"' in course.text
    made = tess.post(
        "/training/trainer/cohorts", data={"name": "B", "course": "mini"}, follow_redirects=False
    )
    cohort = made.headers["location"].split("?")[0]
    twice = tess.post("/training/trainer/cohorts", data={"name": "B", "course": "mini"})
    assert twice.status_code == 422 and "already a cohort called B" in twice.text
    nobody = tess.post(f"{cohort}/members", data={"username": "nobody"})
    assert nobody.status_code == 422 and 'href="#member-username"' in nobody.text
    assert tess.get("/training/trainer/cohorts/no-such-cohort").status_code == 404
    assert tess.get("/training/trainer/cohorts/no-such-cohort/results.csv").status_code == 404


@pytest.mark.parametrize("who", ["hana", "sam", "ari", "aude", "adam"])
def test_everyone_else_is_refused_the_trainer_screens(mini_web: Web, who: str) -> None:
    tess = mini_web.signed_in("tess")
    made = tess.post(
        "/training/trainer/cohorts", data={"name": "B", "course": "mini"}, follow_redirects=False
    )
    cohort = made.headers["location"].split("?")[0]
    other = mini_web.signed_in(who)
    assert other.get("/training").status_code == 200  # learning is for everyone with a role
    assert 'href="/training/trainer"' not in other.get("/training").text
    for reply in (
        other.get("/training/trainer"),
        other.get(cohort),
        other.get(f"{cohort}/results.csv"),
        other.post("/training/trainer/cohorts", data={"name": "Mine", "course": "mini"}),
        other.post(f"{cohort}/members", data={"username": who}),
    ):
        assert reply.status_code == 403
