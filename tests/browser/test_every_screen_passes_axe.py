"""axe-core finds no WCAG 2.2 AA violations on any screen, in any state the tests reach."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.conftest import describe, run_axe, save_artifact, sign_in_as
from tests.browser.test_training_a_scenario_is_played_by_keyboard import (
    play_to_feedback,
    start_first_module,
)

RESULTS: dict[str, list[str]] = {}


@pytest.fixture(scope="module", autouse=True)
def _record_results() -> Any:
    yield
    save_artifact("axe-results.json", RESULTS)


def check(page: Any, name: str) -> None:
    violations = run_axe(page)
    RESULTS[name] = [v["id"] for v in violations]
    assert violations == [], f"{name}:\n{describe(violations)}"


def test_call_handler_screen_before_any_words(page: Any) -> None:
    check(page, "call handler, empty")


def test_call_handler_screen_with_a_recommendation_evidence_and_questions(page: Any) -> None:
    page.fill(
        "#narrative",
        "Caller says her neighbour is not answering the door. He said he has a knife and "
        "wants to end it all. He is a nutter.",
    )
    page.dispatch_event("#narrative", "input")
    page.wait_for_selector("#narrative-evidence mark")
    page.check("#answer-crime-no")
    page.wait_for_function(
        "() => !document.querySelector('#suggest-crime').textContent.includes('Press')"
    )
    page.click("summary.govuk-details__summary")  # the call details, open
    assert page.locator("#language-notes li").count() >= 1
    check(page, "call handler, with a recommendation")


def test_call_handler_screen_with_an_error(page: Any) -> None:
    page.evaluate("() => document.querySelector('#narrative').value = 'x'.repeat(20001)")
    page.dispatch_event("#narrative", "input")
    page.wait_for_selector("#assessment .govuk-error-summary")
    check(page, "call handler, notes too long")


def test_call_handler_page_with_its_error_summary(page: Any) -> None:
    """The whole-page answer (as without JavaScript): error summary first, focused."""
    page.evaluate(
        "() => { document.querySelector('#narrative').value = 'x'.repeat(20001);"
        " document.querySelector('#call-form').submit(); }"
    )
    page.wait_for_selector("main .govuk-error-summary")
    assert page.title().startswith("Error:")
    page.wait_for_function("() => document.activeElement.classList.contains('govuk-error-summary')")
    assert page.get_attribute(".govuk-error-summary__list a", "href") == "#narrative"
    assert "too long" in page.text_content("#narrative-error")
    check(page, "call handler, whole page with error summary")


def test_call_handler_works_without_javascript(browser: Any, live_app: Any) -> None:
    context = browser.new_context(java_script_enabled=False, base_url=live_app.base_url)
    try:
        tab = context.new_page()
        tab.goto("/sign-in?next=/calls/new")
        tab.fill("#username", live_app.username)
        tab.fill("#password", live_app.password)
        tab.click("button[type=submit]")
        tab.wait_for_url("**/calls/new")
        tab.fill("#narrative", "He has a knife.")
        tab.check("#answer-risk_to_life-yes")
        tab.click("text=Update the recommendation")
        tab.wait_for_selector("#narrative-evidence mark")
        assert tab.is_checked("#answer-risk_to_life-yes")
        assert tab.text_content("#recommendation-response") == "Police attend"
    finally:
        context.close()


def test_policy_screen(page: Any) -> None:
    page.goto("/policy")
    check(page, "policy, national pack")


def test_policy_screen_for_a_force_overlay(page: Any) -> None:
    page.goto("/policy?force=example-force")
    check(page, "policy, example-force overlay")


def test_page_not_found_screen(page: Any) -> None:
    page.goto("/policy?force=no-such-force")
    check(page, "not found")


def test_sign_in_screen(browser: Any, live_app: Any) -> None:
    context = browser.new_context(base_url=live_app.base_url)
    try:
        tab = context.new_page()
        tab.goto("/sign-in")
        check(tab, "sign in")
    finally:
        context.close()


def test_training_home(page: Any) -> None:
    page.goto("/training")
    check(page, "training, my courses")


def test_training_call_with_the_callers_reply(page: Any) -> None:
    start_first_module(page)
    page.locator(".app-ask").first.click()
    page.wait_for_selector("#replies-list")
    check(page, "training, a call with the caller's reply")


def test_training_call_with_its_error_summary(page: Any) -> None:
    start_first_module(page)
    page.click("#submit-decision")
    page.wait_for_selector("main .govuk-error-summary")
    check(page, "training, a decision with an error summary")


def test_training_feedback(page: Any) -> None:
    start_first_module(page)
    play_to_feedback(page)
    check(page, "training, feedback on a call")


def test_training_module_result(page: Any) -> None:
    page.goto("/training")
    page.click("#start-rcrp-national-conveyance")
    page.wait_for_url("**/training/attempts/*")
    for _ in range(40):  # ten calls, at most two tries each
        if page.locator("#module-result").count():
            break
        if page.locator("#next-call").count():
            page.click("#next-call")
            continue
        page.check("#choice-duty")
        page.click("#submit-decision")
        page.wait_for_load_state()
    assert page.locator("#module-result").count() == 1
    check(page, "training, module result")


def test_trainer_screens(browser: Any, live_app: Any) -> None:
    tab = sign_in_as(browser, live_app, "trainer", "/training/trainer")
    try:
        check(tab, "trainer, cohorts")
        tab.fill("#cohort-name", "Axe check cohort")
        tab.click("#create-cohort")
        tab.wait_for_selector("#done-message")
        tab.fill("#member-username", "handler")
        tab.click("#add-member")
        tab.wait_for_selector("#completion")
        check(tab, "trainer, a cohort with a member")
        tab.click("#add-member")  # blank: the error summary
        tab.wait_for_selector("main .govuk-error-summary")
        check(tab, "trainer, a cohort with an error summary")
    finally:
        tab.context.close()


def test_accounts_screens(browser: Any, live_app: Any) -> None:
    tab = sign_in_as(browser, live_app, "admin", "/accounts")
    try:
        check(tab, "accounts, the table")
        tab.click("#add-account")
        tab.wait_for_url("**/accounts/new")
        check(tab, "accounts, add an account")
        tab.fill("#username", "axe check")  # a space: the error summary
        tab.click("#add-account-button")
        tab.wait_for_selector("main .govuk-error-summary")
        check(tab, "accounts, add an account with an error summary")
        tab.fill("#username", "axe.check")
        tab.fill("#display-name", "Axe Check")
        tab.check("#role-analyst")
        tab.click("#add-account-button")
        tab.wait_for_selector("#one-time-password")
        check(tab, "accounts, the password shown once")
        tab.click("#go-to-account")
        tab.wait_for_selector("#account-summary")
        check(tab, "accounts, one account")
        tab.click("#deactivate")  # the box not ticked: the error summary names it
        tab.wait_for_selector("main .govuk-error-summary")
        check(tab, "accounts, deactivate not confirmed")
        tab.check("#deactivate-confirm")
        tab.click("#deactivate")
        tab.wait_for_selector("#done-message")
        check(tab, "accounts, a deactivated account with its message")
        tab.goto("/accounts")
        tab.get_by_role("link", name="admin", exact=True).click()
        tab.wait_for_selector("#account-summary")
        tab.check("#deactivate-confirm")
        tab.click("#deactivate")  # the last administrator: refused, with the reason
        tab.wait_for_selector("main .govuk-error-summary")
        check(tab, "accounts, the last administrator kept")
    finally:
        tab.context.close()


def test_change_password_screen(browser: Any, live_app: Any) -> None:
    # The auditor, whom no other browser test signs in as; the password is left as it is (only
    # the empty form is sent), so the shared demo users keep their printed passwords.
    tab = sign_in_as(browser, live_app, "auditor", "/account/password")
    try:
        check(tab, "change your password")
        tab.click("#change-password")
        tab.wait_for_selector("main .govuk-error-summary")
        assert tab.title().startswith("Error:")
        check(tab, "change your password, with an error summary")
    finally:
        tab.context.close()
