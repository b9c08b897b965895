"""Load pack folders and overlay files into typed models, refusing anything invalid whole.

Errors name the file, the line and the field, and suggest the near miss. Reference checks
(unknown question, unknown disposition, duplicates) happen here; the checks that need the
whole decision logic (unreachable rows, unsafe paths) happen in `compile`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from rightcare.engine.errors import PackError, Problem, did_you_mean
from rightcare.engine.pack_model import (
    Disposition,
    Overlay,
    PackFile,
    PackIndex,
    Rule,
    Table,
)
from rightcare.engine.vocab import Answer, HitPolicy, PoliceResponse
from rightcare.engine.yamlsrc import Loc, YamlDoc, YamlSyntaxError, read_yaml

CORE_QUESTIONS = (
    "crime",
    "risk_to_life",
    "serious_harm",
    "weapon",
    "violence",
    "child",
    "location_known",
    "detained_mha",
    "left_healthcare",
    "medical_emergency",
    "health_professional_involved",
    "entry_required",
    "missing",
    "domestic_abuse",
    "s136_handover",
    "transport_request",
)

ANSWER_WORDS = tuple(a.value for a in Answer)
Model = TypeVar("Model", bound=BaseModel)


@dataclass(frozen=True)
class Where:
    file: str
    line: int | None


@dataclass
class Located:
    """Where each named thing of a pack or overlay was written, for error messages."""

    places: dict[tuple[str, str], Where] = field(default_factory=dict)

    def put(self, kind: str, key: str, doc: YamlDoc, loc: Loc) -> None:
        self.places[(kind, key)] = Where(doc.path, doc.line_of(loc))

    def get(self, kind: str, key: str) -> Where:
        return self.places.get((kind, key), Where("", None))

    def problem(self, kind: str, key: str, message: str, hint: str = "") -> Problem:
        where = self.get(kind, key)
        return Problem(message, where.file, where.line, hint)


@dataclass(frozen=True)
class PackSource:
    """A pack as written: its index, its table files in order, and where everything is."""

    root: Path
    index: PackIndex
    files: tuple[tuple[str, PackFile], ...]
    located: Located

    @property
    def tables(self) -> list[Table]:
        return [table for _, pack_file in self.files for table in pack_file.tables]

    @property
    def dispositions(self) -> list[Disposition]:
        own = list(self.index.dispositions)
        return own + [d for _, pack_file in self.files for d in pack_file.dispositions]


@dataclass(frozen=True)
class OverlaySource:
    path: Path
    overlay: Overlay
    located: Located


def _fmt_loc(loc: Iterable[str | int]) -> str:
    return ".".join(str(part) for part in loc)


def _raw_rules(raw_tables: Any) -> list[tuple[Loc, Any]]:
    """(location, raw rule) for every rule row in a file's `tables` list."""
    out: list[tuple[Loc, Any]] = []
    for t, table in enumerate(raw_tables if isinstance(raw_tables, list) else []):
        rules = table.get("rules") if isinstance(table, dict) else None
        for r, rule in enumerate(rules if isinstance(rules, list) else []):
            out.append((("tables", t, "rules", r), rule))
    return out


def _cell_problems(doc: YamlDoc, raw_rules: list[tuple[Loc, Any]]) -> list[Problem]:
    """Check every rule cell before Pydantic, so a bad answer gets one clear message."""
    problems: list[Problem] = []
    for rule_loc, rule in raw_rules:
        when = rule.get("when") if isinstance(rule, dict) else None
        if not isinstance(when, dict):
            continue
        rule_id = rule.get("id", f"at {_fmt_loc(rule_loc)}")
        for question, cell in when.items():
            values = cell if isinstance(cell, list) else [cell]
            for value in values:
                if value == "any" and not isinstance(cell, list):
                    continue
                if isinstance(value, str) and value in ANSWER_WORDS:
                    continue
                loc = (*rule_loc, "when", question)
                hint = did_you_mean(str(value), ANSWER_WORDS)
                problems.append(
                    Problem(
                        f"`{value}` is not an answer for `{question}` in rule {rule_id} "
                        "(use yes, no, unknown, a list of them, or any)",
                        doc.path,
                        doc.line_of(loc),
                        hint,
                    )
                )
    return problems


def _parse(model: type[Model], doc: YamlDoc, skip_when: bool = False) -> Model:
    if not isinstance(doc.data, dict):
        raise PackError([Problem("expected a YAML mapping at the top of the file", doc.path, 1)])
    try:
        return model.model_validate(doc.data)
    except ValidationError as exc:
        problems: list[Problem] = []
        seen: set[tuple[str | int, ...]] = set()
        for err in exc.errors():
            loc = tuple(err["loc"])
            if skip_when and "when" in loc:
                continue
            # Union types report once per branch; one line per field is enough.
            key = loc[:-1] if err["type"] in {"literal_error", "enum"} and len(loc) > 1 else loc
            if key in seen:
                continue
            seen.add(key)
            message = str(err["msg"]).removeprefix("Value error, ")
            if err["type"] == "extra_forbidden":
                message = f"unknown field `{loc[-1]}`"
            elif err["type"] == "missing":
                message = f"missing field `{loc[-1]}`"
            problems.append(Problem(f"{message} at `{_fmt_loc(loc)}`", doc.path, doc.line_of(loc)))
        raise PackError(problems) from exc


def _read(path: Path, display: str) -> YamlDoc:
    try:
        return read_yaml(path, display)
    except YamlSyntaxError as exc:
        raise PackError([Problem(exc.message, exc.path, exc.line)]) from exc


def _display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def load_pack(root: Path) -> PackSource:
    """Load a pack folder (`pack.yaml` plus its table files). Raises PackError."""
    root = Path(root)
    index_path = root / "pack.yaml" if root.is_dir() else root
    root = index_path.parent
    index_doc = _read(index_path, _display(index_path))
    index = _parse(PackIndex, index_doc)
    located = Located()
    problems: list[Problem] = []
    for i, q in enumerate(index.questions):
        located.put("question", q.id, index_doc, ("questions", i))
    for i, d in enumerate(index.dispositions):
        located.put("disposition", d.code, index_doc, ("dispositions", i))
    located.put("fallbacks", "undetermined", index_doc, ("fallbacks", "undetermined"))
    located.put("fallbacks", "error", index_doc, ("fallbacks", "error"))

    files: list[tuple[str, PackFile]] = []
    for f, name in enumerate(index.files):
        path = root / name
        if not path.is_file():
            problems.append(
                Problem(
                    f"table file `{name}` not found",
                    index_doc.path,
                    index_doc.line_of(("files", f)),
                )
            )
            continue
        doc = _read(path, _display(path))
        raw_tables = doc.data.get("tables") if isinstance(doc.data, dict) else None
        cell_problems = _cell_problems(doc, _raw_rules(raw_tables))
        try:
            pack_file = _parse(PackFile, doc, skip_when=bool(cell_problems))
        except PackError as exc:
            problems.extend(cell_problems + exc.problems)
            continue
        if cell_problems:
            problems.extend(cell_problems)
            continue
        for i, d in enumerate(pack_file.dispositions):
            located.put("disposition", d.code, doc, ("dispositions", i))
        for t, table in enumerate(pack_file.tables):
            located.put("table", table.id, doc, ("tables", t))
            for r, rule in enumerate(table.rules):
                located.put("rule", rule.id, doc, ("tables", t, "rules", r))
                for question in rule.when:
                    located.put(
                        "cell",
                        f"{rule.id}/{question}",
                        doc,
                        ("tables", t, "rules", r, "when", question),
                    )
        files.append((name, pack_file))
    if problems:
        raise PackError(problems)
    source = PackSource(root=root, index=index, files=tuple(files), located=located)
    check_pack_references(source)
    return source


def _duplicates(kind: str, keys: Iterable[str], located: Located) -> list[Problem]:
    seen: set[str] = set()
    out: list[Problem] = []
    for key in keys:
        if key in seen:
            out.append(located.problem(kind, key, f"{kind} `{key}` is defined twice"))
        seen.add(key)
    return out


def check_rules(
    rules: Iterable[tuple[str, Rule, HitPolicy]],
    questions: Iterable[str],
    dispositions: Mapping[str, Disposition],
    located: Located,
) -> list[Problem]:
    """Every cell names a known question and every row a known disposition."""
    known = list(questions)
    known_set = set(known)
    problems: list[Problem] = []
    for table_id, rule, hit_policy in rules:
        for question in rule.when:
            if question not in known_set:
                problems.append(
                    located.problem(
                        "cell",
                        f"{rule.id}/{question}",
                        f"unknown question `{question}` in rule {rule.id}",
                        did_you_mean(question, known),
                    )
                )
        if hit_policy is HitPolicy.COLLECT:
            if rule.then is not None:
                problems.append(
                    located.problem(
                        "rule",
                        rule.id,
                        f"rule {rule.id} is in collect "
                        f"table `{table_id}`, which adds advice and never decides: remove "
                        "`then`",
                    )
                )
            if not rule.text:
                problems.append(
                    located.problem(
                        "rule", rule.id, f"rule {rule.id} in a collect table needs `text`"
                    )
                )
        elif rule.then is None:
            problems.append(located.problem("rule", rule.id, f"rule {rule.id} has no `then`"))
        elif rule.then not in dispositions:
            problems.append(
                located.problem(
                    "rule",
                    rule.id,
                    f"unknown disposition `{rule.then}` in rule {rule.id}",
                    did_you_mean(rule.then, dispositions),
                )
            )
    return problems


def check_pack_references(source: PackSource) -> None:
    index, located = source.index, source.located
    problems: list[Problem] = []
    question_ids = [q.id for q in index.questions]
    problems += _duplicates("question", question_ids, located)
    problems += _duplicates("disposition", [d.code for d in source.dispositions], located)
    tables = source.tables
    problems += _duplicates("table", [t.id for t in tables], located)
    problems += _duplicates("rule", [r.id for t in tables for r in t.rules], located)
    for core in CORE_QUESTIONS:
        if core not in question_ids:
            problems.append(
                located.problem(
                    "", "", f"core question `{core}` is missing from {source.root / 'pack.yaml'}"
                )
            )
    agencies = {a.id for a in index.agencies}
    dispositions = {d.code: d for d in source.dispositions}
    for d in source.dispositions:
        if d.lead_agency not in agencies:
            problems.append(
                located.problem(
                    "disposition",
                    d.code,
                    f"disposition {d.code} names "
                    f"agency `{d.lead_agency}`, which the pack does not list",
                )
            )
    problems += check_rules(
        ((t.id, r, t.hit_policy) for t in tables for r in t.rules),
        question_ids,
        dispositions,
        located,
    )
    for which, expected in (
        ("undetermined", PoliceResponse.UNDETERMINED),
        ("error", PoliceResponse.ATTEND),
    ):
        code = getattr(index.fallbacks, which)
        found = dispositions.get(code)
        if found is None:
            problems.append(
                located.problem(
                    "fallbacks",
                    which,
                    f"unknown disposition `{code}` in fallbacks.{which}",
                    did_you_mean(code, dispositions),
                )
            )
        elif found.police_response is not expected:
            problems.append(
                located.problem(
                    "fallbacks",
                    which,
                    f"fallbacks.{which} must be a "
                    f"disposition whose police_response is `{expected}`",
                )
            )
    if problems:
        raise PackError(problems)


def load_overlay(path: Path) -> OverlaySource:
    """Load one overlay file. References to the pack are checked when it is applied."""
    path = Path(path)
    doc = _read(path, _display(path))
    raw_rules = doc.data.get("rules") if isinstance(doc.data, dict) else None
    rows = list(enumerate(raw_rules)) if isinstance(raw_rules, list) else []
    problems = _cell_problems(doc, [(("rules", r), rule) for r, rule in rows])
    try:
        overlay = _parse(Overlay, doc, skip_when=bool(problems))
    except PackError as exc:
        raise PackError(problems + exc.problems) from exc
    if problems:
        raise PackError(problems)
    located = Located()
    for i, d in enumerate(overlay.dispositions):
        located.put("disposition", d.code, doc, ("dispositions", i))
    for r, rule in enumerate(overlay.rules):
        located.put("rule", rule.id, doc, ("rules", r))
        for question in rule.when:
            located.put("cell", f"{rule.id}/{question}", doc, ("rules", r, "when", question))
    for r, rep in enumerate(overlay.replace):
        located.put("replace", rep.rule, doc, ("replace", r))
    for r, code in enumerate(overlay.remove):
        located.put("remove", code, doc, ("remove", r))
    for key in overlay.wording:
        located.put("wording", key, doc, ("wording", key))
    located.put("overlay", "pack", doc, ("overlay", "pack"))
    return OverlaySource(path=path, overlay=overlay, located=located)
