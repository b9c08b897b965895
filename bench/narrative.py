"""Latency and throughput of the narrative reader.

Prints the median and p99 latency of `read_narrative` for a 1,000-character narrative on one
core, and the batch throughput of `read_narratives` (narratives per second): on that one core,
and on two cores, where a large batch is shared by two processes (`n_process`).

    uv run python bench/narrative.py

Targets (issue 3): median at most 1 ms, at least 2,000 narratives/second in a batch.
Benchmarks print figures; tests never assert elapsed time.

Figures move with the machine (see bench/machine.py), so two peers are printed beside them,
run in the same process on the same text: spaCy's blank English tokenizer alone (the floor
any spaCy-based reader pays) as a ratio, and the machine yardstick.
"""

from __future__ import annotations

import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

import spacy

from machine import describe, yardstick_ms
from rightcare.narrative import read_narrative, read_narratives

DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "narratives" / "dev.jsonl"
SIZE = 1_000

# One narrative as a handler might type it over a few minutes: about 1,000 characters with
# the density of cues of a real call (the stitched narratives below are far denser).
TYPICAL = (
    "c/s her son (24) has been drinking since this afternoon and is now in his bedroom at the "
    "home address. he has mh issues and is known to the cmht, care coordinator is on leave. "
    "mum says he came home upset after a row with his girlfriend and has been shouting and "
    "banging about, she went up to check on him and he told her to leave him alone. she could "
    "hear him crying through the door. he has told her he cant go on and that everyone would be "
    "better off without him. she does not think he has taken anything but is not sure, there are "
    "tablets in the bathroom cabinet. no weapons that she knows of, he has never been violent to "
    "her. the door is locked and he will not answer her now. dad is on his way back from work, "
    "about 20 mins away. no previous incidents at the address. he was seen by the crisis team "
    "last year after an overdose but has been doing well since. caller is very worried and wants "
    "someone to come and check he is ok. she has tried ringing his phone, no answer. ok to call "
    "back on this number. mum is 52 and lives with him and his younger sister who is 15.. "
)[:SIZE]


def narratives(n: int, seed: int = 7) -> list[str]:
    """`n` narratives of about 1,000 characters, stitched from the development snippets."""
    snippets = [json.loads(line)["text"] for line in DATA.read_text(encoding="utf-8").splitlines()]
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        parts: list[str] = []
        while sum(len(p) + 2 for p in parts) < SIZE:
            parts.append(rng.choice(snippets))
        out.append(". ".join(parts)[:SIZE])
    return out


def main() -> int:
    cores = os.sched_getaffinity(0) if hasattr(os, "sched_getaffinity") else None
    if cores is not None:
        os.sched_setaffinity(0, {min(cores)})  # one core
    texts = narratives(3_000)
    read_narrative(texts[0])  # build the cached pipeline outside the timings
    for t in texts[:200]:
        read_narrative(t)

    def latency(samples: list[str]) -> tuple[float, float]:
        timings = []
        for t in samples:
            start = time.perf_counter()
            read_narrative(t)
            timings.append(time.perf_counter() - start)
        timings.sort()
        return statistics.median(timings) * 1000, timings[int(len(timings) * 0.99) - 1] * 1000

    typical_median, typical_p99 = latency([TYPICAL] * 3_000)
    tokenizer = spacy.blank("en")
    tokenize_ms = []
    for _ in range(3_000):
        start = time.perf_counter()
        tokenizer.make_doc(TYPICAL)
        tokenize_ms.append((time.perf_counter() - start) * 1000)
    tokenize_median = statistics.median(tokenize_ms)
    median, p99 = latency(texts)

    def throughput(batch: list[str]) -> float:
        start = time.perf_counter()
        read_narratives(batch)
        return len(batch) / (time.perf_counter() - start)

    typical_batch, dense_batch = throughput([TYPICAL] * 6_000), throughput(texts * 2)
    print(f"narratives of {SIZE} characters (targets: median <= 1 ms, >= 2,000/s in a batch)")
    print(
        f"one core, typical narrative (bench/narrative.py TYPICAL): median {typical_median:.3f} "
        f"ms, p99 {typical_p99:.3f} ms; batch {typical_batch:,.0f} narratives/s"
    )
    print(
        f"one core, dense narratives stitched from {len(texts)} draws of labelled snippets: "
        f"median {median:.3f} ms, p99 {p99:.3f} ms; batch {dense_batch:,.0f} narratives/s"
    )
    print(
        f"peer, same process, typical narrative: spaCy's blank English tokenizer alone, median "
        f"{tokenize_median:.3f} ms; the reader takes {typical_median / tokenize_median:.1f} times "
        "as long"
    )
    print(describe(yardstick_ms()))
    if cores is not None and len(cores) >= 2:
        os.sched_setaffinity(0, set(sorted(cores)[:2]))
        print(
            f"two cores, batch (two processes): typical {throughput([TYPICAL] * 6_000):,.0f} "
            f"narratives/s, dense {throughput(texts * 2):,.0f} narratives/s"
        )
    else:
        print("two cores: not available on this machine")
    return 0


if __name__ == "__main__":
    sys.exit(main())
