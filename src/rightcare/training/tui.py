"""`rightcare train`: one module of a course in the terminal, for classrooms without the server.

The learner picks a module (unless --module names one), then for each drawn scenario reads the
call as it arrives, asks the caller questions, decides, and is marked by the same core as the
web app (`ModuleRun`), so the terminal teaches and scores exactly what the web app does. At the
end the result and the seed are printed (the seed replays the same draw) and, with --results,
a JSON record of the attempt is written: no name, no user, nothing personal.
"""

from __future__ import annotations

import asyncio
import json
import shlex
import sys
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

import typer

from rightcare.engine.errors import CallError, PackError
from rightcare.engine.policy import Policy
from rightcare.engine.vocab import Agency
from rightcare.training.course import Course
from rightcare.training.exercise import CallerReply, Choice, LearnerAnswer, agencies_to_choose
from rightcare.training.run import ModuleRun, hint, new_seed
from rightcare.training.tui_screen import Body, Outcome, Screen
from rightcare.training.tui_text import (
    Line,
    attempt_record,
    blank,
    call_lines,
    feedback_lines,
    para,
    plain,
    reply_lines,
    result_lines,
)

EXIT_INTERRUPTED = 130  # the shell's convention for a command stopped by Ctrl-C
BACK = "back"


@dataclass
class Lesson:
    """One session's state: what the flow builds and what the record and summary need."""

    course: Course
    policy: Policy
    module_id: str | None
    seed: int
    limit: int | None
    replay_extra: str = ""  # options to repeat in the replay command (e.g. --courses)
    run: ModuleRun | None = None
    asked: dict[tuple[str, int], list[str]] = field(default_factory=dict)
    kept: set[tuple[str, int]] = field(default_factory=set)

    def start(self, module_id: str) -> ModuleRun:
        self.module_id = module_id
        run = ModuleRun.start(self.course, module_id, self.policy, self.seed)
        if self.limit is not None:
            # A short classroom session: the first N of the usual draw, scored over those N.
            run.order = run.order[: self.limit]
        self.run = run
        return run

    def replay(self) -> str:
        parts = ["rightcare", "train", "--course", self.course.id]
        parts += ["--module", self.module_id or "?", "--seed", str(self.seed)]
        if self.limit is not None:
            parts += ["--limit", str(self.limit)]
        return shlex.join(parts) + self.replay_extra


def module_label(course: Course, module_id: str) -> str:
    module = course.module(module_id)
    total = len(module.scenarios)
    count = f"{module.size} of {total} scenarios" if module.size < total else f"{total} scenarios"
    return f"{module.title} ({count})"


async def pick_module(ui: Screen, course: Course) -> str:
    def body(width: int) -> list[Line]:
        lines = para(course.title, width, "class:heading")
        lines += blank() + para(course.spec.summary, width)
        # The highlighted module's summary, in a fixed number of rows so the menu stays put.
        about = course.modules[ui.selected].summary if ui.selected < len(course.modules) else ""
        summary = para(about, width, "class:meta")[:3]
        lines += blank() + summary + [()] * (3 - len(summary))
        return (
            lines
            + blank()
            + para(f"Pass mark {course.spec.pass_mark}/100. Choose a module:", width)
        )

    options = [(m.id, module_label(course, m.id)) for m in course.modules]
    ui.title = "RCRP training"
    ui.corner = f"{course.id} {course.version}"
    return await ui.choose(body, options, status="Choose a module")


async def ask_questions(ui: Screen, lesson: Lesson, scenario_id: str, asked: list[str]) -> None:
    """The pack's questions; each one asked shows the caller's answer and is marked ✓."""
    assert lesson.run is not None
    exercise = lesson.run.exercise(scenario_id)
    last: CallerReply | None = None
    selected = 1
    while True:

        def body(width: int, last: CallerReply | None = last) -> list[Line]:
            lines = para("Choose a question to ask the caller (✓ = asked already).", width)
            if last is not None:
                lines += blank() + reply_lines(last, width)
            return lines

        options: list[tuple[str, str | tuple[str, str]]] = [(BACK, "← Back to the call")]
        options += [
            (qid, ("✓ " if qid in asked else "  ", text)) for qid, text in exercise.questions
        ]
        choice = await ui.choose(body, options, selected=selected)
        if choice == BACK:
            return
        last = exercise.ask(choice)
        if choice not in asked:
            asked.append(choice)
        selected = [value for value, _ in options].index(choice)


def asking(question: str, call: Body, width: int) -> list[Line]:
    """A question over the call, so the learner can reread the call while deciding."""
    return para(question, width, "class:heading") + blank() + call(width)


async def decide(ui: Screen, policy: Policy, call: Body) -> LearnerAnswer | None:
    """The response and, unless police have a duty, the agency; None to go back to the call."""
    while True:
        options: list[tuple[Choice | str, str]] = [(c, c.label) for c in Choice]
        options.append((BACK, "← Back to the call"))
        choice = await ui.choose(
            partial(asking, "What should happen with this call?", call), options
        )
        if not isinstance(choice, Choice):
            return None
        if choice is Choice.DUTY:
            return LearnerAnswer(choice=choice)
        agencies: list[tuple[Agency | str, str]] = list(agencies_to_choose(policy))
        agencies.append((BACK, "← Back to the response"))
        agency = await ui.choose(
            partial(asking, f"{choice.label}. Which agency is best placed?", call),
            agencies,
        )
        if isinstance(agency, Agency):
            return LearnerAnswer(choice=choice, agency=agency)


async def one_scenario(ui: Screen, lesson: Lesson, scenario_id: str) -> None:
    run = lesson.run
    assert run is not None
    exercise = run.exercise(scenario_id)
    scenario = exercise.scenario
    n, total = run.order.index(scenario_id) + 1, len(run.order)
    tries = 1 + run.course.spec.scenario_retries
    asked: list[str] = []  # kept across tries: what the caller said is still known
    retry_hint: str | None = None
    while True:
        given = len(run.answers.get(scenario_id, []))
        ui.status = f"{run.module.id} · scenario {n} of {total} · try {given + 1} of {tries}"
        call = partial(
            call_lines,
            scenario.narrative,
            scenario.context,
            [exercise.ask(q) for q in asked],
            hint=retry_hint,
        )
        action = await ui.choose(call, [("ask", "Ask the caller a question"), ("decide", "Decide")])
        if action == "ask":
            await ask_questions(ui, lesson, scenario_id, asked)
            continue
        answer = await decide(ui, lesson.policy, call)
        if answer is None:
            continue
        answer = answer.model_copy(update={"asked": list(asked)})
        feedback = run.answer(scenario_id, answer)
        lesson.asked[(scenario_id, given + 1)] = list(asked)
        if run.tries_left(scenario_id) > 0:
            left = run.tries_left(scenario_id)
            again = await ui.choose(
                partial(retry_lines, hint(feedback), left),
                [("again", "Try again"), ("move", "Move on (keep this answer)")],
            )
            if again == "again":
                retry_hint = hint(feedback)
                continue
            # Keeping the answer is answering it again: the run then counts the scenario as
            # settled with the learner's own answer, as the web app's forced retry would.
            feedback = run.answer(scenario_id, answer)
            lesson.asked[(scenario_id, given + 2)] = list(asked)
            lesson.kept.add((scenario_id, given + 2))
        kept = (scenario_id, len(run.answers[scenario_id])) in lesson.kept
        last = n == total
        ui.status = f"{run.module.id} · scenario {n} of {total} · feedback"
        await ui.choose(
            partial(feedback_lines, feedback, lesson.policy, scenario.title, kept=kept),
            [("next", "See the module result" if last else "Next scenario")],
        )
        return


def retry_lines(hint_text: str, left: int, width: int) -> list[Line]:
    tries = "try" if left == 1 else "tries"
    return (
        para(hint_text, width, "class:hint")
        + blank()
        + para(f"You have {left} more {tries}.", width)
    )


def prepare(run: ModuleRun) -> None:
    for scenario_id in run.order:
        run.exercise(scenario_id)


async def teach(ui: Screen, lesson: Lesson) -> None:
    """The whole session: pick a module, each scenario in turn, then the result."""
    module_id = lesson.module_id or await pick_module(ui, lesson.course)
    run = lesson.start(module_id)
    ui.title = f"RCRP training: {run.module.title}"
    ui.corner = f"seed {lesson.seed}"
    # Working out the policy's answers loads the narrative reader (seconds, the first time):
    # done off the event loop, so the screen says so and Ctrl-C still works meanwhile.
    ui.show(partial(para, "Preparing the scenarios..."), status=run.module.id)
    await asyncio.get_running_loop().run_in_executor(None, prepare, run)
    while (scenario_id := run.current) is not None:
        await one_scenario(ui, lesson, scenario_id)
    ui.status = f"{run.module.id} · all {len(run.order)} scenarios answered"
    await ui.choose(lambda width: summary_lines(lesson, width), [("finish", "Finish")])


def summary_lines(lesson: Lesson, width: int) -> list[Line]:
    run = lesson.run
    assert run is not None
    lines = para(f"Module result: {run.module.title}", width, "class:heading")
    if lesson.limit is not None and lesson.limit < run.module.size:
        note = f"Short session: the first {len(run.order)} of {run.module.size} scenarios drawn."
        lines += para(note, width, "class:meta")
    lines += result_lines(run.result(), lesson.course.spec.pass_mark, width)
    replay = f"Seed {lesson.seed}. To replay the same calls: {lesson.replay()}"
    return lines + blank() + para(replay, width, "class:meta")


def write_record(lesson: Lesson, path: Path, *, complete: bool) -> None:
    assert lesson.run is not None
    record = attempt_record(
        lesson.run, lesson.policy, complete=complete, limit=lesson.limit,
        asked=lesson.asked, kept=lesson.kept,
    )  # fmt: skip
    path.write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")


def fail(message: str) -> int:
    typer.echo(f"error: {message}", err=True)
    return 2


def train(
    *,
    course_id: str,
    module_id: str | None,
    seed: int | None,
    results: Path | None,
    limit: int | None,
    courses: list[Path] | None,
) -> int:
    """Run the session; the exit code: 0 done or quit, 2 could not start, 130 Ctrl-C."""
    from rightcare.training.cli import catalogue_or_exit

    if results is not None and not results.parent.is_dir():
        return fail(f"cannot write the results to {results}: no folder {results.parent}")
    try:
        catalogue = catalogue_or_exit(courses)
    except KeyboardInterrupt:  # Ctrl-C while the course loads: no traceback, no "Aborted!"
        typer.echo("Stopped before the session began.", err=True)
        return EXIT_INTERRUPTED
    try:
        course = catalogue.course(course_id)
        if module_id is not None:
            course.module(module_id)
        policy = catalogue.policy_for(course)
    except KeyError as exc:
        return fail(str(exc.args[0]))
    except (PackError, CallError) as exc:
        return fail(str(exc))
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        return fail(
            "rightcare train is interactive and needs a terminal; standard input or output "
            "is not one. Run it in a terminal window."
        )
    extra = "".join(f" --courses {shlex.quote(str(p))}" for p in courses or [])
    lesson = Lesson(course, policy, module_id, new_seed() if seed is None else seed, limit, extra)
    try:
        outcome = Screen().run(lambda ui: teach(ui, lesson))
    except KeyboardInterrupt:  # Ctrl-C outside the full screen (e.g. as it starts)
        outcome = Outcome.INTERRUPTED
    return finish(lesson, outcome, results)


def finish(lesson: Lesson, outcome: Outcome, results: Path | None) -> int:
    """Say how the session ended, on the normal screen so it stays in the scrollback."""
    run = lesson.run
    if run is None:
        typer.echo("Stopped before a module was chosen. Nothing was recorded.")
        return EXIT_INTERRUPTED if outcome is Outcome.INTERRUPTED else 0
    complete = outcome is Outcome.FINISHED
    if complete:
        result = run.result()
        typer.echo(f"Module result: {run.module.title}")
        typer.echo(plain(result_lines(result, lesson.course.spec.pass_mark, 100)))
        typer.echo(f"Seed {lesson.seed}. To replay the same calls:\n  {lesson.replay()}")
    else:
        answered = run.result().answered
        typer.echo(f"Stopped after {answered} of {len(run.order)} scenarios: no module result.")
        typer.echo(f"Seed {lesson.seed}. To start the same calls again:\n  {lesson.replay()}")
    if results is not None:
        write_record(lesson, results, complete=complete)
        typer.echo(f"The attempt is recorded in {results}.")
    return EXIT_INTERRUPTED if outcome is Outcome.INTERRUPTED else 0
