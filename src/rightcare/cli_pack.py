"""`rightcare pack ...`: validate, explain, publish the schema, export to DMN / JDM."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from pydantic import BaseModel

from rightcare.engine.boxes import ANSWER_OF_BIT, ANY, BITS
from rightcare.engine.compile import compile_policy
from rightcare.engine.errors import PackError, did_you_mean
from rightcare.engine.loader import load_overlay, load_pack
from rightcare.engine.overlay import apply_overlay
from rightcare.engine.pack_model import Disposition, Overlay, PackFile, PackIndex, Question
from rightcare.engine.policy import CompiledRule, Policy
from rightcare.engine.store import default_pack_dir, load_policy
from rightcare.engine.yamlsrc import YamlSyntaxError, read_yaml

pack_app = typer.Typer(help="Check, explain and export policy packs.", no_args_is_help=True)


def _fail(message: str) -> NoReturn:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(2)


def _refused(exc: PackError) -> NoReturn:
    for problem in exc.problems:
        typer.echo(f"error: {problem}", err=True)
    raise typer.Exit(2)


def _is_overlay(path: Path) -> bool:
    if path.is_dir():
        return False
    try:
        data = read_yaml(path).data
    except YamlSyntaxError:
        return False
    return isinstance(data, dict) and "overlay" in data


@pack_app.command()
def validate(
    path: Annotated[Path, typer.Argument(help="a pack folder, its pack.yaml, or an overlay file")],
    pack: Annotated[
        Path | None, typer.Option("--pack", help="the pack an overlay applies to")
    ] = None,
) -> None:
    """Load and check a pack or overlay; list every problem found (exit 2 if any)."""
    if not path.exists():
        _fail(f"{path}: not found")
    try:
        if _is_overlay(path):
            source = load_pack(pack or default_pack_dir())
            policy = apply_overlay(source, load_overlay(path), compile_policy(source))
        else:
            policy = compile_policy(load_pack(path))
    except PackError as exc:
        _refused(exc)
    what = f"overlay {policy.overlay.id} on " if policy.overlay else ""
    typer.echo(
        f"ok: {what}{policy.pack.id} {policy.pack.version}: {len(policy.questions)} questions, "
        f"{len(policy.dispositions)} dispositions, {len(policy.rules)} decision rules, "
        f"{len(policy.collect)} safeguarding rules; {policy.digest}"
    )


def _cells(policy: Policy, rule: CompiledRule) -> str:
    parts = []
    for i, question in enumerate(policy.questions):
        bits = policy.space.slot(rule.mask, i)
        if bits == ANY:
            continue
        words = [ANSWER_OF_BIT[b].value for b in (1, 2, 4) if bits & b]
        parts.append(f"{question.id} is {' or '.join(words)}")
    return ", and ".join(parts) if parts else "always (catch-all)"


def _explain_question(policy: Policy, q: Question) -> list[str]:
    slot = policy.slot[q.id]
    users = [
        r.id for r in (*policy.rules, *policy.collect) if policy.space.slot(r.mask, slot) != ANY
    ]
    kind = "critical - must be answered before police decline" if q.critical else "not critical"
    lines = [f"Question `{q.id}` ({kind}; risk answer: {q.risk.value})", f"  Ask: {q.text}"]
    if q.help:
        lines.append(f"  Help: {q.help}")
    lines.append(f"  Used by rules: {', '.join(users) or 'none'}")
    return lines


def _explain_disposition(policy: Policy, d: Disposition) -> list[str]:
    reached = [r.id for r in policy.rules if r.disposition is d]
    lines = [
        f"Disposition {d.code}: {d.title}",
        f"  Police response: {d.police_response.value}; lead agency: {d.lead_agency.value}; "
        f"threshold: {d.threshold.value}; grade: {d.grade.value if d.grade else 'none'}",
        f"  Why: {d.rationale}",
        f"  Basis: {d.basis}",
        f"  Tell the caller: {d.tell_caller}",
    ]
    lines += [f"  Safeguarding ({s.flag}): {s.action}" for s in d.safeguarding]
    lines.append(f"  Reached by: {', '.join(reached) or 'the engine fallback only'}")
    return lines


def _explain_rule(policy: Policy, rule: CompiledRule) -> list[str]:
    table = next(t for t in policy.tables if t.id == rule.table)
    lines = [
        f"Rule {rule.id} in table `{table.id}` ({table.title}; hit policy "
        f"{table.hit_policy.value})",
        f"  When: {_cells(policy, rule)}",
    ]
    if rule.disposition is not None:
        d = rule.disposition
        lines.append(
            f"  Then: {d.code} - {d.title} (police: {d.police_response.value}, "
            f"lead: {d.lead_agency.value})"
        )
    if rule.text:
        lines.append(f"  Why: {rule.text}")
    if rule.basis:
        lines.append(f"  Basis: {rule.basis}")
    if rule.source:
        lines.append(f"  Source: {rule.source}")
    if rule.origin != "pack":
        lines.append(f"  Added or changed by overlay `{rule.origin}`")
    if rule.disposition is not None and not policy.reach.get(rule.id):
        lines.append("  Note: an overlay's rule shadows this one; it never fires here")
    return lines


@pack_app.command()
def explain(
    item: Annotated[str, typer.Argument(help="a question id, rule id, disposition code or table")],
    pack: Annotated[Path | None, typer.Option("--pack", help="pack folder")] = None,
    overlay: Annotated[Path | None, typer.Option("--overlay", help="overlay file")] = None,
) -> None:
    """Explain a question, a rule or a disposition in words."""
    try:
        policy = load_policy(pack, overlay)
    except PackError as exc:
        _fail(f"policy refused: {exc}")
    if item in policy.question_by_id:
        lines = _explain_question(policy, policy.question_by_id[item])
    elif item in policy.dispositions:
        lines = _explain_disposition(policy, policy.dispositions[item])
    elif item in policy.rule_by_id:
        lines = _explain_rule(policy, policy.rule_by_id[item])
    elif any(t.id == item for t in policy.tables):
        table = next(t for t in policy.tables if t.id == item)
        lines = [f"Table `{table.id}`: {table.title} (hit policy {table.hit_policy.value})"]
        lines += [f"  {r.id}: {r.text or r.then}" for r in table.rules]
    else:
        names = [
            *policy.question_by_id,
            *policy.dispositions,
            *policy.rule_by_id,
            *(t.id for t in policy.tables),
        ]
        _fail(f"`{item}` is not a question, rule, disposition or table{did_you_mean(item, names)}")
    typer.echo("\n".join(lines))


class SchemaKind(StrEnum):
    PACK = "pack"
    TABLES = "tables"
    OVERLAY = "overlay"
    SCENARIOS = "scenarios"
    COURSE = "course"


def schema_for(kind: SchemaKind) -> dict[str, Any]:
    """The JSON Schema of one file kind, for editors to check files as they are typed."""
    from rightcare.scenarios.models import ScenarioFile
    from rightcare.training.course import CourseFile

    models: dict[SchemaKind, type[BaseModel]] = {
        SchemaKind.PACK: PackIndex,
        SchemaKind.TABLES: PackFile,
        SchemaKind.OVERLAY: Overlay,
        SchemaKind.SCENARIOS: ScenarioFile,
        SchemaKind.COURSE: CourseFile,
    }
    schema: dict[str, Any] = models[kind].model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"rightcare {kind.value} file"
    return schema


@pack_app.command()
def schema(
    kind: Annotated[SchemaKind, typer.Argument(help="which file kind")] = SchemaKind.TABLES,
    out: Annotated[
        Path | None, typer.Option("--out", help="write every kind's schema into this folder")
    ] = None,
) -> None:
    """Print the JSON Schema of pack files (pack.yaml, table files, overlays, scenarios) and
    training course files."""
    if out is None:
        typer.echo(json.dumps(schema_for(kind), indent=2))
        return
    out.mkdir(parents=True, exist_ok=True)
    for each in SchemaKind:
        target = out / f"rightcare-{each.value}.schema.json"
        target.write_text(json.dumps(schema_for(each), indent=2) + "\n", encoding="utf-8")
        typer.echo(f"wrote {target}")


class ExportFormat(StrEnum):
    DMN = "dmn"
    JDM = "jdm"


class DmnDialect(StrEnum):
    FEEL = "feel"
    SPIFF = "spiff"


@pack_app.command()
def export(
    format: Annotated[ExportFormat, typer.Option("--format", help="dmn (DMN 1.3 XML) or jdm")],
    out: Annotated[
        Path | None, typer.Option("--out", help="file to write (default: stdout)")
    ] = None,
    pack: Annotated[Path | None, typer.Option("--pack", help="pack folder")] = None,
    overlay: Annotated[Path | None, typer.Option("--overlay", help="overlay file")] = None,
    dialect: Annotated[
        DmnDialect,
        typer.Option(
            "--dialect",
            help="DMN cells: plain FEEL, or `spiff` for SpiffWorkflow, "
            "which reads list cells as Python",
        ),
    ] = DmnDialect.FEEL,
) -> None:
    """Export the decision tables as DMN 1.3 XML or GoRules JDM JSON.

    The export holds the decision rows only: the engine's safety guard and the safeguarding
    (collect) rows are not part of it, as its description says.
    """
    from rightcare.engine.export import to_dmn, to_jdm

    try:
        policy = load_policy(pack, overlay)
    except PackError as exc:
        _fail(f"policy refused: {exc}")
    if format is ExportFormat.DMN:
        text = to_dmn(policy, dialect=dialect.value)
    else:
        text = json.dumps(to_jdm(policy), indent=2)
    if out is None:
        typer.echo(text)
    else:
        out.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
        typer.echo(f"wrote {out}", err=True)


__all__ = ["BITS", "pack_app", "schema_for"]
