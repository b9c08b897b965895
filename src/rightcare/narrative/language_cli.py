"""`rightcare language ...`: check a record's wording from the command line.

Mounted by the main CLI as `rightcare language`. Exit codes: 0 clean, 1 wording flagged,
2 bad input (a missing or unreadable file), so scripts and CI can use it as a gate.
"""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from rightcare.narrative.language import LanguageFlag, check_language

language_app = typer.Typer(
    help="Language guidance: flag stigmatising or victim-blaming wording in call records.",
    no_args_is_help=True,
    add_completion=False,
)


class OutputFormat(StrEnum):
    json = "json"
    text = "text"


@language_app.callback()
def _language() -> None:
    """Language guidance: flag stigmatising or victim-blaming wording in call records."""


@language_app.command("check")
def check(
    file: Annotated[
        str, typer.Argument(metavar="FILE|-", help="Text file to check, or - for standard input.")
    ],
    output: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="json (default) or a readable text list.")
    ] = OutputFormat.json,
) -> None:
    """Check the wording of a narrative, decision note or handover message.

    Exits 0 when nothing is flagged, 1 when something is, and 2 when the input cannot be read.
    """
    text = _read(file)
    flags = check_language(text)
    if output is OutputFormat.json:
        payload = {"count": len(flags), "flags": [f.model_dump(mode="json") for f in flags]}
        typer.echo(json.dumps(payload, indent=2, ensure_ascii=False))
    else:
        typer.echo(_as_text(text, flags))
    raise typer.Exit(1 if flags else 0)


def _read(file: str) -> str:
    if file == "-":
        data = sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read()
        name = "standard input"
    else:
        path = Path(file)
        name = file
        if not path.exists():
            _fail(f"cannot read {name}: no such file")
        if path.is_dir():
            _fail(f"cannot read {name}: it is a folder, not a file")
        try:
            data = path.read_bytes()
        except OSError as exc:
            _fail(f"cannot read {name}: {exc.strerror or exc}")
    if isinstance(data, str):
        return data
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        _fail(f"cannot read {name}: it is not UTF-8 text")


def _fail(message: str) -> NoReturn:
    typer.echo(f"rightcare language check: {message}", err=True)
    raise typer.Exit(2)


def _as_text(text: str, flags: list[LanguageFlag]) -> str:
    if not flags:
        return "No wording flagged."
    noun = "phrase" if len(flags) == 1 else "phrases"
    lines = [f"{len(flags)} {noun} to look at:"]
    for f in flags:
        line = text.count("\n", 0, f.start) + 1
        column = f.start - (text.rfind("\n", 0, f.start) + 1) + 1
        quoted = " (quoted)" if f.quoted else ""
        lines += [
            "",
            f'line {line}, column {column}: "{f.text}"{quoted}  [{f.category.value}]',
            f"  Why: {f.why}",
            f"  {f.advice}",
            f"  Source: {f.source_title} ({f.source_url})",
        ]
    return "\n".join(lines)
