"""What the terminal trainer shows, as plain data: wrapped lines, menus and the attempt record.

Pure (no terminal, no prompt_toolkit), so each screen's words are tested without a terminal. A
line is a tuple of (style, text) fragments: the shape prompt_toolkit renders, which also joins
into plain text for the summary printed after the session and for the tests.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence
from typing import Any

from rightcare.engine.contract import CallContext
from rightcare.engine.policy import Policy
from rightcare.engine.vocab import Agency, Answer, CallerType, Channel
from rightcare.training.exercise import CallerReply, Choice, Feedback
from rightcare.training.run import ModuleResult, ModuleRun

Fragment = tuple[str, str]
Line = tuple[Fragment, ...]

RECORD_KIND = "rightcare-training-attempt"
RECORD_VERSION = 1

CHANNELS = {
    Channel.EMERGENCY_999: "a 999 call",
    Channel.NON_EMERGENCY_101: "a 101 call",
    Channel.ONLINE: "an online report",
    Channel.PARTNER: "a partner agency's line",
}
CALLERS = {
    CallerType.SELF: "the person themselves",
    CallerType.THIRD_PARTY: "a member of the public about someone else",
    CallerType.PROFESSIONAL: "a professional",
}


def plain(lines: Sequence[Line]) -> str:
    return "\n".join("".join(text for _, text in line) for line in lines)


def para(text: str, width: int, style: str = "", indent: int = 0, lead: str = "") -> list[Line]:
    """`text` wrapped to `width`; `lead` starts the first line and later lines hang under it."""
    hang = " " * (indent + len(lead))
    wrapped = textwrap.wrap(
        text,
        width=max(width, len(hang) + 10),  # never so narrow that wrapping cannot progress
        initial_indent=" " * indent + lead,
        subsequent_indent=hang,
        break_on_hyphens=False,
    )
    return [((style, line),) for line in wrapped] or [((style, " " * indent + lead),)]


def blank() -> list[Line]:
    return [()]


def said(answer: Answer) -> str:
    """What the caller says for an answer: the core's own wording, one place."""
    return CallerReply(question="", text="", answer=answer).said


def arrival(context: CallContext) -> str:
    channel = CHANNELS.get(context.channel, "a call") if context.channel else "a call"
    caller = CALLERS.get(context.caller) if context.caller else None
    text = f"The call comes in as {channel}"
    return f"{text}, from {caller}." if caller else f"{text}."


def call_lines(
    narrative: str,
    context: CallContext,
    replies: Sequence[CallerReply],
    width: int,
    hint: str | None = None,
) -> list[Line]:
    """The call as it would arrive, what the caller has said so far, and any retry hint."""
    lines = para(arrival(context), width, "class:meta")
    lines += blank() + para(narrative, width, "class:narrative")
    if replies:
        lines += blank() + para("What the caller has told you:", width, "class:heading")
        for reply in replies:
            lines += reply_lines(reply, width)
    if hint:
        lines += blank() + para(hint, width, "class:hint", lead="Hint: ")
    return lines


def reply_lines(reply: CallerReply, width: int) -> list[Line]:
    """`Q: ...  Caller: ...`, the question wrapped and the caller's answer on its last line."""
    return para(f"{reply.text}  Caller: {reply.said}", width, "class:reply", indent=1, lead="Q: ")


def agency_names(policy: Policy) -> dict[Agency, str]:
    return {a.id: a.name for a in policy.agencies}


def verdict(feedback: Feedback) -> str:
    if feedback.passed:
        return "Right." if not feedback.missed else "Right - but ask before you decide."
    if feedback.unsafe:
        return "Not right, and unsafe: police would go less often than policy says."
    if not feedback.choice_right:
        return "Not right."
    return "The response is right, but not the agency."


def feedback_lines(
    feedback: Feedback, policy: Policy, title: str, width: int, kept: bool = False
) -> list[Line]:
    """Everything a learner is shown once a scenario is settled, most important first."""
    names = agency_names(policy)
    style = "class:right" if feedback.passed else "class:wrong"
    lines = para(f"{verdict(feedback)}  Score {feedback.score}/100", width, style)
    yours = feedback.choice.label
    if feedback.agency is not None and feedback.choice is not Choice.DUTY:
        yours += f" - {names.get(feedback.agency, feedback.agency.value)}"
    lines += para(yours, width, "", lead="You said: ")
    if kept:
        lines += para("(you kept your first answer rather than try again)", width, "class:meta")
    lines += blank() + para(f"Scenario: {title}", width, "class:meta")
    lines += blank() + para("The policy's answer", width, "class:heading")
    lines += para(feedback.expected_choice.label, width, "", indent=1)
    agency = names.get(feedback.expected_agency, feedback.expected_agency.value)
    lines += para(agency, width, "", indent=1, lead="Agency best placed: ")
    lines += para(feedback.title, width, "", indent=1, lead="Outcome: ")
    if feedback.tell_caller:
        lines += para(feedback.tell_caller, width, "", indent=1, lead="Tell the caller: ")
    if feedback.rules:
        lines += blank() + para("The rules that decide it", width, "class:heading")
        for rule in feedback.rules:
            lines += para(f"{rule.rule}: {rule.text}", width, "", indent=1)
            lines += para(rule.basis, width, "class:meta", indent=3, lead="Legal basis: ")
    if feedback.missed:
        lines += blank() + para("Questions you did not ask", width, "class:heading")
        for key in feedback.missed:
            text = f"{key.text}  Caller: {said(key.answer)}"
            lines += para(text, width, "class:reply", indent=1, lead="Q: ")
    if feedback.turning_point:
        lines += blank() + para("The turning point", width, "class:heading")
        lines += para(feedback.turning_point, width, "", indent=1)
    if feedback.why or feedback.source_url:
        lines += blank() + para("Where this comes from", width, "class:heading")
        if feedback.why:
            lines += para(feedback.why, width, "", indent=1)
        if feedback.source_url:
            lines += para(feedback.source_url, width, "class:meta", indent=1)
    return lines


def result_lines(result: ModuleResult, pass_mark: int, width: int) -> list[Line]:
    """The module result: score against the pass mark, right answers, unsafe ones."""
    outcome = "PASSED" if result.passed else "NOT PASSED"
    style = "class:right" if result.passed else "class:wrong"
    lines = para(f"Score {result.score}/100 (pass mark {pass_mark}): {outcome}", width, style)
    lines += para(f"Right answers: {result.correct} of {result.answered}", width)
    lines += para(
        f"Unsafe answers (police sent less often than policy says): {result.unsafe}", width
    )
    if result.over_response:
        lines += para(
            f"Over-responses (police sent where not needed): {result.over_response}", width
        )
    if result.unsafe and result.score >= pass_mark:
        lines += para("A module is not passed while any final answer is unsafe.", width)
    return lines


def status_bar(left: str, keys: Sequence[str], width: int) -> str:
    """One status line: `left` whole if it can be, then the longest of `keys` that still fits
    (the keys come longest first), right-aligned; a line never runs past the terminal."""
    for candidate in keys:
        if len(left) + len(candidate) + 4 <= width:
            return f" {left}".ljust(width - len(candidate) - 1) + candidate + " "
    return f" {left}"[:width].ljust(width)


def menu_lines(
    labels: Sequence[str | tuple[str, str]], selected: int, width: int
) -> tuple[list[Line], int, int]:
    """The menu wrapped to `width`, with the selected option's first and last line (exclusive).

    A label may be (mark, text), the mark (e.g. ✓) set before the text. Long options (some
    questions run past 80 columns) wrap under their own text rather than being cut, so the
    learner always reads the whole question.
    """
    lines: list[Line] = []
    start = end = 0
    for n, label in enumerate(labels):
        mark, text = label if isinstance(label, tuple) else ("", label)
        chosen = n == selected
        if chosen:
            start = len(lines)
        style = "class:selected" if chosen else "class:option"
        lines += para(text, width, style, lead=("> " if chosen else "  ") + mark)
        if chosen:
            end = len(lines)
    return lines, start, end


def keep_in_view(top: int, start: int, end: int, height: int, total: int) -> int:
    """The first line to show so that lines start..end fit in `height` (as little move as can)."""
    height = max(1, height)
    if end - start >= height or start < top:
        top = start
    elif end > top + height:
        top = end - height
    return max(0, min(top, max(0, total - height)))


def split_heights(available: int, body: int, menu: int) -> tuple[int, int]:
    """Rows for the text and for the menu below it: each what it needs if both fit; else the
    menu gets at least half (or all it needs, if less) and the text scrolls in what is left."""
    available = max(2, available)
    if body + menu <= available:
        return body, menu
    menu_rows = min(menu, max(available - body, available // 2))
    menu_rows = max(1, min(menu_rows, available - 1))
    return available - menu_rows, menu_rows


def attempt_record(
    run: ModuleRun,
    policy: Policy,
    *,
    complete: bool,
    limit: int | None,
    asked: Mapping[tuple[str, int], Sequence[str]],
    kept: set[tuple[str, int]],
) -> dict[str, Any]:
    """The attempt as JSON-ready data: what was drawn, every answer and its score.

    `asked` and `kept` are keyed by (scenario id, try number from 1): the questions asked before
    that answer, and the answers the learner kept instead of taking a retry.

    No name, user or time: a classroom record that can be shared; the course and policy digests
    tie it to exactly what was taught, and the seed replays the same draw.
    """
    course = run.course
    answers: list[dict[str, Any]] = []
    for scenario_id in run.order:
        for n, feedback in enumerate(run.answers.get(scenario_id, []), start=1):
            answers.append(
                {
                    "scenario": scenario_id,
                    "try": n,
                    "choice": feedback.choice.value,
                    "agency": feedback.agency.value if feedback.agency else None,
                    "asked": list(asked.get((scenario_id, n), [])),
                    "missed": [k.id for k in feedback.missed],
                    "expected_choice": feedback.expected_choice.value,
                    "expected_agency": feedback.expected_agency.value,
                    "score": feedback.score,
                    "right": feedback.passed,
                    "unsafe": feedback.unsafe,
                    "over_response": feedback.over_response,
                    "kept_first_answer": (scenario_id, n) in kept,
                }
            )
    result = run.result()
    return {
        "record": RECORD_KIND,
        "record_version": RECORD_VERSION,
        "course": {"id": course.id, "version": course.version, "digest": course.digest},
        "policy": {
            "pack": policy.pack.id,
            "version": policy.pack.version,
            "overlay": course.spec.overlay,
            "digest": policy.digest,
        },
        "module": {"id": run.module.id, "title": run.module.title},
        "seed": run.seed,
        "limit": limit,
        "drawn": list(run.order),
        "complete": complete,
        "result": {
            "score": result.score,
            "pass_mark": course.spec.pass_mark,
            "passed": result.passed,
            "answered": result.answered,
            "correct": result.correct,
            "unsafe": result.unsafe,
            "over_response": result.over_response,
        },
        "answers": answers,
    }
