"""Experiment, not adopted: a sentence-embedding backstop for the five critical questions.

The pattern reader's first score on each blind held-back part stays near two thirds recall
(heldout9 0.682, heldout11 0.683, heldout12 0.674), because every new author words risk in ways
no pattern was written for. This asks whether meaning, not wording, would carry over: each
snippet is cut into clauses, each clause embedded with the all-MiniLM-L6-v2 model the
`similar` extra ships (onnxruntime, no download), and a logistic regression per critical
question learns which clauses hold a `yes` label's evidence. Where the reader suggests nothing
for a question (and saw no conflict), a clause scoring at least `--threshold` makes it `yes`.

    uv run --with scikit-learn python bench/narrative_backstop.py \
        --train dev heldout heldout2 ... heldout11 --test heldout12 --threshold 0.7

(scikit-learn is not a project dependency: `--with` brings it from PyPI for this run; the
embedding model comes with the `similar` extra, which the development environment installs.)

Only spent parts may be trained on. To choose a threshold honestly, test on a part the reader
had not been revised against when it is run (a git worktree of the commit before that part was
spent, first on PYTHONPATH), not on a part the reader already reads well. Prints overall
precision and recall, and per critical question recall/precision, for the reader alone and with
the backstop. It is a measurement script: the reader does not use it.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.linear_model import LogisticRegression

from rightcare.narrative import read_narratives
from rightcare.narrative.similar import default_embedder

DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "narratives"
CRITICAL = ("risk_to_life", "serious_harm", "weapon", "medical_emergency", "violence")
# Clause boundaries as handlers type them: full stops, semicolons, commas, dashes, "and then".
_BOUNDARY = re.compile(r"[.;!?\n]+|,\s+|\s+-\s+|\s+(?:and|but|then)\s+")

Row = dict[str, Any]
Span = tuple[int, int, int]  # (row index, start, end)


def load(part: str) -> list[Row]:
    lines = (DATA / f"{part}.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def clauses(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for m in _BOUNDARY.finditer(text):
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        out.append((pos, len(text)))
    return [(a, b) for a, b in out if text[a:b].strip()]


def embed(rows: list[Row]) -> tuple[np.ndarray, list[Span]]:
    spans = [(i, a, b) for i, row in enumerate(rows) for a, b in clauses(row["text"])]
    texts = [rows[i]["text"][a:b] for i, a, b in spans]
    return np.asarray(default_embedder().embed(texts)), spans


def clause_labels(rows: list[Row], spans: list[Span], question: str) -> np.ndarray:
    """1 for a clause that overlaps the evidence of the snippet's `yes` label, else 0."""
    out = []
    for i, a, b in spans:
        label = rows[i]["expected"].get(question)
        hit = 0
        if label and label["value"] == "yes":
            evidence = label.get("evidence", "")
            at = rows[i]["text"].find(evidence)
            hit = int(at >= 0 and a < at + len(evidence) and at < b)
        out.append(hit)
    return np.array(out)


def fit(rows: list[Row]) -> dict[str, LogisticRegression]:
    vectors, spans = embed(rows)
    return {
        q: LogisticRegression(max_iter=2000, class_weight="balanced").fit(
            vectors, clause_labels(rows, spans, q)
        )
        for q in CRITICAL
    }


def score(rows: list[Row], models: dict[str, LogisticRegression] | None, threshold: float) -> str:
    readings = read_narratives(row["text"] for row in rows)
    best: dict[tuple[int, str], float] = {}
    if models:
        vectors, spans = embed(rows)
        for q, model in models.items():
            for (i, _, _), p in zip(spans, model.predict_proba(vectors)[:, 1], strict=True):
                best[(i, q)] = max(best.get((i, q), 0.0), float(p))
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    labelled: Counter[str] = Counter()
    for i, (row, reading) in enumerate(zip(rows, readings, strict=True)):
        expected = row["expected"]
        suggested = {q: s.value.value for q, s in reading.suggestions.items()}
        for q in CRITICAL:
            silent = q not in suggested and q not in reading.conflicts
            if silent and best.get((i, q), 0.0) >= threshold:
                suggested[q] = "yes"
        labelled.update(q for q, label in expected.items() if label["value"] != "conflict")
        for q, value in suggested.items():
            right = value == expected.get(q, {}).get("value", "unknown")
            (tp if right else fp)[q] += 1
    total_tp, total_fp = sum(tp.values()), sum(fp.values())
    critical = sum(tp[q] for q in CRITICAL) / sum(labelled[q] for q in CRITICAL)
    each = "  ".join(
        f"{q} {tp[q] / labelled[q]:.2f}/{tp[q] / max(1, tp[q] + fp[q]):.2f}" for q in CRITICAL
    )
    return (
        f"precision {total_tp / (total_tp + total_fp):.3f}, recall "
        f"{total_tp / sum(labelled.values()):.3f}, critical recall {critical:.3f}\n"
        f"    recall/precision: {each}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--train", nargs="+", required=True, help="spent parts, e.g. dev heldout")
    parser.add_argument("--test", required=True, help="the part to score, e.g. heldout12")
    parser.add_argument("--threshold", type=float, default=0.7)
    args = parser.parse_args(argv)
    if args.test in args.train:
        parser.error("the test part must not be trained on")
    rows = [row for part in args.train for row in load(part)]
    test = load(args.test)
    print(f"trained on {len(rows)} snippets ({', '.join(args.train)}); testing on {args.test}")
    print(f"  reader alone: {score(test, None, 1.0)}")
    print(f"  with backstop at {args.threshold}: {score(test, fit(rows), args.threshold)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
