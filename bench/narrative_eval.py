"""Evaluate the narrative reader against the labelled snippets in tests/data/narratives/.

Prints per-question precision and recall on the development part and each held-back part
separately, overall precision, and the unsafe errors (an expected `yes` read as `no`).

    uv run python bench/narrative_eval.py                   # dev and every spent part
    uv run python bench/narrative_eval.py --part dev        # the part patterns are tuned on
    uv run python bench/narrative_eval.py --part heldout10  # one part only
    uv run python bench/narrative_eval.py --errors          # also list wrong suggestions

`heldout` to `heldout56` were spent when patterns were revised against their errors; each
one's first score, in tests/data/narratives/README.md, is its honest held-back figure. An unspent
part is scored only when named (`--part heldoutN`), never by `all`, so that nobody tuning
patterns sees it by running the default. A part whose file does not exist yet is skipped
with a message. `--errors` lists errors for the parts printed; do not use it on an unspent
held-back part while tuning.

Scoring, per question and snippet: a suggestion (yes or no) is correct if it equals the label;
any other suggestion is a false positive (including one where the label is unknown or
`conflict`). Recall is correct suggestions over labelled yes/no answers. A `conflict` label
is met when the reader lists the question in `conflicts`.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rightcare.narrative import read_narratives

DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "narratives"
PARTS = {
    "dev": ("dev.jsonl", "development part (patterns tuned against it)"),
    "heldout": ("heldout.jsonl", "first held-back part (spent: patterns were revised on it)"),
    "heldout2": ("heldout2.jsonl", "second held-back part (spent: patterns were revised on it)"),
    "heldout3": ("heldout3.jsonl", "third held-back part (spent: patterns were revised on it)"),
    "heldout4": ("heldout4.jsonl", "fourth held-back part (spent: patterns were revised on it)"),
    "heldout5": ("heldout5.jsonl", "fifth held-back part (spent: patterns were revised on it)"),
    "heldout6": ("heldout6.jsonl", "sixth held-back part (spent: patterns were revised on it)"),
    "heldout7": ("heldout7.jsonl", "seventh held-back part (spent: patterns were revised on it)"),
    "heldout8": ("heldout8.jsonl", "eighth held-back part (spent: patterns were revised on it)"),
    "heldout9": ("heldout9.jsonl", "ninth held-back part (spent: patterns were revised on it)"),
    "heldout10": ("heldout10.jsonl", "tenth held-back part (spent: patterns were revised on it)"),
    "heldout11": (
        "heldout11.jsonl",
        "eleventh held-back part (spent: patterns were revised on it)",
    ),
    "heldout12": (
        "heldout12.jsonl",
        "twelfth held-back part (spent: patterns were revised on it)",
    ),
    "heldout13": (
        "heldout13.jsonl",
        "thirteenth held-back part (spent: patterns were revised on it)",
    ),
    "heldout14": (
        "heldout14.jsonl",
        "fourteenth held-back part (spent: patterns were revised on it)",
    ),
    "heldout15": (
        "heldout15.jsonl",
        "fifteenth held-back part (spent: patterns were revised on it)",
    ),
    "heldout16": (
        "heldout16.jsonl",
        "sixteenth held-back part (spent: patterns were revised on it)",
    ),
    "heldout17": (
        "heldout17.jsonl",
        "seventeenth held-back part (spent: patterns were revised on it)",
    ),
    "heldout18": (
        "heldout18.jsonl",
        "eighteenth held-back part (spent: patterns were revised on it)",
    ),
    "heldout19": (
        "heldout19.jsonl",
        "nineteenth held-back part (spent: patterns were revised on it)",
    ),
    "heldout20": (
        "heldout20.jsonl",
        "twentieth held-back part (spent: patterns were revised on it)",
    ),
    "heldout21": (
        "heldout21.jsonl",
        "twenty-first held-back part (spent: patterns were revised on it)",
    ),
    "heldout22": (
        "heldout22.jsonl",
        "twenty-second held-back part (spent: patterns were revised on it)",
    ),
    "heldout23": (
        "heldout23.jsonl",
        "twenty-third held-back part (spent: patterns were revised on it)",
    ),
    "heldout24": (
        "heldout24.jsonl",
        "twenty-fourth held-back part (spent: patterns were revised on it)",
    ),
    "heldout25": (
        "heldout25.jsonl",
        "twenty-fifth held-back part (spent: patterns were revised on it)",
    ),
    "heldout26": (
        "heldout26.jsonl",
        "twenty-sixth held-back part (spent: patterns were revised on it)",
    ),
    "heldout27": (
        "heldout27.jsonl",
        "twenty-seventh held-back part (spent: patterns were revised on it)",
    ),
    "heldout28": (
        "heldout28.jsonl",
        "twenty-eighth held-back part (spent: patterns were revised on it)",
    ),
    "heldout29": (
        "heldout29.jsonl",
        "twenty-ninth held-back part (spent: patterns were revised on it)",
    ),
    "heldout30": (
        "heldout30.jsonl",
        "thirtieth held-back part (spent: patterns were revised on it)",
    ),
    "heldout31": (
        "heldout31.jsonl",
        "thirty-first held-back part (spent: patterns were revised on it)",
    ),
    "heldout32": (
        "heldout32.jsonl",
        "thirty-second held-back part (spent: patterns were revised on it)",
    ),
    "heldout33": (
        "heldout33.jsonl",
        "thirty-third held-back part (spent: patterns were revised on it)",
    ),
    "heldout34": (
        "heldout34.jsonl",
        "thirty-fourth held-back part (spent: its unsafe error was read and fixed)",
    ),
    "heldout35": (
        "heldout35.jsonl",
        "thirty-fifth held-back part (spent: patterns were revised on it)",
    ),
    "heldout36": (
        "heldout36.jsonl",
        "thirty-sixth held-back part (spent: patterns were revised on it)",
    ),
    "heldout37": (
        "heldout37.jsonl",
        "thirty-seventh held-back part (spent: patterns were revised on it)",
    ),
    "heldout38": (
        "heldout38.jsonl",
        "thirty-eighth held-back part (spent: patterns were revised on it)",
    ),
    "heldout39": (
        "heldout39.jsonl",
        "thirty-ninth held-back part (spent: patterns were revised on it)",
    ),
    "heldout40": (
        "heldout40.jsonl",
        "fortieth held-back part (spent: patterns were revised on it)",
    ),
    "heldout41": (
        "heldout41.jsonl",
        "forty-first held-back part (spent: patterns were revised on it)",
    ),
    "heldout42": (
        "heldout42.jsonl",
        "forty-second held-back part (spent: patterns were revised on it)",
    ),
    "heldout43": (
        "heldout43.jsonl",
        "forty-third held-back part (spent: patterns were revised on it)",
    ),
    "heldout44": (
        "heldout44.jsonl",
        "forty-fourth held-back part (spent: patterns were revised on it)",
    ),
    "heldout45": (
        "heldout45.jsonl",
        "forty-fifth held-back part (spent: patterns were revised on it)",
    ),
    "heldout46": (
        "heldout46.jsonl",
        "forty-sixth held-back part (spent: patterns were revised on it)",
    ),
    "heldout47": (
        "heldout47.jsonl",
        "forty-seventh held-back part (spent: patterns were revised on it)",
    ),
    "heldout48": (
        "heldout48.jsonl",
        "forty-eighth held-back part (spent: patterns were revised on it)",
    ),
    "heldout49": (
        "heldout49.jsonl",
        "forty-ninth held-back part (spent: patterns were revised on it)",
    ),
    "heldout50": (
        "heldout50.jsonl",
        "fiftieth held-back part (spent: patterns were revised on it)",
    ),
    "heldout51": (
        "heldout51.jsonl",
        "fifty-first held-back part (spent: patterns were revised on it)",
    ),
    "heldout52": (
        "heldout52.jsonl",
        "fifty-second held-back part (spent: patterns were revised on it)",
    ),
    "heldout53": (
        "heldout53.jsonl",
        "fifty-third held-back part (spent: patterns were revised on it)",
    ),
    "heldout54": (
        "heldout54.jsonl",
        "fifty-fourth held-back part (spent: patterns were revised on it)",
    ),
    "heldout55": (
        "heldout55.jsonl",
        "fifty-fifth held-back part (spent: patterns were revised on it)",
    ),
    "heldout56": (
        "heldout56.jsonl",
        "fifty-sixth held-back part (spent: patterns were revised on it)",
    ),
}
# Scored only when named with --part.
UNSPENT: frozenset[str] = frozenset()


@dataclass
class Score:
    tp: Counter[str] = field(default_factory=Counter)
    fp: Counter[str] = field(default_factory=Counter)
    labelled: Counter[str] = field(default_factory=Counter)
    conflicts_labelled: Counter[str] = field(default_factory=Counter)
    conflicts_found: Counter[str] = field(default_factory=Counter)
    unsafe: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    evidence_overlaps: int = 0

    def precision(self, q: str | None = None) -> float:
        tp = self.tp[q] if q else sum(self.tp.values())
        fp = self.fp[q] if q else sum(self.fp.values())
        return tp / (tp + fp) if tp + fp else float("nan")

    def recall(self, q: str | None = None) -> float:
        tp = self.tp[q] if q else sum(self.tp.values())
        n = self.labelled[q] if q else sum(self.labelled.values())
        return tp / n if n else float("nan")


def load(name: str) -> list[dict[str, Any]]:
    with (DATA / name).open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def evaluate(rows: list[dict[str, Any]]) -> Score:
    score = Score()
    readings = read_narratives(r["text"] for r in rows)
    for row, reading in zip(rows, readings, strict=True):
        expected = row["expected"]
        for q, label in expected.items():
            if label["value"] == "conflict":
                score.conflicts_labelled[q] += 1
                score.conflicts_found[q] += q in reading.conflicts
            else:
                score.labelled[q] += 1
        for q, s in reading.suggestions.items():
            want = expected.get(q, {}).get("value", "unknown")
            if s.value == want:
                score.tp[q] += 1
                ev = expected[q].get("evidence", "")
                i = row["text"].find(ev) if ev else -1
                if i >= 0 and s.start < i + len(ev) and i < s.end:
                    score.evidence_overlaps += 1
            else:
                score.fp[q] += 1
                if want == "yes" and s.value == "no":
                    score.unsafe.append(f"{row['id']} {q}: {row['text']!r}")
                score.errors.append(
                    f"FP {row['id']} {q}: got {s.value} from {s.evidence!r} "
                    f"({','.join(s.context)}) want {want} | {row['text']}"
                )
        for q, label in expected.items():
            if label["value"] in ("yes", "no") and q not in reading.suggestions:
                why = "conflict" if q in reading.conflicts else "missed"
                score.errors.append(
                    f"FN {row['id']} {q}: {why}, want {label['value']} "
                    f"from {label.get('evidence', '')!r} | {row['text']}"
                )
    return score


def table(title: str, rows: list[dict[str, Any]], score: Score) -> str:
    questions = sorted(set(score.labelled) | set(score.fp) | set(score.conflicts_labelled))
    out = [f"## {title}: {len(rows)} snippets", ""]
    out.append(f"| {'question':<28} | labelled | correct | wrong | precision | recall |")
    out.append(f"|{'-' * 30}|---------:|--------:|------:|----------:|-------:|")
    for q in questions:
        out.append(
            f"| {q:<28} | {score.labelled[q]:>8} | {score.tp[q]:>7} | {score.fp[q]:>5} "
            f"| {score.precision(q):>9.2f} | {score.recall(q):>6.2f} |"
        )
    tp, fp = sum(score.tp.values()), sum(score.fp.values())
    out.append(
        f"| {'all questions':<28} | {sum(score.labelled.values()):>8} | {tp:>7} | {fp:>5} "
        f"| {score.precision():>9.3f} | {score.recall():>6.3f} |"
    )
    found, wanted = sum(score.conflicts_found.values()), sum(score.conflicts_labelled.values())
    out += [
        "",
        f"overall precision {score.precision():.3f}, overall recall {score.recall():.3f}",
        f"conflicts labelled {wanted}, reported as conflicts {found}",
        f"evidence overlapping the labelled words: {score.evidence_overlaps} of {tp} correct",
        f"UNSAFE errors (expected yes, read as no): {len(score.unsafe)}",
    ]
    out += [f"  {u}" for u in score.unsafe]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--errors", action="store_true", help="list wrong suggestions")
    parser.add_argument(
        "--part",
        choices=[*PARTS, "both", "all"],
        default="all",
        help="which part to score; `both` and `all` score every spent part and dev, each "
        "separately (an unspent part only when named)",
    )
    args = parser.parse_args(argv)
    every = args.part in ("both", "all")
    names = [p for p in PARTS if p not in UNSPENT] if every else [args.part]
    for name in names:
        filename, title = PARTS[name]
        if not (DATA / filename).exists():
            print(f"## {title}: skipped, {DATA / filename} does not exist (yet)\n")
            continue
        rows = load(filename)
        score = evaluate(rows)
        print(table(title, rows, score))
        if args.errors:
            print(f"\n## {name} errors\n")
            print("\n".join(score.errors))
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
