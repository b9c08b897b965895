"""Static safety checks on a compiled set of rows, exact over the whole answer space.

Each row's reachable region (its box minus every earlier row) is computed as disjoint boxes;
the checks read those regions: rows that never fire, answers no row decides, declines while a
critical question is unknown, `undetermined` with nothing left to ask, a riskier answer that
lowers the response, and an overlay that lowers a national outcome.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rightcare.engine.boxes import ANSWER_OF_BIT, ANY, BITS, Space
from rightcare.engine.errors import Problem
from rightcare.engine.loader import Located
from rightcare.engine.pack_model import Question
from rightcare.engine.policy import CompiledRule, Policy
from rightcare.engine.vocab import Answer, PoliceResponse, RiskDirection, Severity

UNKNOWN_BIT = BITS[Answer.UNKNOWN]


def describe_point(
    point: Sequence[int],
    questions: Sequence[Question],
    box: int | None = None,
    space: Space | None = None,
) -> str:
    """Answers of an example point, naming only the questions the box constrains."""
    parts = []
    for i, bit in enumerate(point):
        if box is not None and space is not None and space.slot(box, i) == ANY:
            continue
        parts.append(f"{questions[i].id}={ANSWER_OF_BIT[bit].value}")
    return ", ".join(parts) if parts else "any answers"


def analyse(
    rules: Sequence[CompiledRule],
    questions: Sequence[Question],
    space: Space,
    located: Located,
    must_reach: set[str] | None = None,
) -> tuple[dict[str, list[int]], list[Problem]]:
    """Exact reachable region of every row, and the static safety problems found on the way."""
    problems: list[Problem] = []
    remaining = [space.full]
    reach: dict[str, list[int]] = {}
    critical = [i for i, q in enumerate(questions) if q.critical]
    no_unknown = space.full & ~(UNKNOWN_BIT * space.low)
    for rule in rules:
        region = space.merge(space.clip(remaining, rule.mask))
        reach[rule.id] = region
        remaining = space.subtract_region(remaining, rule.mask)
        if not region and (must_reach is None or rule.id in must_reach):
            problems.append(
                located.problem(
                    "rule",
                    rule.id,
                    f"rule {rule.id} can never fire: "
                    "earlier rules already decide every answer it accepts",
                )
            )
        if not region:
            continue
        severity = rule.severity
        if severity is not None and severity < Severity.UNDETERMINED:
            problems.extend(_unsafe(rule, region, critical, questions, space, located))
        if rule.disposition and rule.disposition.police_response is PoliceResponse.UNDETERMINED:
            for box in region:
                if space.nonempty(box & no_unknown):
                    example = describe_point(space.example(box & no_unknown), questions, box, space)
                    problems.append(
                        located.problem(
                            "rule",
                            rule.id,
                            f"rule {rule.id} gives `undetermined` even when every "
                            f"question is answered (e.g. {example}), leaving nothing to ask",
                        )
                    )
                    break
    if remaining:
        example = describe_point(space.example(remaining[0]), questions)
        last = rules[-1].id if rules else ""
        problems.append(
            located.problem(
                "rule",
                last,
                "no rule decides some answers (e.g. "
                f"{example}); end the last table with a catch-all row",
            )
        )
    return reach, problems


def monotonic_problems(
    rules: Sequence[CompiledRule],
    reach: dict[str, list[int]],
    questions: Sequence[Question],
    space: Space,
    located: Located,
) -> list[Problem]:
    """Rows where answering a risk question the risky way would lower the police response.

    For a risk question q whose risky answer is r: a point in box A (not answering r) must not
    move into a box B of a less protective row when q becomes r. That happens exactly when A
    accepts a non-r answer at q, B accepts r at q, and A and B overlap on every other slot.
    """
    risky_bit = {RiskDirection.YES: BITS[Answer.YES], RiskDirection.NO: BITS[Answer.NO]}
    risk_slots = [(i, risky_bit[q.risk]) for i, q in enumerate(questions) if q.risk in risky_bit]
    boxes = [(box, rule) for rule in rules if rule.severity is not None for box in reach[rule.id]]
    problems: list[Problem] = []
    reported: set[tuple[str, str]] = set()
    for a_box, a_rule in boxes:
        for b_box, b_rule in boxes:
            assert a_rule.severity is not None and b_rule.severity is not None
            if b_rule.severity >= a_rule.severity or (a_rule.id, b_rule.id) in reported:
                continue
            for i, bit in risk_slots:
                if not (space.slot(a_box, i) & ~bit & ANY) or not (space.slot(b_box, i) & bit):
                    continue
                overlap = space.with_slot(a_box, i, ANY) & space.with_slot(b_box, i, ANY)
                if not space.nonempty(overlap):
                    continue
                before = space.with_slot(overlap, i, space.slot(a_box, i) & ~bit & ANY)
                example = describe_point(space.example(before), questions, before, space)
                # Point at the row a force added, if either is one: that is what to move.
                blame = a_rule if a_rule.origin != "pack" else b_rule
                higher, lower = a_rule.severity.name.lower(), b_rule.severity.name.lower()
                problems.append(
                    located.problem(
                        "rule",
                        blame.id,
                        f"answering `{questions[i].id}` {ANSWER_OF_BIT[bit].value} moves a call "
                        f"from rule {a_rule.id} ({higher}) down to rule {b_rule.id} ({lower}), "
                        f"e.g. from {example}; a riskier answer must never lower the response",
                    )
                )
                reported.add((a_rule.id, b_rule.id))
                break
    return problems


def _unsafe(
    rule: CompiledRule,
    region: Iterable[int],
    critical: Sequence[int],
    questions: Sequence[Question],
    space: Space,
    located: Located,
) -> list[Problem]:
    problems = []
    for i in critical:
        for box in region:
            if space.slot(box, i) & UNKNOWN_BIT:
                narrowed = space.with_slot(box, i, UNKNOWN_BIT)
                point = space.example(narrowed)
                assert rule.disposition is not None
                problems.append(
                    located.problem(
                        "rule",
                        rule.id,
                        f"rule {rule.id} gives `{rule.disposition.police_response}` while critical "
                        f"question `{questions[i].id}` is unknown (e.g. "
                        f"{describe_point(point, questions, narrowed, space)}); "
                        "it must be answered first",
                    )
                )
                break
    return problems


def lowering_problems(
    base: Policy,
    rules: Sequence[CompiledRule],
    reach: dict[str, list[int]],
    located: Located,
) -> list[Problem]:
    """Every national rule whose response the overlaid rules lower for some input."""
    space = base.space
    problems: list[Problem] = []
    reported: set[str] = set()
    for national in base.rules:
        if national.severity is None or national.id in reported:
            continue
        for rule in rules:
            if rule.severity is None or rule.severity >= national.severity:
                continue
            hit = next(
                (
                    a & b
                    for a in base.reach[national.id]
                    for b in reach[rule.id]
                    if space.nonempty(a & b)
                ),
                None,
            )
            if hit is None:
                continue
            example = describe_point(space.example(hit), base.questions, hit, space)
            via = "its removal" if rule.origin == "pack" else f"rule {rule.id}"
            where = located.get("rule", rule.id if rule.origin != "pack" else national.id)
            problems.append(
                Problem(
                    f"overlay lowers national rule {national.id} "
                    f"({national.severity.name.lower()}) to {rule.severity.name.lower()} "
                    f"through {via} (e.g. {example}); overlays may only raise a response",
                    where.file,
                    where.line,
                )
            )
            reported.add(national.id)
            break
    return problems
