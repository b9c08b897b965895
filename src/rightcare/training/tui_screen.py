"""The terminal trainer's one screen: a title bar, scrolling text, a menu and a status line.

A single full-screen prompt_toolkit application runs for the whole session, and the lesson is
written as plain sequential code that awaits `Screen.choose(...)` for each menu; so the lesson
reads like the learner's path through it, and the terminal is taken over once (no flicker
between calls). Keyboard only: arrows or j/k, Enter, PgUp/PgDn for long text, q or Esc to quit
after a confirmation, Ctrl-C to stop at once.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, TypeVar

from prompt_toolkit.application import Application
from prompt_toolkit.filters import Condition
from prompt_toolkit.formatted_text import StyleAndTextTuples
from prompt_toolkit.input import Input
from prompt_toolkit.key_binding import KeyBindings, KeyPressEvent
from prompt_toolkit.layout import HSplit, Layout, Window
from prompt_toolkit.layout.controls import FormattedTextControl
from prompt_toolkit.layout.dimension import Dimension
from prompt_toolkit.output import Output
from prompt_toolkit.styles import Style

from rightcare.training.tui_text import (
    Line,
    keep_in_view,
    menu_lines,
    split_heights,
    status_bar,
)

T = TypeVar("T")
Body = Callable[[int], list[Line]]  # the text for a given width, wrapped

KEYS = ("↑↓/jk move  Enter choose  q quit", "↑↓ Enter  q quit", "↑↓ Enter q")  # as room allows
CONFIRM = "Quit this module? Your answers so far will not make a result.  y: quit  n: carry on"

STYLE = Style.from_dict(
    {
        "title": "reverse bold",
        "status": "reverse",
        "confirm": "bg:ansiyellow fg:ansiblack bold",
        "rule": "ansibrightblack",
        "heading": "bold underline",
        "meta": "ansicyan",
        "reply": "bold",
        "hint": "ansiyellow bold",
        "right": "ansigreen bold",
        "wrong": "ansired bold",
        "selected": "reverse bold",
    }
)


class Outcome(StrEnum):
    FINISHED = "finished"
    QUIT = "quit"
    INTERRUPTED = "interrupted"


@dataclass(frozen=True)
class _Frame:
    body: list[Line]
    menu: list[Line]
    body_rows: int
    menu_rows: int


def _fragments(lines: Sequence[Line], first: int, rows: int) -> StyleAndTextTuples:
    out: StyleAndTextTuples = []
    for n, line in enumerate(lines[first : first + rows]):
        if n:
            out.append(("", "\n"))
        out.append(("", " "))  # a one-column margin keeps text off the terminal's edge
        out.extend(line)
    return out


class Screen:
    def __init__(self, *, input: Input | None = None, output: Output | None = None) -> None:
        self.title = ""
        self.corner = ""  # right of the title bar
        self.status = ""
        self._body: Body = lambda width: []
        self._labels: list[str | tuple[str, str]] = []
        self._values: list[Any] = []
        self.selected = 0
        self.scroll = 0
        self._menu_top = 0
        self._future: asyncio.Future[Any] | None = None
        self.confirming = False
        self.app: Application[Outcome] = Application(
            layout=self._layout(),
            key_bindings=self._keys(),
            style=STYLE,
            full_screen=True,
            mouse_support=False,
            input=input,
            output=output,
        )
        # Esc alone must not wait long to be told apart from an arrow key's escape sequence.
        self.app.ttimeoutlen = 0.05

    # -- what the flow calls -------------------------------------------------------------

    async def choose(
        self,
        body: Body,
        options: Sequence[tuple[T, str | tuple[str, str]]],
        *,
        selected: int = 0,
        status: str | None = None,
    ) -> T:
        """Show `body` over a menu of (value, label) and wait for the learner's Enter.

        A label is text, or (mark, text) with a short mark such as ✓ set before the text.
        """
        self._body = body
        self._values = [value for value, _ in options]
        self._labels = [label for _, label in options]
        self.selected = max(0, min(selected, len(options) - 1))
        self.scroll = self._menu_top = 0
        if status is not None:
            self.status = status
        self._future = asyncio.get_running_loop().create_future()
        self.app.invalidate()
        value: T = await self._future
        return value

    def show(self, body: Body, status: str | None = None) -> None:
        """Show `body` with no menu: a message while the lesson works (Enter does nothing)."""
        self._body, self._values, self._labels = body, [], []
        self.selected = self.scroll = self._menu_top = 0
        self._future = None
        if status is not None:
            self.status = status
        self.app.invalidate()

    def run(self, lesson: Callable[[Screen], Awaitable[None]]) -> Outcome:
        """Run the lesson in the full-screen application until it ends, or the learner quits."""

        async def drive() -> None:
            try:
                await lesson(self)
            except asyncio.CancelledError:
                raise
            except BaseException as exc:  # the lesson's error surfaces from run(), not lost
                self.app.exit(exception=exc)
                return
            self.app.exit(result=Outcome.FINISHED)

        def start() -> None:
            self.app.create_background_task(drive())

        return self.app.run(pre_run=start)

    # -- layout ---------------------------------------------------------------------------

    def _frame(self) -> _Frame:
        size = self.app.output.get_size()
        width = max(20, size.columns - 3)  # a margin each side, and the last column left free
        body = self._body(width)
        menu, start, end = menu_lines(self._labels, self.selected, width)
        body_rows, menu_rows = split_heights(size.rows - 3, max(1, len(body)), len(menu))
        self.scroll = max(0, min(self.scroll, len(body) - body_rows))
        self._menu_top = keep_in_view(self._menu_top, start, end, menu_rows, len(menu))
        return _Frame(body, menu, body_rows, menu_rows)

    def _bar(self, left: str, *keys: str) -> str:
        return status_bar(left, keys or ("",), self.app.output.get_size().columns)

    def _title(self) -> StyleAndTextTuples:
        return [("class:title", self._bar(self.title, self.corner))]

    def _status(self) -> StyleAndTextTuples:
        if self.confirming:
            return [("class:confirm", self._bar(CONFIRM))]
        frame = self._frame()
        if len(frame.body) <= frame.body_rows:
            return [("class:status", self._bar(self.status, *KEYS))]
        below = len(frame.body) - frame.body_rows - self.scroll
        more = f"PgDn: {below} more" if below > 0 else "PgUp: back up"
        keys = [f"{more}  {k}" for k in KEYS] + [more]
        return [("class:status", self._bar(self.status, *keys))]

    def _body_text(self) -> StyleAndTextTuples:
        frame = self._frame()
        return _fragments(frame.body, self.scroll, frame.body_rows)

    def _menu_text(self) -> StyleAndTextTuples:
        frame = self._frame()
        return _fragments(frame.menu, self._menu_top, frame.menu_rows)

    def _layout(self) -> Layout:
        return Layout(
            HSplit(
                [
                    Window(FormattedTextControl(self._title), height=1),
                    Window(
                        FormattedTextControl(self._body_text),
                        height=lambda: Dimension.exact(self._frame().body_rows),
                    ),
                    Window(height=1, char="─", style="class:rule"),
                    Window(
                        FormattedTextControl(self._menu_text, focusable=True, show_cursor=False),
                        height=lambda: Dimension.exact(self._frame().menu_rows),
                    ),
                    Window(),  # what is left over sits below the menu, not between
                    Window(FormattedTextControl(self._status), height=1),
                ]
            )
        )

    # -- keys -----------------------------------------------------------------------------

    def _move(self, step: int) -> None:
        if self._labels:
            self.selected = max(0, min(self.selected + step, len(self._labels) - 1))

    def _page(self, direction: int) -> None:
        self.scroll += direction * max(1, self._frame().body_rows - 1)

    def _enter(self) -> None:
        if self._future is not None and not self._future.done() and self._values:
            self._future.set_result(self._values[self.selected])

    def _keys(self) -> KeyBindings:
        keys = KeyBindings()
        asking = Condition(lambda: self.confirming)
        normal = ~asking
        moves: dict[str, Callable[[], None]] = {
            "up": lambda: self._move(-1),
            "k": lambda: self._move(-1),
            "down": lambda: self._move(1),
            "j": lambda: self._move(1),
            "home": lambda: self._move(-len(self._labels)),
            "end": lambda: self._move(len(self._labels)),
            "pageup": lambda: self._page(-1),
            "pagedown": lambda: self._page(1),
            "enter": self._enter,
            "q": lambda: setattr(self, "confirming", True),
            "escape": lambda: setattr(self, "confirming", True),
        }
        for key, action in moves.items():
            keys.add(key, filter=normal)(_handler(action))

        # While asking to quit, any key but y carries on; a stray key never quits.
        keys.add("<any>", filter=asking)(_handler(lambda: setattr(self, "confirming", False)))
        keys.add("y", filter=asking)(lambda event: event.app.exit(result=Outcome.QUIT))
        keys.add("Y", filter=asking)(lambda event: event.app.exit(result=Outcome.QUIT))
        keys.add("c-c")(lambda event: event.app.exit(result=Outcome.INTERRUPTED))
        keys.add("<sigint>")(lambda event: event.app.exit(result=Outcome.INTERRUPTED))
        return keys


def _handler(action: Callable[[], None]) -> Callable[[KeyPressEvent], None]:
    def handle(event: KeyPressEvent) -> None:
        action()

    return handle
