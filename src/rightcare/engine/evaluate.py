"""Evaluate one call against a compiled policy: a pure function, no I/O, no clock, no globals.

Order of work: merge answers (explicit answers win over suggestions), decide by first hit over
the flattened tables, apply the safety guard (an unknown that could still mean `attend` turns a
decline into `undetermined`), then explain: rationale, questions to ask ranked by what their
answer could change, suggestions the outcome depends on, safeguarding, and the policy digest.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from rightcare.engine.boxes import ANY, BITS
from rightcare.engine.contract import (
    Assessment,
    CallInput,
    LeadPartner,
    PolicyRef,
    QuestionToAsk,
    RationaleItem,
    SafeguardingItem,
)
from rightcare.engine.errors import CallError, did_you_mean
from rightcare.engine.hours import open_at
from rightcare.engine.pack_model import Disposition
from rightcare.engine.policy import CompiledRule, Policy
from rightcare.engine.suggestion import SuggestedAnswer
from rightcare.engine.vocab import Answer, Severity

YES, NO, UNK = BITS[Answer.YES], BITS[Answer.NO], BITS[Answer.UNKNOWN]
GUARD_RULE = "SAFETY-UNKNOWN"
ERROR_RULE = "SAFETY-ERROR"


@dataclass(frozen=True, slots=True)
class Outcome:
    rule: CompiledRule | None
    disposition: Disposition
    guarded: bool  # the safety guard replaced a decline with `undetermined`
    # What one unanswered question would lead to: slot -> {answer bit: deciding rule}.
    # Shared by every assessment of the same point (see `outcome`), so read-only.
    flips: Mapping[int, Mapping[int, CompiledRule]]

    @property
    def severity(self) -> Severity:
        return Severity.of(self.disposition.police_response)


def _widen_unknowns(policy: Policy, point: int) -> int:
    """Every answer still possible: unknown slots may yet become yes or no."""
    unknown = point & (UNK * policy.space.low)
    return point | (unknown >> 1) | (unknown >> 2)


def scan(
    policy: Policy, point: int
) -> tuple[CompiledRule | None, dict[int, dict[int, CompiledRule]]]:
    """The deciding row for `point`, and the row each single unknown answered would reach.

    Reachable regions are exact and disjoint, so the point lies in exactly one box, and a point
    that differs from a box in a single unknown slot reaches that box's row when answered.
    """
    unknown_bits = UNK * policy.space.low
    if not point & unknown_bits:
        return policy.decide(point), {}  # every question answered: nothing can flip
    decided: CompiledRule | None = None
    flips: dict[int, dict[int, CompiledRule]] = {}
    for complement, box, rule in policy.boxes:
        diff = point & complement
        if not diff:
            decided = rule
        elif not diff & (diff - 1) and diff & unknown_bits:
            i = (diff.bit_length() - 1) // 3
            accepted = (box >> (3 * i)) & (YES | NO)
            slot = flips.setdefault(i, {})
            if accepted & YES:
                slot[YES] = rule
            if accepted & NO:
                slot[NO] = rule
    return decided, flips


# Points remembered per policy before the memo starts again: each is a few hundred bytes, and a
# pack with a dozen questions meets a few hundred distinct points on a busy shift.
OUTCOME_MEMO = 2048


def outcome(policy: Policy, point: int) -> Outcome:
    """Decide, then apply the safety guard: a decline becomes `undetermined` while any one
    unanswered question, answered the risky way, would make police attend.

    Pure in `policy` and `point`, so remembered per policy: the scan over every box is most of
    the engine's work, and an assessment makes it once for its point and once more for each
    suggestion it used (`_needs_confirmation`)."""
    memo = policy.outcomes
    found = memo.get(point)
    if found is None:
        if len(memo) >= OUTCOME_MEMO:
            memo.clear()
        found = memo[point] = _outcome(policy, point)
    return found


def _outcome(policy: Policy, point: int) -> Outcome:
    rule, flips = scan(policy, point)
    if rule is None or rule.disposition is None:
        # Compile refuses incomplete packs, so this is a bug: fail safe, never divert.
        return Outcome(None, policy.error, False, flips)
    declines = rule.severity is not None and rule.severity < Severity.UNDETERMINED
    if declines and any(
        r.severity is Severity.ATTEND for by_bit in flips.values() for r in by_bit.values()
    ):
        return Outcome(rule, policy.undetermined, True, flips)
    return Outcome(rule, rule.disposition, False, flips)


def merge_answers(
    policy: Policy, call: CallInput, suggestions: Mapping[str, SuggestedAnswer]
) -> tuple[dict[str, Answer], dict[str, SuggestedAnswer]]:
    """Explicit answers win; a suggestion only fills a question nobody has answered."""
    for question in call.answers:
        if question not in policy.slot:
            raise CallError(
                f"answers.{question}", f"unknown question{did_you_mean(question, policy.slot)}"
            )
    merged = dict(call.answers)
    used: dict[str, SuggestedAnswer] = {}
    for question, suggestion in suggestions.items():
        if question in policy.slot and question not in merged:
            used[question] = suggestion
            if suggestion.value is not Answer.UNKNOWN:
                merged[question] = suggestion.value
    return merged, used


def _flip(point: int, i: int, bit: int) -> int:
    shift = 3 * i
    return (point & ~(ANY << shift)) | (bit << shift)


def questions_to_ask(policy: Policy, point: int, current: Outcome) -> list[QuestionToAsk]:
    """Unknown questions whose answer could change the outcome, most consequential first.

    Tier 0: one answer alone would make police attend. Tier 1: it could, together with other
    unanswered questions. Tier 2: its answer changes the disposition in another way.
    """
    space = policy.space
    in_attend_paths: set[int] = set()
    if current.severity < Severity.ATTEND:
        possible = _widen_unknowns(policy, point)
        for box, constrained in policy.attend_paths:
            if space.nonempty(box & possible):
                in_attend_paths |= constrained
    ranked: list[tuple[int, int, int, QuestionToAsk]] = []
    if current.rule is None:
        return []
    for i, by_bit in current.flips.items():
        question = policy.questions[i]
        # A missing entry means that answer keeps the point in the current row's box.
        answers = [(w, by_bit.get(bit, current.rule)) for w, bit in (("yes", YES), ("no", NO))]
        attend = [(w, r) for w, r in answers if r.severity is Severity.ATTEND]
        if attend and current.severity < Severity.ATTEND:
            word, rule = attend[0]
            assert rule.disposition is not None
            why, tier = f"if {word}, police must attend ({rule.disposition.title})", 0
        elif i in in_attend_paths:
            why, tier = "with other unanswered questions, could mean police must attend", 1
        else:
            changed = [
                (w, r.disposition)
                for w, r in answers
                if r.disposition is not None and r.disposition is not current.disposition
            ]
            if not changed:
                continue
            word, other = changed[0]
            why, tier = f"if {word}: {other.title} ({other.lead_agency.value} leads)", 2
        ranked.append(
            (
                tier,
                0 if question.critical else 1,
                i,
                QuestionToAsk(id=question.id, text=question.text, why=why),
            )
        )
    ranked.sort(key=lambda item: item[:3])
    return [item[3] for item in ranked]


def _needs_confirmation(
    policy: Policy, point: int, current: Outcome, used: Mapping[str, SuggestedAnswer]
) -> list[str]:
    """Suggested answers that nobody confirmed and that the outcome depends on."""
    depends = []
    for question, suggestion in used.items():
        if suggestion.value is Answer.UNKNOWN:
            continue
        without = outcome(policy, _flip(point, policy.slot[question], UNK))
        if without.disposition.code != current.disposition.code:
            depends.append(question)
    return sorted(depends, key=policy.slot.__getitem__)


def _rationale(
    policy: Policy, point: int, current: Outcome
) -> tuple[list[RationaleItem], list[SafeguardingItem]]:
    items: list[RationaleItem] = []
    final = current.disposition
    if current.rule is None:
        items.append(
            RationaleItem(
                rule=ERROR_RULE,
                text="No rule decided this call, so the "
                "safe default applies: police attend and a supervisor reviews.",
                basis="rightcare fail-safe principle",
            )
        )
    else:
        decided = current.rule.disposition
        assert decided is not None
        items.append(
            RationaleItem(
                rule=current.rule.id,
                text=current.rule.text or decided.title,
                basis=current.rule.basis or decided.basis,
            )
        )
        if current.guarded:
            items.append(
                RationaleItem(
                    rule=GUARD_RULE,
                    text=f"On the answers so far this would be {decided.code} ({decided.title}), "
                    "but questions still unanswered could mean police must attend. Ask them before "
                    "deciding; until then police keep the call.",
                    basis="rightcare safety rule: uncertainty never becomes a silent diversion",
                )
            )
    items.append(RationaleItem(rule=final.code, text=final.rationale, basis=final.basis))
    safeguarding = [SafeguardingItem(flag=s.flag, action=s.action) for s in final.safeguarding]
    for rule in policy.collect:
        if point & rule.mask == point:
            items.append(RationaleItem(rule=rule.id, text=rule.text, basis=rule.basis))
            safeguarding += [
                SafeguardingItem(flag=s.flag, action=s.action) for s in rule.safeguarding
            ]
    unique = list({(s.flag, s.action): s for s in safeguarding}.values())
    return items, unique


def _partner(policy: Policy, call: CallInput, disposition: Disposition) -> LeadPartner | None:
    partner = policy.partners.get(disposition.lead_agency)
    if partner is None:
        return None
    received = call.context.received_at
    return LeadPartner(
        service=partner.service,
        contact=partner.contact,
        open_at_received=None if received is None else open_at(partner.hours, received),
        accepts_professional_handover=partner.accepts_professional_handover,
        notes=list(partner.notes),
    )


def assess(
    policy: Policy,
    call: CallInput,
    suggestions: Mapping[str, SuggestedAnswer] | None = None,
) -> Assessment:
    """The assessment of one call. Raises CallError only for a bad call; never otherwise."""
    merged, used = merge_answers(policy, call, suggestions or {})
    try:
        point = policy.encode(merged)
        current = outcome(policy, point)
        rationale, safeguarding = _rationale(policy, point, current)
        asks = questions_to_ask(policy, point, current)
        confirm = _needs_confirmation(policy, point, current, used)
    except Exception:  # any bug must fail safe, never crash a live call
        return error_assessment(policy, used)
    final = current.disposition
    if final.police_response.value == "undetermined" and not asks:
        return error_assessment(policy, used)
    return Assessment(
        police_response=final.police_response,
        lead_agency=final.lead_agency,
        threshold=final.threshold,
        grade=final.grade,
        disposition=final.code,
        title=final.title,
        tell_caller=final.tell_caller,
        rationale=rationale,
        questions_to_ask=asks,
        suggested_answers=dict(used),
        needs_confirmation=confirm,
        safeguarding=safeguarding,
        lead_partner=_partner(policy, call, final),
        policy=policy_ref(policy),
    )


def policy_ref(policy: Policy) -> PolicyRef:
    return PolicyRef(
        pack=policy.pack.id,
        version=policy.pack.version,
        overlay=policy.overlay_id,
        digest=policy.digest,
    )


def error_assessment(
    policy: Policy, used: Mapping[str, SuggestedAnswer] | None = None
) -> Assessment:
    """The fail-safe answer to an internal error: police attend, supervisor review."""
    final = policy.error
    return Assessment(
        police_response=final.police_response,
        lead_agency=final.lead_agency,
        threshold=final.threshold,
        grade=final.grade,
        disposition=final.code,
        title=final.title,
        tell_caller=final.tell_caller,
        rationale=[
            RationaleItem(
                rule=ERROR_RULE,
                text="The assessment could not be completed, "
                "so the safe default applies: police attend and a supervisor "
                "reviews.",
                basis="rightcare fail-safe principle",
            ),
            RationaleItem(rule=final.code, text=final.rationale, basis=final.basis),
        ],
        questions_to_ask=[],
        suggested_answers=dict(used or {}),
        needs_confirmation=[],
        safeguarding=[SafeguardingItem(flag=s.flag, action=s.action) for s in final.safeguarding],
        policy=policy_ref(policy),
    )
