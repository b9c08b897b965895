"""Re-assessing a stored call on its page: add to the notes, answer more questions, re-assess,
and the recommendation changes. If someone else changed the call in the meantime, nothing is
saved: an error summary says so and tells the handler to reload, and what they typed is kept.
axe-core finds nothing on these screens."""

from __future__ import annotations

import re
from typing import Any

from tests.browser.conftest import LiveApp, describe, run_axe, sign_in_as

FIRST_WORDS = "Caller says her brother is very upset and shouting in the garden."
MORE_WORDS = "He now says he has a knife."


def no_axe_violations(page: Any, name: str) -> None:
    violations = run_axe(page)
    assert violations == [], f"{name}:\n{describe(violations)}"


def save_call(page: Any) -> str:
    page.fill("#narrative", FIRST_WORDS)
    page.dispatch_event("#narrative", "input")
    page.check("#answer-crime-no")
    page.wait_for_selector("#recommendation-response")
    page.click("#save-call")
    page.wait_for_url(re.compile(r".*/calls/[0-9a-f-]{8,}\?done=saved$"))
    return str(page.url).split("/calls/")[1].split("?")[0]


def test_answering_more_and_adding_to_the_notes_reassesses_the_call(page: Any) -> None:
    call_id = save_call(page)
    assert page.is_checked("#answer-crime-no")  # the answers so far are chosen
    no_axe_violations(page, "call page, with the re-assess form")
    assessment_before = page.get_attribute("input[name=assessment_id]", "value")

    page.fill("#reassess-notes", MORE_WORDS)
    page.check("#answer-weapon-yes")
    page.check("#answer-risk_to_life-yes")
    page.click("#reassess-button")
    page.wait_for_url(f"**/calls/{call_id}?done=reassessed")
    assert page.text_content("#done-message") == (
        "Re-assessed: the recommendation below is up to date"
    )
    assert page.text_content("#recommendation-response") == "Police attend"
    assert page.text_content("#call-narrative") == f"{FIRST_WORDS}\n\n{MORE_WORDS}"
    assert page.is_checked("#answer-weapon-yes")
    assert page.is_checked("#answer-crime-no")  # earlier answers stay
    assert page.input_value("#reassess-notes") == ""
    assert page.get_attribute("input[name=assessment_id]", "value") != assessment_before
    no_axe_violations(page, "call page, re-assessed")

    page.click("#timeline-link")
    page.wait_for_url(f"**/calls/{call_id}/timeline")
    assert page.text_content("#timeline").count("Assessed:") == 2


def test_a_stale_page_is_refused_with_an_error_summary_and_what_was_typed_is_kept(
    page: Any, browser: Any, live_app: LiveApp
) -> None:
    call_id = save_call(page)

    # Someone else re-assesses the same call while this page is open.
    other = sign_in_as(browser, live_app, "supervisor", f"/calls/{call_id}")
    try:
        other.check("#answer-child-no")
        other.click("#reassess-button")
        other.wait_for_url(f"**/calls/{call_id}?done=reassessed")
    finally:
        other.context.close()

    page.fill("#reassess-notes", MORE_WORDS)
    page.check("#answer-weapon-yes")
    page.click("#reassess-button")
    page.wait_for_selector("main .govuk-error-summary")
    assert page.title().startswith("Error:")
    summary = page.text_content(".govuk-error-summary__list")
    assert "Someone else changed this call" in summary
    assert "Reload" in summary
    assert page.get_attribute(".govuk-error-summary__list a", "href") == "#reassess-notes"
    page.wait_for_function("() => document.activeElement.classList.contains('govuk-error-summary')")
    assert page.input_value("#reassess-notes") == MORE_WORDS  # nothing typed is lost
    assert page.is_checked("#answer-weapon-yes")
    assert page.is_checked("#answer-crime-no")
    assert MORE_WORDS not in page.text_content("#call-narrative")  # and nothing was saved
    no_axe_violations(page, "call page, stale re-assessment refused")

    # The page now shows the latest call, so re-assessing again works.
    page.click("#reassess-button")
    page.wait_for_url(f"**/calls/{call_id}?done=reassessed")
    assert MORE_WORDS in page.text_content("#call-narrative")
    assert page.is_checked("#answer-child-no")  # the other person's answer stands
    assert page.text_content("#recommendation-response") == "Police attend"
