"""Our decision engine against two peers, in one process, on the same calls.

    uv run --group bench python bench/engine.py [--overlay example-force] [--random 3000]

Evaluates every case with (a) `Policy.decide` (the structured first-hit decision), (b) the full
`assess` (decision, safety guard, rationale, questions to ask; reported separately),
(c) zen-engine on the exported GoRules JDM and (d) SpiffWorkflow's DMN engine on the exported
DMN. Cases: the scenario library (or, if it cannot be loaded, a seeded stand-in) and always a
seeded random set, so the figures do not depend on the library's size. Every engine gets the
same input, a dict with every question present (unanswered ones `unknown`).

Checks that (a), (c) and (d) give the same disposition, police response and lead agency on
every case; prints any disagreement and exits 1. Then prints median and p99 microseconds per
call (each call timed on its own with perf_counter_ns, after a warm-up pass, over several
rounds; the garbage collector stays on, as in service) and the ratios to ours.

Targets (issue 2, part 9): ours median at most 20 µs per structured assessment; at least 3x
faster than zen-engine called from Python; at least 30x faster than SpiffWorkflow.
Benchmarks print figures; tests never assert elapsed time.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import random
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from importlib.metadata import version
from types import SimpleNamespace
from typing import Any

from rightcare.engine.contract import CallInput
from rightcare.engine.evaluate import assess
from rightcare.engine.export import outputs, peer_input, to_dmn, to_jdm
from rightcare.engine.policy import Policy
from rightcare.engine.store import load_policy_set
from rightcare.engine.vocab import Answer

CHOICES = (Answer.YES, Answer.NO, Answer.UNKNOWN)
# Timed calls per engine and case set (whole rounds over the cases): enough for a stable p99.
MIN_CALLS = {"ours": 30_000, "assess": 10_000, "zen": 10_000, "spiff": 2_000}
TARGET_MEDIAN_US = 20.0
TARGET_ZEN = 3.0
TARGET_SPIFF = 30.0


@dataclass
class Timing:
    engine: str
    calls: int
    median_us: float
    p99_us: float


def random_cases(policy: Policy, count: int, seed: int) -> list[dict[str, str]]:
    """Half: any questions answered any way (most hit the threshold rows). Half: every
    critical question `no`, the rest at random, so the call-type rows further down decide."""
    rng = random.Random(seed)
    cases = []
    for n in range(count):
        answers: dict[str, Answer] = {}
        for q in policy.questions:
            if n % 2 and q.critical:
                answers[q.id] = Answer.NO
            elif rng.random() < 0.7:
                answers[q.id] = rng.choice(CHOICES)
        cases.append(peer_input(policy, answers))
    return cases


def scenario_cases(policy: Policy) -> tuple[list[dict[str, str]], str]:
    """The scenario library's answer sets, and a line saying where they came from."""
    try:
        from rightcare.scenarios.library import load_scenarios

        scenarios = load_scenarios()
    except Exception as exc:  # the library is being written alongside; never block the bench
        return [], f"scenario library not loaded ({type(exc).__name__}: {str(exc)[:120]})"
    usable = [s for s in scenarios if set(s.answers) <= set(policy.slot)]
    skipped = len(scenarios) - len(usable)
    note = f"scenario library: {len(usable)} scenarios"
    if skipped:
        note += f" ({skipped} skipped: they name questions this policy does not have)"
    return [peer_input(policy, s.answers) for s in usable], note


def build_engines(policy: Policy) -> dict[str, Callable[[Any], Any]]:
    """Each engine as a one-argument call on a prepared case (see `prepare`)."""
    import zen
    from SpiffWorkflow.dmn.parser.BpmnDmnParser import BpmnDmnParser

    decision = zen.ZenEngine().create_decision(json.dumps(to_jdm(policy)))
    parser = BpmnDmnParser()
    parser.add_dmn_str(to_dmn(policy, dialect="spiff").encode("utf-8"))
    spiff = parser.get_engine("rcrp_decision", None)
    decide, encode = policy.decide, policy.encode
    return {
        "ours": lambda answers: decide(encode(answers)),
        "assess": lambda call: assess(policy, call),
        "zen": decision.evaluate,
        "spiff": spiff.result,
    }


def prepare(policy: Policy, cases: list[dict[str, str]]) -> dict[str, list[Any]]:
    """Per engine, its input for each case, built outside the timed calls."""
    workflow = SimpleNamespace(script_engine=_spiff_script_engine())
    return {
        "ours": cases,
        "assess": [CallInput(answers=c) for c in cases],
        "zen": cases,
        "spiff": [SimpleNamespace(data=dict(c), workflow=workflow) for c in cases],
    }


def _spiff_script_engine() -> Any:
    from SpiffWorkflow.bpmn.script_engine import PythonScriptEngine

    return PythonScriptEngine()


def disagreements(
    engines: dict[str, Callable[[Any], Any]],
    inputs: dict[str, list[Any]],
    cases: list[dict[str, str]],
) -> list[str]:
    found = []
    for n, answers in enumerate(cases):
        rule = engines["ours"](inputs["ours"][n])
        ours = outputs(rule) if rule is not None else {}
        zen = engines["zen"](inputs["zen"][n])["result"]
        spiff = dict(engines["spiff"](inputs["spiff"][n]))
        if not ours == zen == spiff:
            given = {k: v for k, v in answers.items() if v != "unknown"}
            found.append(f"  {given}\n    ours {ours}\n    zen  {zen}\n    spiff {spiff}")
    return found


def time_engine(name: str, call: Callable[[Any], Any], inputs: list[Any], rounds: int) -> Timing:
    clock = time.perf_counter_ns
    for item in inputs:  # warm-up: caches, lazily compiled expressions, branch predictors
        call(item)
    samples: list[int] = []
    append = samples.append
    for _ in range(rounds):
        for item in inputs:
            start = clock()
            call(item)
            append(clock() - start)
    samples.sort()
    p99 = samples[min(len(samples) - 1, int(len(samples) * 0.99))]
    return Timing(name, len(samples), statistics.median(samples) / 1000, p99 / 1000)


def rounds(engine: str, cases: int, quick: bool) -> int:
    return 1 if quick else max(1, math.ceil(MIN_CALLS[engine] / cases))


def zen_self_reported_us(evaluate: Callable[[Any], Any], inputs: list[Any]) -> float:
    """The median of zen-engine's `performance` field ("26.6µs", "1.2ms", "900ns")."""
    scale = {"ns": 0.001, "µs": 1.0, "ms": 1000.0, "s": 1_000_000.0}
    values = []
    for item in inputs:
        text = evaluate(item)["performance"]
        unit = next(u for u in ("ns", "µs", "ms", "s") if text.endswith(u))
        values.append(float(text[: -len(unit)]) * scale[unit])
    return statistics.median(values)


def timer_overhead_ns() -> float:
    clock = time.perf_counter_ns
    deltas = []
    for _ in range(10_000):
        start = clock()
        deltas.append(clock() - start)
    return statistics.median(deltas)


LABELS = {
    "ours": "ours: Policy.decide (structured)",
    "assess": "ours: assess (full assessment)",
    "zen": "zen-engine on the JDM",
    "spiff": "SpiffWorkflow DMN engine",
}


def report(title: str, timings: dict[str, Timing]) -> list[str]:
    ours = timings["ours"]
    lines = [
        f"{title}",
        f"  {'engine':<34} {'calls':>8} {'median µs':>11} {'p99 µs':>10}"
        f" {'median x':>9} {'p99 x':>8}",
    ]
    for key in ("ours", "assess", "zen", "spiff"):
        t = timings[key]
        lines.append(
            f"  {LABELS[key]:<34} {t.calls:>8} {t.median_us:>11.2f} {t.p99_us:>10.2f}"
            f" {t.median_us / ours.median_us:>8.1f}x {t.p99_us / ours.p99_us:>7.1f}x"
        )
    return lines


def verdicts(name: str, timings: dict[str, Timing]) -> list[str]:
    ours, zen, spiff = timings["ours"], timings["zen"], timings["spiff"]

    def mark(ok: bool) -> str:
        return "met" if ok else "NOT MET"

    return [
        f"  {name}: ours median {ours.median_us:.2f} µs (target <= {TARGET_MEDIAN_US:.0f}): "
        f"{mark(ours.median_us <= TARGET_MEDIAN_US)}; "
        f"zen/ours {zen.median_us / ours.median_us:.1f}x (>= {TARGET_ZEN:.0f}x): "
        f"{mark(zen.median_us / ours.median_us >= TARGET_ZEN)}; "
        f"spiff/ours {spiff.median_us / ours.median_us:.0f}x (>= {TARGET_SPIFF:.0f}x): "
        f"{mark(spiff.median_us / ours.median_us >= TARGET_SPIFF)}"
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--overlay", help="a force overlay id, e.g. example-force")
    parser.add_argument("--random", type=int, default=3000, help="size of the random set")
    parser.add_argument("--seed", type=int, default=20260401)
    parser.add_argument("--quick", action="store_true", help="one round per engine (smoke run)")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core

    policies = load_policy_set()
    policy = policies.overlays[args.overlay] if args.overlay else policies.base
    library, note = scenario_cases(policy)
    if not library:
        note += "; using 200 seeded random calls in its place"
        library = random_cases(policy, 200, args.seed + 1)
    randoms = random_cases(policy, args.random, args.seed)
    sets = {"scenario library": library, f"random set (seed {args.seed})": randoms}

    engines = build_engines(policy)
    print(f"rightcare engine benchmark: {policy!r}")
    print(
        f"  {len(policy.rules)} decision rows, {len(policy.questions)} questions; "
        f"python {platform.python_version()}, zen-engine {version('zen-engine')}, "
        f"SpiffWorkflow {version('spiffworkflow')}; one core; timer overhead "
        f"{timer_overhead_ns():.0f} ns per call (included)"
    )
    print(f"  {note}; random set: {len(randoms)} calls")

    failed = False
    prepared = {name: prepare(policy, cases) for name, cases in sets.items()}
    for name, cases in sets.items():
        wrong = disagreements(engines, prepared[name], cases)
        status = "all agree" if not wrong else f"{len(wrong)} DISAGREEMENTS"
        print(f"  agreement on {name} ({len(cases)} calls): ours, zen, spiff {status}")
        if wrong:
            failed = True
            print("\n".join(wrong[:20]))
    if failed:
        return 1

    summary: list[str] = []
    for name, cases in sets.items():
        timings = {
            key: time_engine(key, call, prepared[name][key], rounds(key, len(cases), args.quick))
            for key, call in engines.items()
        }
        print()
        print("\n".join(report(f"{name}: {len(cases)} calls", timings)))
        inside = zen_self_reported_us(engines["zen"], prepared[name]["zen"])
        print(
            f"  (zen-engine's own figure for the evaluation inside Rust, without the Python "
            f"binding: median {inside:.2f} µs, {inside / timings['ours'].median_us:.1f}x ours)"
        )
        summary += verdicts(name, timings)
    print("\ntargets (ratios are medians):")
    print("\n".join(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
