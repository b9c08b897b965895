"""The trainer's screen answers the keys the brief names, in process (no terminal needed).

Keys go in through a prompt_toolkit pipe; the screen draws to a dummy output. The lesson sends
the next keys only once a menu is showing, as a learner would after reading it.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from rightcare.training.tui_screen import Outcome, Screen
from rightcare.training.tui_text import para

OPTIONS = [("a", "First"), ("b", "Second"), ("c", "Third")]
T = TypeVar("T")


def in_own_thread(work: Callable[[], T]) -> T:
    """Run the screen on a thread of its own, as the terminal command runs it on a fresh main
    thread: in a pytest session, Playwright's browser tests leave an event loop running on
    the main thread, where prompt_toolkit's `asyncio.run` would refuse to start."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(work).result(timeout=30)


def run_with_keys(*keys: str | tuple[str, ...]) -> tuple[Outcome, list[str]]:
    """Show the three options twice, pressing `keys[n]` at menu n; return what was chosen.

    A tuple of keys is sent a moment apart, as a person types: Esc alone is only told apart
    from the start of an arrow key's sequence by the pause after it.
    """
    chosen: list[str] = []
    with create_pipe_input() as pipe:
        screen = Screen(input=pipe, output=DummyOutput())

        async def lesson(ui: Screen) -> None:
            loop = asyncio.get_running_loop()
            for n in range(2):
                pending = ui.choose(lambda width: para("Pick one.", width), OPTIONS)
                press = keys[n] if n < len(keys) else ()
                for k, chunk in enumerate((press,) if isinstance(press, str) else press):
                    loop.call_later(0.01 + 0.3 * k, pipe.send_text, chunk)
                chosen.append(await pending)

        outcome = in_own_thread(lambda: screen.run(lesson))
    return outcome, chosen


def test_enter_chooses_the_first_option_and_the_lesson_then_finishes() -> None:
    assert run_with_keys("\r", "\r") == (Outcome.FINISHED, ["a", "a"])


def test_down_arrows_and_j_move_down_and_up_and_k_move_back() -> None:
    assert run_with_keys("\x1b[B\x1b[B\r", "jjk\r") == (Outcome.FINISHED, ["c", "b"])


def test_moving_past_either_end_of_the_menu_stays_on_it() -> None:
    assert run_with_keys("\x1b[A\r", "jjjjjj\r") == (Outcome.FINISHED, ["a", "c"])


def test_q_then_y_quits() -> None:
    outcome, chosen = run_with_keys("qy")
    assert outcome is Outcome.QUIT and chosen == []


def test_q_then_any_other_key_carries_on() -> None:
    assert run_with_keys("qnj\r", "\r") == (Outcome.FINISHED, ["b", "a"])


def test_escape_asks_before_quitting_too() -> None:
    assert run_with_keys(("\x1b", "n", "j\r"), "\r") == (Outcome.FINISHED, ["b", "a"])
    assert run_with_keys(("\x1b", "y"))[0] is Outcome.QUIT


def test_ctrl_c_stops_at_once() -> None:
    outcome, chosen = run_with_keys("\x03")
    assert outcome is Outcome.INTERRUPTED and chosen == []


def test_an_error_in_the_lesson_comes_out_of_run() -> None:
    with create_pipe_input() as pipe:
        screen = Screen(input=pipe, output=DummyOutput())

        async def lesson(ui: Screen) -> None:
            raise LookupError("no such scenario")

        try:
            in_own_thread(lambda: screen.run(lesson))
        except LookupError as exc:
            assert "no such scenario" in str(exc)
        else:
            raise AssertionError("the lesson's error was lost")
