"""`rightcare train` driven through a pseudo-terminal, as a learner at an 80x24 terminal would.

pexpect runs the real command in a pty; pyte plays its output into an 80x24 screen, so the
tests read what the learner sees (prompt_toolkit redraws only what changed, so the raw byte
stream is not the screen). Each step waits for the screen to show what it expects, with a
deadline, rather than sleeping: keys are never sent to a screen that is not there yet.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pexpect
import pyte
import pytest

from rightcare.training.catalogue import Catalogue
from rightcare.training.exercise import Choice, agencies_to_choose
from rightcare.training.run import ModuleRun

ROOT = Path(__file__).parents[2]
ROWS, COLS = 24, 80
START = 60.0  # seconds for the command to load the course and the narrative reader
STEP = 10.0  # seconds for one screen to follow a key
UP, DOWN, HOME, ENTER = "\x1b[A", "\x1b[B", "\x1b[H", "\r"
PAGE_DOWN = "\x1b[6~"

# Seed 10 draws TRN-001 (another agency: the ambulance service) then TRN-009 (a duty to
# attend) first in the conveyance module; --limit 2 keeps the session to those two.
SEED, MODULE = 10, "conveyance"


class Terminal:
    """The command in a pty, and the screen its output draws."""

    def __init__(self, *args: str) -> None:
        self.screen = pyte.Screen(COLS, ROWS)
        self.stream = pyte.ByteStream(self.screen)
        self.raw = b""
        env = {**os.environ, "LANG": "C.UTF-8", "TERM": "xterm-256color"}
        env.pop("COLUMNS", None)
        env.pop("LINES", None)
        self.child = pexpect.spawn(
            sys.executable,
            ["-m", "rightcare.cli", "train", *args],
            cwd=str(ROOT),
            env=env,
            dimensions=(ROWS, COLS),
            timeout=STEP,
        )

    @property
    def text(self) -> str:
        return "\n".join(self.screen.display)

    def pump(self, wait: float = 0.05) -> bool:
        """Play what the command has written into the screen; False if it wrote nothing."""
        try:
            data = self.child.read_nonblocking(65536, timeout=wait)
        except (pexpect.TIMEOUT, pexpect.EOF):
            return False
        self.raw += data
        self.stream.feed(data)
        return True

    def settle(self) -> None:
        """Read until the command has been quiet a moment: a redraw can come in pieces, and a
        half-played redraw (the pointer drawn, the scrolled rows not yet) must not be read."""
        while self.pump(0.03):
            pass

    def wait_for(self, *texts: str, timeout: float = STEP) -> None:
        deadline = time.monotonic() + timeout
        self.settle()
        while not all(t in self.text for t in texts):
            self.settle()
            if time.monotonic() > deadline:
                raise AssertionError(f"the screen never showed {texts!r}; it shows:\n{self.text}")
            self.pump()

    def pointer(self) -> int | None:
        """The screen row the menu pointer is on (the first row, for a wrapped option)."""
        rows = self.screen.display
        return next((n for n, row in enumerate(rows) if row.startswith(" > ")), None)

    def pointed(self, label: str) -> bool:
        row = self.pointer()
        if row is None:
            return False
        shown = self.screen.display[row][3:].lstrip("✓ ").rstrip()
        if len(shown) < min(len(label), 20):
            return False
        return label.startswith(shown) or shown.startswith(label)  # a wrapped or a long option

    def select(self, label: str) -> None:
        """Move the pointer to the option `label` with the arrow keys, and press Enter."""
        self.wait_for(" > ")  # a menu is showing (the option itself may be scrolled away)
        for _ in range(80):
            if self.pointed(label):
                self.child.send(ENTER)
                return
            row = self.pointer()
            seen = [n for n, text in enumerate(self.screen.display) if label[:20] in text]
            above = row is not None and seen and seen[-1] < row
            if not self.send(UP if above else DOWN):
                self.send(HOME)  # at the end of a list whose top has scrolled away
        raise AssertionError(f"could not point at {label!r}:\n{self.text}")

    def send(self, key: str) -> bool:
        """Send a key; wait until the pointer moves. False if it did not (an end of the list)."""
        before = (self.pointer(), self.text)
        self.child.send(key)
        deadline = time.monotonic() + 0.5
        while time.monotonic() < deadline:
            self.pump()
            if (self.pointer(), self.text) != before:
                self.settle()
                return True
        return False

    def wait_for_end(self) -> int:
        deadline = time.monotonic() + STEP
        while self.child.isalive() and time.monotonic() < deadline:
            self.pump()
        while True:  # drain what is left
            before = len(self.raw)
            self.pump()
            if len(self.raw) == before:
                break
        self.child.close()
        assert self.child.exitstatus is not None, "the command did not end"
        return self.child.exitstatus

    @property
    def printed(self) -> str:
        return self.raw.decode("utf-8", "replace").replace("\r\n", "\n")


@pytest.fixture
def terminals() -> Iterator[list[Terminal]]:
    made: list[Terminal] = []
    yield made
    for terminal in made:
        if terminal.child.isalive():
            terminal.child.terminate(force=True)


def test_a_module_is_picked_and_played_through_answered_right_then_wrong_with_a_hint(
    catalogue: Catalogue, terminals: list[Terminal], tmp_path: Path
) -> None:
    course = catalogue.course("rcrp-national")
    policy = catalogue.policy_for(course)
    run = ModuleRun.start(course, MODULE, policy, SEED)
    first, second = (run.exercise(s) for s in run.order[:2])
    assert first.choice is Choice.OTHER_AGENCY and second.choice is Choice.DUTY
    names = dict(agencies_to_choose(policy))
    results = tmp_path / "attempt.json"

    term = Terminal(
        "--module", MODULE, "--seed", str(SEED), "--limit", "2", "--results", str(results)
    )
    terminals.append(term)
    term.wait_for("scenario 1 of 2", "Ask the caller a question", timeout=START)
    assert " ".join(first.scenario.narrative.split()[:4]) in term.text

    # The first call, answered right after asking every question that decides it.
    for key in first.key_questions:
        term.select("Ask the caller a question")
        term.wait_for("Choose a question to ask the caller")
        term.select(key.text)
        term.wait_for("Caller: ")
        term.select("← Back to the call")
        term.wait_for("What the caller has told you:")
    term.select("Decide")
    term.wait_for("What should happen with this call?")
    term.select(first.choice.label)
    term.wait_for("Which agency is best placed?")
    term.select(names[first.agency])
    term.wait_for("Right.", "Score 100/100", "The policy's answer", "Legal basis:")
    term.select("Next scenario")

    # The second, a duty to attend, answered as a diversion: a hint, a retry, then feedback.
    term.wait_for("scenario 2 of 2 · try 1 of 2")
    term.select("Decide")
    term.wait_for("What should happen with this call?")
    term.select(Choice.OTHER_AGENCY.label)
    term.wait_for("Which agency is best placed?")
    term.select(names[first.agency])
    term.wait_for("Not quite. Before deciding, did you ask:", "You have 1 more try.")
    assert "The policy's answer" not in term.text  # a retry is not given the answer
    term.select("Try again")
    term.wait_for("Hint: Not quite.", "try 2 of 2")
    term.select("Decide")
    term.wait_for("What should happen with this call?")
    term.select(Choice.MAY_CHOOSE.label)
    term.wait_for("Which agency is best placed?")
    term.select(names[first.agency])
    term.wait_for("Not right", "The policy's answer", Choice.DUTY.label, "PgDn:")
    for _ in range(4):  # the feedback runs past one screen: page down to what was missed
        if "Questions you did not ask" in term.text:
            break
        term.send(PAGE_DOWN)
    term.wait_for("Questions you did not ask", second.key_questions[0].text[:30])

    term.select("See the module result")
    term.wait_for("Score 50/100 (pass mark 80): NOT PASSED", "Right answers: 1 of 2")
    term.select("Finish")
    assert term.wait_for_end() == 0
    printed = term.printed
    assert "Score 50/100 (pass mark 80): NOT PASSED" in printed
    assert f"rightcare train --course rcrp-national --module {MODULE} --seed {SEED}" in printed

    record = json.loads(results.read_text())
    assert record["course"] == {"id": course.id, "version": course.version, "digest": course.digest}
    assert record["policy"]["digest"] == policy.digest
    assert record["module"]["id"] == MODULE and record["seed"] == SEED
    assert record["complete"] and record["drawn"] == run.order[:2]
    assert record["result"]["score"] == 50 and not record["result"]["passed"]
    tries = [(a["scenario"], a["try"], a["score"], a["right"]) for a in record["answers"]]
    assert tries[0] == (first.id, 1, 100, True)
    assert [t[:2] for t in tries[1:]] == [(second.id, 1), (second.id, 2)]
    assert record["answers"][0]["asked"] == [k.id for k in first.key_questions]


def test_quitting_asks_first_and_ctrl_c_stops_at_once_with_a_message(
    terminals: list[Terminal], tmp_path: Path
) -> None:
    results = tmp_path / "attempt.json"
    term = Terminal("--module", MODULE, "--seed", str(SEED), "--results", str(results))
    terminals.append(term)
    term.wait_for("conveyance · scenario 1 of 10", "Ask the caller a question", timeout=START)
    term.child.send("q")
    term.wait_for("Quit this module?")
    term.child.send("n")  # carry on: nothing is lost
    term.wait_for("conveyance · scenario 1 of 10")
    term.child.send("\x1b")  # Esc asks too
    term.wait_for("Quit this module?")
    term.child.send("x")  # any key but y carries on
    term.wait_for("conveyance · scenario 1 of 10")
    term.child.sendcontrol("c")
    assert term.wait_for_end() == 130
    assert "Stopped after 0 of 10 scenarios: no module result." in term.printed
    assert f"--module {MODULE} --seed {SEED}" in term.printed
    record = json.loads(results.read_text())
    assert record["complete"] is False and record["answers"] == []
