"""Compile a loaded pack (and overlay) into a Policy, running the static safety checks.

Checks, each refusing the pack whole: rows no input can reach, dispositions no row reaches,
answer combinations no row decides, a row that declines or leaves police discretion while a
critical question is unknown, and an `undetermined` row that fires when every question is
answered (it would leave nothing to ask).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from typing import Any

from rightcare.engine.boxes import ANY, BITS, Space
from rightcare.engine.checks import analyse, lowering_problems, monotonic_problems
from rightcare.engine.errors import PackError
from rightcare.engine.loader import Located, PackSource
from rightcare.engine.pack_model import (
    Disposition,
    Overlay,
    Question,
    Rule,
    Table,
)
from rightcare.engine.policy import CompiledRule, Policy
from rightcare.engine.vocab import Answer, HitPolicy, Severity

UNKNOWN_BIT = BITS[Answer.UNKNOWN]


def canonical_digest(*documents: Any) -> str:
    """sha256 over canonical JSON (sorted keys, no spaces) of the given documents."""
    text = json.dumps(documents, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def rule_mask(rule: Rule, slot: dict[str, int], space: Space) -> int:
    mask = space.full
    for question, cell in rule.when.items():
        if cell == "any":
            continue
        answers = cell if isinstance(cell, list) else [cell]
        bits = 0
        for answer in answers:
            bits |= BITS[Answer(answer)]
        mask = space.with_slot(mask, slot[question], bits)
    return mask


def decision_order(
    tables: Iterable[Table], dispositions: dict[str, Disposition]
) -> list[tuple[Table, Rule]]:
    """Flatten decision tables into one first-hit list.

    A priority table is the same as a first-hit table whose rows are sorted by how protective
    their disposition is (stable, so ties keep their written order).
    """
    ordered: list[tuple[Table, Rule]] = []
    for table in tables:
        if table.hit_policy is HitPolicy.COLLECT:
            continue
        rows = list(table.rules)
        if table.hit_policy is HitPolicy.PRIORITY:
            rows.sort(key=lambda r: -Severity.of(dispositions[r.then or ""].police_response))
        ordered.extend((table, row) for row in rows)
    return ordered


def compile_policy(
    source: PackSource,
    *,
    tables: Sequence[Table] | None = None,
    dispositions: Sequence[Disposition] | None = None,
    questions: Sequence[Question] | None = None,
    overlay: Overlay | None = None,
    located: Located | None = None,
    origins: dict[str, str] | None = None,
    must_reach: set[str] | None = None,
    base: Policy | None = None,
) -> Policy:
    """Compile a pack, or the result of applying an overlay to it (see `overlay.py`).

    `must_reach` limits the unreachable-row and unreached-disposition checks to those rule ids
    and disposition codes: an overlay may shadow national rows by raising the response.
    `base` is the national policy an overlay applies to: no input may get a lower response.
    """
    located = located or source.located
    questions = tuple(questions or source.index.questions)
    tables = tuple(tables or source.tables)
    disp_map = {d.code: d for d in (dispositions or source.dispositions)}
    slot = {q.id: i for i, q in enumerate(questions)}
    space = Space(len(questions))
    origins = origins or {}

    def compiled(table: Table, rule: Rule) -> CompiledRule:
        disposition = disp_map[rule.then] if rule.then else None
        return CompiledRule(
            id=rule.id,
            table=table.id,
            mask=rule_mask(rule, slot, space),
            disposition=disposition,
            severity=Severity.of(disposition.police_response) if disposition else None,
            text=rule.text,
            basis=rule.basis,
            source=rule.source,
            safeguarding=tuple(rule.safeguarding),
            origin=origins.get(rule.id, "pack"),
        )

    rules = [compiled(t, r) for t, r in decision_order(tables, disp_map)]
    collect = [compiled(t, r) for t in tables if t.hit_policy is HitPolicy.COLLECT for r in t.rules]
    reach, problems = analyse(rules, questions, space, located, must_reach)
    if base is not None:
        problems += lowering_problems(base, rules, reach, located)
    problems += monotonic_problems(rules, reach, questions, space, located)
    reached = {rule.disposition.code for rule in rules if rule.disposition and reach[rule.id]}
    fallbacks = source.index.fallbacks
    for code in disp_map:
        if must_reach is not None and code not in must_reach:
            continue
        if code not in reached and code not in {fallbacks.undetermined, fallbacks.error}:
            problems.append(
                located.problem(
                    "disposition", code, f"disposition {code} is not reached by any rule"
                )
            )
    if problems:
        raise PackError(problems)

    attend = [box for rule in rules if rule.severity is Severity.ATTEND for box in reach[rule.id]]
    relevant = sorted(
        {
            i
            for rule in (*rules, *collect)
            for i in range(space.n)
            if space.slot(rule.mask, i) != ANY
        }
    )
    documents: list[Any] = [
        source.index.model_dump(mode="json"),
        [[name, f.model_dump(mode="json")] for name, f in source.files],
    ]
    if overlay is not None:
        documents.append(overlay.model_dump(mode="json", by_alias=True))
    policy = Policy(
        pack=source.index.pack,
        overlay=overlay.overlay if overlay else None,
        questions=questions,
        slot=slot,
        space=space,
        agencies=tuple(source.index.agencies),
        dispositions=disp_map,
        tables=tables,
        rules=tuple(rules),
        collect=tuple(collect),
        reach={k: tuple(v) for k, v in reach.items()},
        attend_boxes=tuple(attend),
        relevant=tuple(relevant),
        undetermined=disp_map[fallbacks.undetermined],
        error=disp_map[fallbacks.error],
        partners={p.agency: p for p in overlay.partners} if overlay else {},
        digest=canonical_digest(*documents),
        boxes=tuple((space.full & ~box, box, rule) for rule in rules for box in reach[rule.id]),
        attend_paths=tuple(
            (box, frozenset(i for i in relevant if space.slot(box, i) != ANY)) for box in attend
        ),
    )
    policy.question_by_id.update({q.id: q for q in questions})
    policy.rule_by_id.update({r.id: r for r in (*rules, *collect)})
    return policy
