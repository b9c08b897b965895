"""A call handler types the caller's words and answers the key questions from the keyboard alone;
the recommendation, the evidence highlight and the questions to ask follow as they go."""

from __future__ import annotations

from typing import Any

from tests.browser.conftest import ARTIFACTS

NARRATIVE = (
    "Caller says her neighbour, 82, has not been seen for two days and is not answering "
    "the door. She thinks he has a knife."
)


def tab_to(page: Any, element_id: str, limit: int = 60) -> None:
    """Press Tab until the element has focus, as someone without a mouse would."""
    for _ in range(limit):
        if page.evaluate("() => document.activeElement && document.activeElement.id") == element_id:
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached #{element_id}")


def focused_id(page: Any) -> str:
    value: str = page.evaluate("() => document.activeElement.id")
    return value


def wait_for_title(page: Any, words: str) -> None:
    page.wait_for_function(
        "(words) => (document.querySelector('#recommendation-title') || {}).textContent"
        " && document.querySelector('#recommendation-title').textContent.includes(words)",
        arg=words,
    )


def answer(page: Any, key: str, question: str, value: str) -> None:
    page.keyboard.press(key)
    assert focused_id(page) == f"answer-{question}-{value}"
    assert page.is_checked(f"#answer-{question}-{value}")


def test_a_call_from_first_words_to_a_recommendation_by_keyboard(page: Any) -> None:
    # Before any words: nothing known, so nothing is decided and the critical questions show.
    assert "Not decided yet" in page.text_content("#recommendation-response")
    assert page.locator("#questions-to-ask li").count() >= 6

    tab_to(page, "narrative")
    page.keyboard.type(NARRATIVE, delay=15)

    # The notes mention a knife: police attend, and the evidence is marked in the notes.
    wait_for_title(page, "Weapon present")
    assert page.text_content("#recommendation-response") == "Police attend"
    marks = page.locator("#narrative-evidence mark").all_text_contents()
    assert "knife" in marks
    assert "not answering the door" in marks
    assert "[weapon: yes]" in page.text_content("#narrative-evidence")
    assert "knife" in page.text_content("#suggest-weapon")
    assert page.locator("#needs-confirmation a", has_text="weapon").count() == 1
    status = page.locator("#assessment-status")
    assert "Weapon present" in status.text_content()
    assert status.get_attribute("aria-live") == "polite"

    # Keyboard only: Tab from the notes past the call details to the first question.
    page.keyboard.press("Tab")  # the "Call details" summary
    page.keyboard.press("Tab")
    assert focused_id(page) == "answer-crime-yes"
    answer(page, "n", "crime", "no")
    for question in ("risk_to_life", "serious_harm", "weapon", "violence", "domestic_abuse"):
        page.keyboard.press("ArrowDown")
        assert focused_id(page) == f"answer-{question}-yes"
        answer(page, "n", question, "no")

    # No risk, no weapon after all: a missing person, so police still lead.
    wait_for_title(page, "Missing person")
    assert page.text_content("#recommendation-response") == "Police attend"

    page.keyboard.press("ArrowDown")  # child
    answer(page, "u", "child", "unknown")
    page.keyboard.press("ArrowDown")  # location_known
    answer(page, "y", "location_known", "yes")
    page.keyboard.press("ArrowUp")  # back up to child, the answer kept
    assert focused_id(page) == "answer-child-unknown"
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")  # missing
    answer(page, "n", "missing", "no")

    # Not missing, just not answering: another agency leads, once the notes are confirmed. The
    # title already reads so once he is placed (the reply to the location answer), so wait for
    # the reply to the missing answer itself: the notes' missing suggestion is then answered.
    page.wait_for_function("() => !document.querySelector('#suggested-missing')")
    wait_for_title(page, "No answer at the door")
    assert page.text_content("#recommendation-response").startswith("Police do not attend")
    assert "No answer at the door" in status.text_content()
    assert page.locator("#needs-confirmation a", has_text="answering").count() == 1
    assert page.locator("#narrative-evidence mark").all_text_contents() == [
        "not answering the door"
    ]
    assert page.text_content("#tell-caller").strip()
    assert page.locator("#rationale li").count() >= 1
    ARTIFACTS.mkdir(exist_ok=True)
    page.set_viewport_size({"width": 1366, "height": 1400})
    page.evaluate("() => window.scrollTo(0, 0)")
    page.screenshot(path=str(ARTIFACTS / "call-handler.png"))
    page.set_viewport_size({"width": 1366, "height": 900})

    # Delete clears an answer: what the notes suggest shows again beside the question.
    assert page.text_content("#suggest-missing").strip() == ""
    page.keyboard.press("Delete")
    assert not page.is_checked("#answer-missing-no")
    page.wait_for_function(
        "() => document.querySelector('#suggest-missing').textContent.includes('has not been seen')"
    )

    # "Confirm with the caller" takes focus to that question's answers.
    page.focus("#needs-confirmation a")
    page.keyboard.press("Enter")
    assert focused_id(page) == "answer-no_answer_at_door-yes"
    answer(page, "y", "no_answer_at_door", "yes")
    page.wait_for_function("() => !document.querySelector('#needs-confirmation')")


def test_keyboard_shortcuts_are_documented_on_the_page(page: Any) -> None:
    help_text = page.text_content("#keyboard-help")
    for words in ("Y", "yes", "N", "no", "U", "unknown", "Delete", "Tab"):
        assert words in help_text
