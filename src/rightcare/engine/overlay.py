"""Apply a force overlay to a national pack: local partners, wording and rules that raise.

An overlay may tighten but never loosen the national policy. After applying it, the exact
reachable region of every row is compared with the national one: wherever an input would get a
less protective police response than the national pack gives, the overlay is refused, naming
the national rule it lowers.
"""

from __future__ import annotations

from rightcare.engine.compile import compile_policy
from rightcare.engine.errors import PackError, Problem, did_you_mean
from rightcare.engine.loader import Located, OverlaySource, PackSource, check_rules
from rightcare.engine.pack_model import Disposition, Question, Rule, Table
from rightcare.engine.policy import Policy
from rightcare.engine.vocab import HitPolicy


def _merged_located(source: PackSource, overlay: OverlaySource) -> Located:
    located = Located(dict(source.located.places))
    located.places.update(overlay.located.places)
    return located


def _reword(
    source: PackSource, overlay: OverlaySource, located: Located
) -> tuple[list[Question], list[Disposition], list[Problem]]:
    questions = {q.id: q for q in source.index.questions}
    dispositions = {d.code: d for d in source.dispositions}
    for local in overlay.overlay.dispositions:
        dispositions.setdefault(local.code, local)
    problems: list[Problem] = []
    for key, words in overlay.overlay.wording.items():
        if key in questions:
            if words.tell_caller or words.rationale:
                problems.append(
                    located.problem(
                        "wording",
                        key,
                        f"wording for question `{key}` may set only `text` and `help`",
                    )
                )
                continue
            update = {k: v for k, v in (("text", words.text), ("help", words.help)) if v}
            questions[key] = questions[key].model_copy(update=update)
        elif key in dispositions:
            if words.text or words.help:
                problems.append(
                    located.problem(
                        "wording",
                        key,
                        f"wording for disposition `{key}` "
                        "may set only `tell_caller` and `rationale`",
                    )
                )
                continue
            update = {
                k: v
                for k, v in (("tell_caller", words.tell_caller), ("rationale", words.rationale))
                if v
            }
            dispositions[key] = dispositions[key].model_copy(update=update)
        else:
            hint = did_you_mean(key, [*questions, *dispositions])
            problems.append(
                located.problem(
                    "wording", key, f"wording for unknown question or disposition `{key}`", hint
                )
            )
    return list(questions.values()), list(dispositions.values()), problems


def _edit_tables(
    source: PackSource, overlay: OverlaySource, located: Located
) -> tuple[list[Table], dict[str, str], list[Problem]]:
    ov = overlay.overlay
    origin = ov.overlay.id
    problems: list[Problem] = []
    origins: dict[str, str] = {}
    tables = {t.id: list(t.rules) for t in source.tables}
    policy_of = {t.id: t.hit_policy for t in source.tables}
    table_of = {r.id: t.id for t in source.tables for r in t.rules}

    for code in ov.remove:
        table_id = table_of.get(code)
        if table_id is None:
            problems.append(
                located.problem(
                    "remove",
                    code,
                    f"cannot remove unknown rule `{code}`",
                    did_you_mean(code, table_of),
                )
            )
        elif policy_of[table_id] is HitPolicy.COLLECT:
            problems.append(
                located.problem("remove", code, f"overlays cannot remove safeguarding rule {code}")
            )
        else:
            tables[table_id] = [r for r in tables[table_id] if r.id != code]
    for rep in ov.replace:
        table_id = table_of.get(rep.rule)
        if table_id is None or policy_of[table_id] is HitPolicy.COLLECT:
            problems.append(
                located.problem(
                    "replace",
                    rep.rule,
                    f"cannot replace `{rep.rule}`: not a decision rule of the pack",
                    did_you_mean(rep.rule, table_of),
                )
            )
            continue
        rows = tables[table_id]
        for n, row in enumerate(rows):
            if row.id == rep.rule:
                rows[n] = row.model_copy(update={"then": rep.then, "text": rep.text or row.text})
                origins[row.id] = origin
    for rule in ov.rules:
        if rule.id in table_of or rule.id in origins:
            problems.append(located.problem("rule", rule.id, f"rule id {rule.id} is already used"))
            continue
        if rule.table not in tables:
            problems.append(
                located.problem(
                    "rule",
                    rule.id,
                    f"unknown table `{rule.table}` in rule {rule.id}",
                    did_you_mean(rule.table, tables),
                )
            )
            continue
        rows = tables[rule.table]
        plain = Rule.model_validate(rule.model_dump(exclude={"table", "before"}))
        ids = [r.id for r in rows]
        if rule.before == "first":
            rows.insert(0, plain)
        elif rule.before == "last":
            rows.append(plain)
        elif rule.before in ids:
            rows.insert(ids.index(rule.before), plain)
        else:
            problems.append(
                located.problem(
                    "rule",
                    rule.id,
                    f"rule {rule.id} is to go before "
                    f"`{rule.before}`, which is not in table "
                    f"`{rule.table}`",
                    did_you_mean(rule.before, ids),
                )
            )
            continue
        origins[rule.id] = origin
    edited = [t.model_copy(update={"rules": tables[t.id]}) for t in source.tables]
    empty = [t.id for t in edited if not t.rules]
    problems += [
        Problem(f"overlay leaves table `{t}` with no rules", str(overlay.path)) for t in empty
    ]
    return edited, origins, problems


def apply_overlay(source: PackSource, overlay: OverlaySource, base: Policy) -> Policy:
    """The policy of `source` with `overlay` applied; raises PackError if it is refused."""
    ov = overlay.overlay
    located = _merged_located(source, overlay)
    meta = source.index.pack
    problems: list[Problem] = []
    if ov.overlay.pack != meta.id or ov.overlay.pack_version != meta.version:
        problems.append(
            located.problem(
                "overlay",
                "pack",
                f"overlay `{ov.overlay.id}` was written for {ov.overlay.pack} "
                f"{ov.overlay.pack_version}, but the loaded pack is {meta.id} {meta.version}; "
                "review it against the new pack and update `pack_version`",
            )
        )
    national_codes = {d.code for d in source.dispositions}
    for local in ov.dispositions:
        if local.code in national_codes:
            problems.append(
                located.problem(
                    "disposition",
                    local.code,
                    f"disposition {local.code} "
                    "is already defined by the pack; use `wording` to "
                    "change its words",
                )
            )
    questions, dispositions, wording_problems = _reword(source, overlay, located)
    tables, origins, table_problems = _edit_tables(source, overlay, located)
    problems += wording_problems + table_problems
    disp_map = {d.code: d for d in dispositions}
    problems += check_rules(
        ((r.table, r, HitPolicy.FIRST) for r in ov.rules),
        [q.id for q in questions],
        disp_map,
        located,
    )
    problems += check_rules(
        (("", Rule(id=r.rule, then=r.then), HitPolicy.FIRST) for r in ov.replace),
        [q.id for q in questions],
        disp_map,
        located,
    )
    if problems:
        raise PackError(problems)
    policy = compile_policy(
        source,
        tables=tables,
        dispositions=dispositions,
        questions=questions,
        overlay=ov,
        located=located,
        origins=origins,
        must_reach={r.id for r in ov.rules} | {d.code for d in ov.dispositions},
        base=base,
    )
    return policy
