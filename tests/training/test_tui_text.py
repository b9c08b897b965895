"""What the terminal trainer shows, tested as text: wrapping, menus, feedback and the record."""

from __future__ import annotations

import json

from rightcare.engine.contract import CallContext
from rightcare.engine.vocab import Agency, Answer, CallerType, Channel
from rightcare.training.catalogue import Catalogue
from rightcare.training.exercise import DONT_KNOW, CallerReply, Choice, LearnerAnswer
from rightcare.training.run import ModuleRun
from rightcare.training.tui_text import (
    attempt_record,
    call_lines,
    feedback_lines,
    keep_in_view,
    menu_lines,
    para,
    plain,
    result_lines,
    split_heights,
    status_bar,
)

LONG = "Has a crime been committed, or is one being committed, that police need to investigate?"


def test_a_paragraph_wraps_within_the_width_and_hangs_under_its_lead() -> None:
    lines = plain(para(LONG, 40, lead="Q: ", indent=1)).splitlines()
    assert all(len(line) <= 40 for line in lines)
    assert lines[0].startswith(" Q: Has")
    assert all(line.startswith("    ") for line in lines[1:])


def test_the_callers_reply_reads_as_question_then_answer() -> None:
    reply = CallerReply("risk_to_life", "Is anyone's life at risk now?", Answer.UNKNOWN)
    text = plain(call_lines("A fall at home.", CallContext(), [reply], 78))
    assert f"Q: Is anyone's life at risk now?  Caller: {DONT_KNOW}" in text


def test_the_call_says_how_it_arrived_and_shows_a_retry_hint() -> None:
    context = CallContext(channel=Channel.EMERGENCY_999, caller=CallerType.PROFESSIONAL)
    text = plain(call_lines("Officers on scene.", context, [], 78, hint="Think again."))
    assert text.startswith("The call comes in as a 999 call, from a professional.")
    assert "Hint: Think again." in text


def test_a_long_option_wraps_and_the_selected_ones_lines_are_reported() -> None:
    lines, start, end = menu_lines(["Back", ("✓ ", LONG), "Third"], 1, 60)
    text = plain(lines).splitlines()
    assert text[0] == "  Back"
    assert text[1].startswith("> ✓ Has a crime") and text[2].startswith("    ")
    assert (start, end) == (1, 3)
    assert text[3] == "  Third"


def test_the_menu_scrolls_only_as_far_as_needed_to_show_the_selection() -> None:
    assert keep_in_view(0, 3, 4, 5, 30) == 0  # already in view
    assert keep_in_view(0, 9, 11, 5, 30) == 6  # below: its last line at the bottom
    assert keep_in_view(8, 2, 3, 5, 30) == 2  # above: at the top
    assert keep_in_view(0, 28, 30, 5, 30) == 25
    assert keep_in_view(0, 3, 12, 5, 30) == 3  # taller than the window: its start


def test_text_and_menu_share_the_screen_the_menu_never_below_half_when_long() -> None:
    assert split_heights(21, 6, 2) == (6, 2)  # both fit
    assert split_heights(21, 30, 2) == (19, 2)  # long feedback scrolls above a short menu
    assert split_heights(21, 3, 30) == (3, 18)  # a long menu under a short question
    assert split_heights(21, 30, 30) == (11, 10)


def test_the_status_line_keeps_the_place_and_shortens_the_keys_to_fit() -> None:
    keys = ("↑↓/jk move  Enter choose  q quit", "↑↓ Enter  q quit")
    wide = status_bar("welfare · scenario 3 of 12 · try 1 of 2", keys, 80)
    assert len(wide) == 80 and wide.rstrip().endswith("q quit")
    assert "Enter choose" in wide
    narrow = status_bar("conveyance · scenario 10 of 10 · try 2 of 2 · feedback", keys, 80)
    assert len(narrow) == 80 and "scenario 10 of 10" in narrow and "↑↓ Enter  q quit" in narrow


def _answered(catalogue: Catalogue) -> ModuleRun:
    course = catalogue.course("rcrp-national")
    run = ModuleRun.start(course, "conveyance", catalogue.policy_for(course), 10)
    run.order = run.order[:2]  # TRN-001 (ambulance), TRN-009 (duty)
    first, second = (run.exercise(s) for s in run.order)
    asked = [k.id for k in first.key_questions]
    run.answer(first.id, LearnerAnswer(choice=first.choice, agency=first.agency, asked=asked))
    wrong = LearnerAnswer(choice=Choice.OTHER_AGENCY, agency=Agency.AMBULANCE)
    run.answer(second.id, wrong)
    run.answer(second.id, wrong)
    return run


def test_feedback_names_the_policys_answer_the_rules_the_law_and_what_was_missed(
    catalogue: Catalogue,
) -> None:
    run = _answered(catalogue)
    second = run.exercise(run.order[1])
    feedback = run.answers[second.id][-1]
    text = plain(feedback_lines(feedback, run.policy, second.scenario.title, 78))
    assert text.startswith("Not right, and unsafe")
    assert "You said: Another agency is better placed - Ambulance service" in text
    assert "The policy's answer\n Police have a duty to attend" in text
    assert f"Outcome: {feedback.title}" in text
    assert f"{feedback.rules[0].rule}: " in text and "Legal basis: " in text
    assert "Questions you did not ask" in text
    assert f"Q: {second.key_questions[0].text}" in text.replace("\n    ", " ")
    assert all(len(line) <= 78 for line in text.splitlines() if "http" not in line)


def test_the_result_gives_score_pass_mark_and_unsafe_answers(catalogue: Catalogue) -> None:
    run = _answered(catalogue)
    text = plain(result_lines(run.result(), 80, 78))
    assert "Score 50/100 (pass mark 80): NOT PASSED" in text
    assert "Right answers: 1 of 2" in text
    assert "Unsafe answers (police sent less often than policy says): 1" in text


def test_the_record_holds_digests_seed_and_every_answer_and_nothing_personal(
    catalogue: Catalogue,
) -> None:
    run = _answered(catalogue)
    first, second = run.order
    record = attempt_record(
        run,
        run.policy,
        complete=True,
        limit=2,
        asked={(first, 1): ["transport_request"]},
        kept={(second, 2)},
    )
    json.dumps(record)  # JSON as it stands
    assert record["course"]["digest"] == run.course.digest
    assert record["policy"] == {
        "pack": "national-rcrp",
        "version": run.policy.pack.version,
        "overlay": None,
        "digest": run.policy.digest,
    }
    assert (record["seed"], record["limit"], record["drawn"]) == (10, 2, [first, second])
    assert [(a["scenario"], a["try"], a["score"]) for a in record["answers"]] == [
        (first, 1, 100),
        (second, 1, 0),
        (second, 2, 0),
    ]
    assert record["answers"][0]["asked"] == ["transport_request"]
    assert record["answers"][2]["kept_first_answer"] is True
    assert record["result"]["unsafe"] == 1 and record["result"]["passed"] is False
    words = json.dumps(record).lower()
    assert not any(k in words for k in ("user", 'name"', "email", "learner", "time"))
