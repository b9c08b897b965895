"""A yardstick for the machine a benchmark ran on, measured in the benchmark's own process.

Benchmark figures move with the machine: the same commit read a 1,000-character narrative in
0.45 ms on one development VM and in 1.6 ms on another of the same kind (2 cores) a few hours
later. Each benchmark prints this yardstick beside its figures, so two runs can be compared
by their ratio to it rather than by their raw times; and it prints ratios to a peer run in the
same process (e.g. the reader against spaCy's tokenizer alone), which hold across machines.

The yardstick is a fixed piece of pure-Python work (dict, str and int operations, no I/O, no
allocation growth), timed several times; the fastest run is reported, since slower runs measure
the neighbours, not the machine.
"""

from __future__ import annotations

import time

ROUNDS = 7


def _work() -> int:
    table: dict[str, int] = {}
    total = 0
    for i in range(200_000):
        key = f"k{i % 997}"
        table[key] = table.get(key, 0) + i
        total += len(key) * (i & 7)
    return total + len(table)


def yardstick_ms(rounds: int = ROUNDS) -> float:
    """Milliseconds for the fixed work on this machine, now (best of `rounds`)."""
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        _work()
        best = min(best, time.perf_counter() - start)
    return best * 1000


def describe(ms: float) -> str:
    return (
        f"machine yardstick (bench/machine.py, fixed pure-Python work, best of {ROUNDS}): "
        f"{ms:.1f} ms; compare runs on different machines by their ratio to it"
    )


if __name__ == "__main__":
    print(describe(yardstick_ms()))
