"""An administrator adds an account and changes it from the keyboard alone: Tab to each field,
type, Space to tick a role, Enter to submit; the error summary takes focus and its link leads
to the field at fault; the made-up password is shown once."""

from __future__ import annotations

from typing import Any

from tests.browser.conftest import sign_in_as
from tests.browser.test_training_a_scenario_is_played_by_keyboard import ACTIVE, tab_to


def test_an_account_is_added_and_changed_with_keys_only(browser: Any, live_app: Any) -> None:
    tab = sign_in_as(browser, live_app, "admin", "/accounts")
    try:
        tab_to(tab, "add-account")
        with tab.expect_navigation(url="**/accounts/new"):
            tab.keyboard.press("Enter")

        tab_to(tab, "username")
        tab.keyboard.type("kb.user")
        tab_to(tab, "add-account-button")
        with tab.expect_navigation():
            tab.keyboard.press("Enter")  # no name, no role: the error summary
        tab.wait_for_function(
            "() => document.activeElement.classList.contains('govuk-error-summary')"
        )
        tab_to(tab, "")  # the first link in the summary
        assert tab.evaluate("() => document.activeElement.getAttribute('href')") == "#display-name"
        tab.keyboard.press("Enter")
        assert tab.evaluate(ACTIVE)[0] == "display-name"
        tab.keyboard.type("Keyboard User")
        tab_to(tab, "role-trainer")
        tab.keyboard.press("Space")
        tab_to(tab, "add-account-button")
        with tab.expect_navigation():
            tab.keyboard.press("Enter")
        password = tab.text_content("#one-time-password")
        assert password and len(password.strip()) >= 20

        tab_to(tab, "go-to-account")
        with tab.expect_navigation():
            tab.keyboard.press("Enter")
        tab_to(tab, "role-analyst")
        tab.keyboard.press("Space")
        tab_to(tab, "save-access")
        with tab.expect_navigation():
            tab.keyboard.press("Enter")
        tab.wait_for_selector("#done-message")
        assert tab.text_content("#account-roles") == "Trainer, Analyst"
        assert password not in tab.content()
    finally:
        tab.context.close()
