"""A learner plays the mini course on the screens, start to certificate: asks the caller (as
HTMX and as a whole page), is refused a half-made decision, retries after a hint, reads the
feedback and the module result, and downloads the certificate. Nobody else can open the attempt
or the certificate."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient
from pypdf import PdfReader

from rightcare.audit.models import AuditEntry
from rightcare.engine.store import PolicySet
from rightcare.training.catalogue import Catalogue, load_catalogue
from rightcare.training.exercise import Choice, Exercise, prepare_cached
from tests.web.conftest import Web

MINI = Path(__file__).parents[1] / "data" / "courses" / "mini.yaml"


@pytest.fixture(scope="module")
def mini(policies: PolicySet) -> Catalogue:
    return load_catalogue([MINI], policies=policies)


@pytest.fixture
def mini_web(web: Web, mini: Catalogue) -> Web:
    """The app teaching the two-module mini course instead of the national one."""
    web.app.state.training_catalogue = mini
    return web


def exercise(mini: Catalogue, scenario_id: str) -> Exercise:
    course = mini.course("mini")
    return prepare_cached(mini.policy_for(course), course.scenario(scenario_id))


def right_form(mini: Catalogue, scenario_id: str) -> dict[str, object]:
    e = exercise(mini, scenario_id)
    return {
        "scenario_id": scenario_id,
        "choice": e.choice.value,
        "agency": "" if e.choice is Choice.DUTY else e.agency.value,
        "asked": [k.id for k in e.key_questions],
    }


def start(client: TestClient, module_id: str) -> str:
    reply = client.post(f"/training/courses/mini/modules/{module_id}/start", follow_redirects=False)
    assert reply.status_code == 303, reply.text
    return reply.headers["location"]


def current_scenario(client: TestClient, attempt: str) -> str:
    page = client.get(attempt)
    assert page.status_code == 200
    found = re.search(r'name="scenario_id" value="([^"]+)"', page.text)
    assert found is not None, "no call on the page"
    return found.group(1)


def answer(client: TestClient, attempt: str, form: dict[str, object]) -> str:
    reply = client.post(f"{attempt}/answer", data=form, follow_redirects=False)
    assert reply.status_code == 303, reply.text
    return reply.headers["location"]


def test_a_learner_plays_the_course_and_gets_a_certificate_only_they_can_open(
    mini_web: Web, mini: Catalogue
) -> None:
    hana = mini_web.signed_in("hana")
    home = hana.get("/training")
    assert home.status_code == 200
    assert "Mini course for tests" in home.text and "0 of 2 modules passed" in home.text
    assert 'href="/training"' in home.text  # the nav offers training

    attempt = start(hana, "falls")
    assert start(hana, "falls") == attempt  # starting again resumes the open attempt
    first = current_scenario(hana, attempt)
    assert first == "CFW-001"
    page = hana.get(attempt).text
    assert "Call 1 of 2" in page
    assert mini.course("mini").scenario(first).narrative.split(".")[0] in page
    assert mini.course("mini").scenario(first).title not in page  # the title gives it away

    # Ask the caller, as HTMX would: a fragment with the reply and the hidden field
    question = exercise(mini, first).questions[0]
    fragment = hana.post(
        f"{attempt}/ask",
        data={"scenario_id": first, "question": question[0], "asked": ["not-a-question"]},
        headers={"HX-Request": "true"},
    )
    assert fragment.status_code == 200
    assert "<html" not in fragment.text
    assert f'name="asked" value="{question[0]}"' in fragment.text
    assert "not-a-question" not in fragment.text
    assert 'id="caller-latest" hx-swap-oob="innerHTML"' in fragment.text
    assert "The caller says:" in fragment.text
    # ... and without JavaScript: the whole page, the reply in its live region
    whole = hana.post(f"{attempt}/ask", data={"scenario_id": first, "question": question[0]})
    assert whole.status_code == 200 and "<html" in whole.text
    assert re.search(r'id="caller-latest" role="status" aria-live="polite"[^>]*><p', whole.text)

    # A half-made decision is refused with an error summary that names the field
    none = hana.post(f"{attempt}/answer", data={"scenario_id": first})
    assert none.status_code == 422
    assert "govuk-error-summary" in none.text and 'href="#choice-duty"' in none.text
    no_agency = hana.post(
        f"{attempt}/answer", data={"scenario_id": first, "choice": "other_agency"}
    )
    assert no_agency.status_code == 422 and 'href="#agency"' in no_agency.text
    assert "<title>Error:" in no_agency.text

    # Wrong, with a try left: the same call again with a hint
    assert answer(hana, attempt, {"scenario_id": first, "choice": "duty"}) == attempt
    again = hana.get(attempt).text
    assert 'id="retry-hint"' in again and "Not quite" in again
    assert current_scenario(hana, attempt) == first

    # Right: the full feedback, then the next call
    feedback = answer(hana, attempt, right_form(mini, first))
    assert feedback == f"{attempt}/feedback/{first}"
    shown = hana.get(feedback).text
    expected = exercise(mini, first)
    assert "The policy&#39;s answer" in shown or "The policy's answer" in shown
    assert expected.choice.label in shown and expected.assessment.title in shown
    assert "The rules that decide it" in shown and "Next call" in shown
    second = current_scenario(hana, attempt)
    assert second == "CFW-002"
    # a question asked from a stale page (the call already answered) goes to where things stand
    stale = hana.post(
        f"{attempt}/ask",
        data={"scenario_id": first, "question": question[0]},
        headers={"HX-Request": "true"},
    )
    assert stale.status_code == 204 and stale.headers["HX-Redirect"] == attempt

    # The second call wrong twice: settled, feedback shows what was missed
    answer(hana, attempt, {"scenario_id": second, "choice": "duty"})
    last = answer(hana, attempt, {"scenario_id": second, "choice": "duty"})
    assert last == f"{attempt}/feedback/{second}"
    shown = hana.get(last).text
    assert "Questions you did not ask" in shown and "See your module result" in shown
    result = hana.get(attempt).text
    assert "Module not passed" in result and "Pass mark" in result

    # Pass both modules; the certificate appears on the home page
    for module_id in ("falls", "awol"):
        attempt_url = start(hana, module_id)
        for scenario_id in [s.id for s in mini.course("mini").module(module_id).scenarios]:
            answer(hana, attempt_url, right_form(mini, scenario_id))
        assert "Module passed" in hana.get(attempt_url).text
    home = hana.get("/training").text
    assert "2 of 2 modules passed" in home
    link = re.search(r'href="(/training/certificates/[^"]+\.pdf)"', home)
    assert link is not None
    pdf = hana.get(link.group(1))
    assert pdf.status_code == 200
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.headers["cache-control"] == "no-store"
    assert pdf.content.startswith(b"%PDF")
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "Mini course for tests" in text and "Hana" in text  # her display name

    # Somebody else: not found, for the attempt, its feedback, its answers and the certificate
    sam = mini_web.signed_in("sam")
    assert sam.get(attempt).status_code == 404
    assert sam.get(f"{attempt}/feedback/{first}").status_code == 404
    assert sam.post(f"{attempt}/answer", data=right_form(mini, first)).status_code == 404
    assert sam.post(f"{attempt}/ask", data={"scenario_id": first}).status_code == 404
    assert sam.get(link.group(1)).status_code == 404
    with mini_web.session() as session:
        downloads = session.execute(
            sa.select(AuditEntry.actor).where(
                AuditEntry.action == "training.certificate.downloaded"
            )
        ).scalars()
        assert list(downloads) == ["hana"]


def test_an_answer_to_a_call_already_settled_is_not_stored_twice(
    mini_web: Web, mini: Catalogue
) -> None:
    hana = mini_web.signed_in("hana")
    attempt = start(hana, "awol")
    form = right_form(mini, "AWL-001")
    answer(hana, attempt, form)
    # the back button and submit again: shown where the attempt stands, nothing stored
    assert answer(hana, attempt, form) == attempt
    with mini_web.session() as session:
        answers = session.execute(
            sa.select(AuditEntry).where(AuditEntry.action == "training.answer")
        ).all()
        assert len(answers) == 1


def test_the_refresher_is_offered_only_when_the_policy_changed(mini_web: Web) -> None:
    hana = mini_web.signed_in("hana")
    assert "The policy has changed" not in hana.get("/training").text
    nothing = hana.post("/training/courses/mini/refresher")
    assert nothing.status_code == 422 and "No scenarios to refresh" in nothing.text


def test_an_unknown_course_or_module_is_not_found(mini_web: Web) -> None:
    hana = mini_web.signed_in("hana")
    assert hana.post("/training/courses/mini/modules/nope/start").status_code == 404
    assert hana.post("/training/courses/nope/modules/falls/start").status_code == 404
    assert hana.post("/training/courses/mini/modules/policy-changes/start").status_code == 404
