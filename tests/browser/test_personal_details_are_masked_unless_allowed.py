"""Caller and subject details in the browser: typed in their own optional section of the call
handler's screen, saved with the call, masked on the call's page for the call handler and shown
in full to the supervisor. axe-core finds nothing on any of these screens."""

from __future__ import annotations

import re
from typing import Any

from tests.browser.conftest import LiveApp, describe, run_axe, sign_in_as

CALL_URL = re.compile(r".*/calls/[0-9a-f-]{8,}(\?.*)?$")
DETAILS = {
    "caller_name": "Morwenna Example-Caller",
    "caller_phone": "07700 900123",
    "subject_name": "Bartholomew Example-Subject",
    "address": "3 Imaginary Lane\nExampleton EX9 9ZZ",
}


def no_axe_violations(page: Any, name: str) -> None:
    violations = run_axe(page)
    assert violations == [], f"{name}:\n{describe(violations)}"


def test_details_are_saved_masked_for_the_handler_and_shown_to_the_supervisor(
    page: Any, browser: Any, live_app: LiveApp
) -> None:
    assert page.locator("#personal-details").get_attribute("open") is None  # optional: closed
    page.click("#personal-details summary")
    for name, value in DETAILS.items():
        assert page.get_attribute(f"#{name}", "autocomplete") == "off"
        page.fill(f"#{name}", value)
    page.fill("#narrative", "She is lying on the floor and cannot get up. She is not hurt.")
    page.dispatch_event("#narrative", "input")
    page.wait_for_selector("#recommendation-response")
    no_axe_violations(page, "call handler, with caller and subject details")

    page.click("#save-call")
    page.wait_for_url(CALL_URL)
    url = str(page.url)
    call_id = url.split("/calls/")[1].split("?")[0]
    for value in DETAILS.values():
        assert value.split("\n")[0] not in url
        assert value.split("\n")[0] not in page.title()
    assert page.text_content("#personal-masked-hint") == (
        "You do not have permission to see personal details"
    )
    for name in DETAILS:
        assert page.text_content(f"#personal-{name}").startswith("•••")
    body = page.text_content("body")
    for value in DETAILS.values():
        assert value.split("\n")[0] not in body
    no_axe_violations(page, "call page, personal details masked")

    supervisor = sign_in_as(browser, live_app, "supervisor", f"/calls/{call_id}")
    try:
        assert supervisor.locator("#personal-masked-hint").count() == 0
        for name, value in DETAILS.items():
            assert supervisor.inner_text(f"#personal-{name}").strip() == value
        for value in DETAILS.values():
            assert value.split("\n")[0] not in supervisor.title()
        no_axe_violations(supervisor, "call page, personal details shown")
        supervisor.click("#timeline-link")
        supervisor.wait_for_url(f"**/calls/{call_id}/timeline")
        timeline = supervisor.text_content("#timeline")
        assert "Personal details viewed" in timeline
        for value in DETAILS.values():
            assert value.split("\n")[0] not in timeline
    finally:
        supervisor.context.close()


def test_a_call_without_details_says_none_were_recorded(page: Any) -> None:
    page.fill("#narrative", "He has a knife.")
    page.dispatch_event("#narrative", "input")
    page.wait_for_selector("#recommendation-response")
    page.click("#save-call")
    page.wait_for_url(CALL_URL)
    assert page.text_content("#personal-none") == "No caller or subject details were recorded."


def test_a_detail_too_long_is_named_in_an_error_summary_and_kept(page: Any) -> None:
    page.click("#personal-details summary")
    page.evaluate("() => document.querySelector('#caller_phone').value = '0'.repeat(65)")
    page.fill("#subject_name", "Kept Example-Name")
    page.click("#save-call")
    page.wait_for_selector("main .govuk-error-summary")
    assert page.title().startswith("Error:")
    assert page.get_attribute(".govuk-error-summary__list a", "href") == "#caller_phone"
    assert "64 characters or fewer" in page.text_content("#caller_phone-error")
    assert page.input_value("#subject_name") == "Kept Example-Name"
    assert page.locator("#personal-details").get_attribute("open") is not None
    no_axe_violations(page, "call handler, a detail too long")
