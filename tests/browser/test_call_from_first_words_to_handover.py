"""A call from first words to a handover, entirely in the browser: type, answer, save, accept
the recommendation, record what the caller was told, offer the handover and record the
partner's answer. Then the timeline and the history; a refused decision; a supervisor signing
off a lowering override. axe-core finds nothing on any of these screens."""

from __future__ import annotations

import re
from typing import Any

from tests.browser.conftest import ARTIFACTS, LiveApp, describe, run_axe, sign_in_as

NO = ("crime", "risk_to_life", "serious_harm", "weapon", "violence", "domestic_abuse")
MORE_NO = ("child", "medical_emergency", "entry_required", "left_healthcare")
FALL = "He has fallen at home and cannot get up. He is not hurt."
CALL_URL = re.compile(r".*/calls/[0-9a-f-]{8,}(\?.*)?$")


def no_axe_violations(page: Any, name: str) -> None:
    violations = run_axe(page)
    assert violations == [], f"{name}:\n{describe(violations)}"


def type_the_fall(page: Any, *, confirm_location: bool) -> None:
    page.click("summary.govuk-details__summary")
    page.select_option("#force", "example-force")
    page.fill("#narrative", FALL)
    page.dispatch_event("#narrative", "input")
    for question in (*NO, *MORE_NO):
        page.check(f"#answer-{question}-no")
    page.check("#answer-fallen_no_injury-yes")
    if confirm_location:
        page.check("#answer-location_known-yes")
    page.wait_for_function(
        "() => (document.querySelector('#recommendation-response') || {}).textContent"
        " && document.querySelector('#recommendation-response').textContent"
        ".startsWith('Police do not attend')"
    )


def save(page: Any) -> str:
    page.click("#save-call")
    page.wait_for_url(CALL_URL)
    assert page.text_content("#done-message") == "Call saved"
    return str(page.url).split("/calls/")[1].split("?")[0]


def banner(page: Any) -> str:
    return str(page.text_content("#done-message")).strip()


def test_a_call_from_first_words_to_a_handover(page: Any) -> None:
    type_the_fall(page, confirm_location=True)
    call_id = save(page)
    assert "Police do not attend" in page.text_content("#recommendation-response")
    assert page.text_content("#call-narrative") == FALL
    no_axe_violations(page, "call page, saved")

    page.click("#accept-button")
    page.wait_for_url(CALL_URL)
    assert banner(page) == "Decision recorded"
    assert "accepted the recommendation" in page.text_content("#decisions")

    told = page.input_value("#advice-text")
    assert "falls response" in told  # prefilled from the disposition's tell_caller
    assert page.is_checked("#advice-attending-no")
    page.click("#advice-button")
    page.wait_for_url(CALL_URL)
    assert banner(page) == "What the caller was told is recorded"
    assert "falls response" in page.text_content("#advice-given")

    assert "Exampleshire Ambulance Service (fictional)" in page.text_content("#lead-partner")
    assert page.input_value("#offer-agency") == "ambulance"
    page.click("#offer-button")
    page.wait_for_url(CALL_URL)
    assert banner(page) == "Handover offered"
    handover = page.locator(".app-handover").first
    prefix = handover.get_attribute("id")
    assert "waiting for the partner" in page.text_content(f"#{prefix}-state")
    page.check(f"#{prefix}-event-accepted")
    page.fill(f"#{prefix}-reference", "AMB-2026-0042")
    page.click(f"#{prefix}-button")
    page.wait_for_url(CALL_URL)
    assert banner(page) == "The partner's answer is recorded"
    assert page.text_content(f"#{prefix}-state") == "Accepted"
    assert page.text_content(f"#{prefix}-partner-reference") == "AMB-2026-0042"
    no_axe_violations(page, "call page, handed over")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "call-to-handover.png"), full_page=True)

    page.click("#timeline-link")
    page.wait_for_url(f"**/calls/{call_id}/timeline")
    timeline = page.text_content("#timeline")
    for words in ("Handover offered", "Partner accepted the handover"):
        assert words in timeline
    no_axe_violations(page, "timeline")

    reference = page.text_content(".govuk-caption-l").replace("Call", "").strip()
    page.goto("/calls")
    no_axe_violations(page, "call history")
    page.fill("#q", reference)
    page.select_option("#police_response", "do_not_attend")
    page.click("#search-button")
    page.wait_for_url("**/calls?q=*")
    assert page.locator("#call-list tbody tr").count() == 1
    assert reference in page.text_content("#call-list")
    no_axe_violations(page, "call history, searched")
    page.fill("#q", "no such words anywhere")
    page.click("#search-button")
    page.wait_for_selector("#no-calls")


def test_standing_police_down_before_confirming_is_refused_with_an_error_summary(
    page: Any,
) -> None:
    type_the_fall(page, confirm_location=False)
    save(page)
    assert page.locator("#needs-confirmation a").count() >= 1
    page.click("#accept-button")
    page.wait_for_selector("main .govuk-error-summary")
    assert page.title().startswith("Error:")
    assert page.get_attribute(".govuk-error-summary__list a", "href") == "#accept-button"
    assert "confirm" in page.text_content(".govuk-error-summary__list").lower()
    assert page.locator("#decisions").count() == 0
    no_axe_violations(page, "call page, decision refused")


def test_a_supervisor_signs_off_a_lowering_override(
    page: Any, browser: Any, live_app: LiveApp
) -> None:
    page.fill("#narrative", "He is waving a knife in the street.")
    page.dispatch_event("#narrative", "input")
    page.check("#answer-weapon-yes")
    page.wait_for_function(
        "() => (document.querySelector('#recommendation-response') || {}).textContent"
        " === 'Police attend'"
    )
    call_id = save(page)
    reference = page.text_content("h1").replace("Call", "").strip()
    page.check("#override-response-discretion")
    page.select_option("#override-reason", "professional_judgement")
    page.fill("#override-note", "The knife is a butter knife; he is known to the crisis team.")
    page.click("#override-button")
    page.wait_for_url(CALL_URL)
    assert page.text_content("#call-status") == "Awaiting supervisor sign-off"
    assert page.text_content("#call-standing") == "Police attend"  # until it is signed off

    supervisor = sign_in_as(browser, live_app, "supervisor", "/supervisor")
    try:
        no_axe_violations(supervisor, "supervisor queue")
        item = supervisor.locator(".app-queue-item", has_text=reference)
        decision_prefix = item.get_attribute("id")
        supervisor.click(f"#{decision_prefix}-button")  # no choice made: refused, said so
        supervisor.wait_for_selector("main .govuk-error-summary")
        no_axe_violations(supervisor, "supervisor queue, with an error")
        supervisor.check(f"#{decision_prefix}-outcome-approve")
        supervisor.fill(f"#{decision_prefix}-note", "Agreed: crisis team informed.")
        supervisor.click(f"#{decision_prefix}-button")
        supervisor.wait_for_url("**/supervisor?done=signoff")
        assert supervisor.text_content("#done-message") == "Sign-off recorded"
        assert supervisor.locator(".app-queue-item", has_text=reference).count() == 0
    finally:
        supervisor.context.close()

    page.goto(f"/calls/{call_id}")
    assert page.text_content("#call-standing") == "Police may choose to attend"
    assert "effective" in page.text_content("#decisions")
