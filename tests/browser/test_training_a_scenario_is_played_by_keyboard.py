"""A learner plays a training call from the keyboard alone: Tab to a question for the caller,
Enter to ask it (the reply is announced in a live region and focus stays put), Tab to the
decision, Space to choose, Enter to submit, and the feedback follows (after a retry, if the
first answer was wrong)."""

from __future__ import annotations

from typing import Any

from tests.browser.conftest import ARTIFACTS

ACTIVE = "() => { const e = document.activeElement; return [e.id, e.name || ''] }"


def tab_to(page: Any, wanted: str, limit: int = 120) -> str:
    """Press Tab until the focused element's id starts with `wanted`; its id."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        element_id, _name = page.evaluate(ACTIVE)
        if element_id.startswith(wanted):
            return str(element_id)
    raise AssertionError(f"Tab never reached #{wanted}…")


def start_first_module(page: Any) -> None:
    page.goto("/training")
    tab_to(page, "start-rcrp-national-")
    with page.expect_navigation(url="**/training/attempts/*"):
        page.keyboard.press("Enter")


def decide_by_keyboard(page: Any, arrow_presses: int) -> None:
    """Choose the first response (moved on by `arrow_presses`) and submit, keys only."""
    tab_to(page, "choice-")
    page.keyboard.press("Space")
    for _ in range(arrow_presses):
        page.keyboard.press("ArrowDown")  # radios: arrows move and choose
    if page.evaluate("() => document.activeElement.value") != "duty":
        tab_to(page, "agency")
        page.keyboard.press("ArrowDown")  # a select: the first agency in the list
    tab_to(page, "submit-decision")
    with page.expect_navigation():
        page.keyboard.press("Enter")


def play_to_feedback(page: Any) -> None:
    """Answer the current call, by keyboard, until its feedback shows."""
    for tries in range(3):
        decide_by_keyboard(page, tries)
        if "/feedback/" in page.url:
            return
        page.wait_for_selector("#retry-hint")
    raise AssertionError("no feedback after three tries")


def test_a_call_is_asked_decided_and_marked_from_the_keyboard(page: Any) -> None:
    start_first_module(page)
    assert page.locator("h1").inner_text().startswith("Call ")
    narrative = page.locator("#call-narrative")
    assert narrative.inner_text().strip()
    # plain text in order: no markup for a screen reader to trip over
    assert narrative.evaluate("n => n.children.length") == 0

    question = tab_to(page, "ask-")
    focused = page.locator(f"#{question}")
    style = focused.evaluate(
        "e => { const s = getComputedStyle(e); return [s.outlineStyle, s.boxShadow] }"
    )
    assert style != ["none", "none"], "the focused question shows no focus"
    page.keyboard.press("Enter")
    page.wait_for_function(
        "() => document.querySelector('#caller-latest').textContent.includes('The caller says')"
    )
    assert page.evaluate(ACTIVE)[0] == question  # focus stays on the question asked
    asked = page.locator('#decision-form input[name="asked"]')
    assert asked.count() == 1
    assert asked.get_attribute("value") == question.removeprefix("ask-")
    assert page.locator("#replies-list").count() == 1
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "training-call.png"), full_page=True)

    play_to_feedback(page)
    assert page.locator("#feedback-verdict").is_visible()
    assert page.locator("#policy-answer").inner_text()
    assert page.locator("#next-call").is_visible()
    page.screenshot(path=str(ARTIFACTS / "training-feedback.png"), full_page=True)
