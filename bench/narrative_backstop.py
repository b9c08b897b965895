"""Experiment: a sentence-embedding backstop for the five critical questions.

The pattern reader's first score on each blind held-back part stays near two thirds recall
(heldout9 0.682, heldout11 0.683, heldout12 0.674), because every new author words risk in ways
no pattern was written for. This asks whether meaning, not wording, would carry over: each
snippet is cut into clauses, each clause embedded with the all-MiniLM-L6-v2 model the
`similar` extra ships (onnxruntime, no download), and a logistic regression per critical
question learns which clauses hold a `yes` label's evidence. Where the reader suggests nothing
for a question (and saw no conflict), a clause that passes makes the answer `yes`.

A clause passes when its regression score is at least `--threshold` and, with `--knn K`, when
at least `--knn-threshold` of its K nearest training clauses (cosine) hold that question's
`yes` evidence: two signals. With `--gate policy` a clause is skipped for a question when the
reader's own context module (`rightcare.narrative.context`, the reader's triggers and scope
rule) puts it in a context that question's policy drops (negated, hypothetical without a
threat made now, historical, family history ...). `--features emb+ctx` adds those context
categories (inside the clause, and reaching it from outside) to the regression's inputs.

    uv run --with scikit-learn python bench/narrative_backstop.py \
        --train dev heldout heldout2 ... heldout11 --test heldout12 \
        --features emb+ctx --gate policy --C 10 --knn 10 --threshold 0.5 --knn-threshold 0.5
    uv run --with scikit-learn python bench/narrative_backstop.py --train ... --cv  # no test

`--cv` is leave-one-part-out over the training parts. The reader was revised against every one
of them, so it is rarely silent on their `yes` labels: the figures to read there are the
backstop's wrong `yes` answers per 120 snippets (on snippets where the reader said nothing) and
its recall over all `yes` labels, reader or not (an upper bound on what it finds where the
reader is blind). Run with a frozen reader (a worktree first on PYTHONPATH); embeddings and
readings are cached per part under /tmp (see `narrative_backstop_data.py`). scikit-learn is not
a project dependency: `--with` brings it for the run. A measurement script: the reader does not
use it.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter

import numpy as np
from sklearn.linear_model import LogisticRegression

import rightcare
from narrative_backstop_data import CATEGORIES, CRITICAL, Part, clause_labels, part
from rightcare.narrative.context import Category
from rightcare.narrative.cues import _reader

Scores = dict[tuple[int, str], tuple[float, float]]  # (snippet, question) -> (lr, knn)
_COL = {c: n for n, c in enumerate(CATEGORIES)}


def features(p: Part, kind: str) -> np.ndarray:
    return np.hstack([p.vectors, p.inside, p.outside]) if kind == "emb+ctx" else p.vectors


def allowed(p: Part, question: str, gate: str) -> np.ndarray:
    """Clauses the backstop may use for `question`: with `policy`, none the reader's context
    module puts in a context the question's own policy drops, and none negated."""
    if gate == "none":
        return np.ones(len(p.spans), dtype=bool)
    dropped, drop_hypothetical, keep_threat = _reader().rules[question]
    flags = np.maximum(p.inside, p.outside) > 0
    bad = flags[:, _COL[Category.NEGATED]].copy()
    for category in dropped:
        bad |= flags[:, _COL[category]]
    if drop_hypothetical:
        hyp = flags[:, _COL[Category.HYPOTHETICAL]]
        bad |= hyp & ~flags[:, _COL[Category.THREAT]] if keep_threat else hyp
    return ~bad


def backstop(train: list[Part], test: Part, args: argparse.Namespace) -> Scores:
    """The best (regression, neighbours) pair over each snippet's allowed clauses, where the
    pair's worse signal decides which is best."""
    x_train = np.vstack([features(p, args.features) for p in train])
    x_test = features(test, args.features)
    near = None
    if args.knn:
        sims = test.vectors @ np.vstack([p.vectors for p in train]).T
        near = np.argpartition(-sims, args.knn, axis=1)[:, : args.knn]
    best: Scores = {}
    for q in CRITICAL:
        y = np.concatenate([clause_labels(p, q) for p in train])
        model = LogisticRegression(
            max_iter=3000, C=args.C, class_weight="balanced" if args.balanced else None
        )
        lr = model.fit(x_train, y).predict_proba(x_test)[:, 1]
        knn = y[near].mean(axis=1) if near is not None else np.ones(len(lr))
        ok_clauses = allowed(test, q, args.gate)
        for (i, _, _), s, k, ok in zip(test.spans, lr, knn, ok_clauses, strict=True):
            old = best.get((i, q))
            if ok and (old is None or min(s, k) > min(old)):
                best[(i, q)] = (float(s), float(k))
    return best


def passes(score: tuple[float, float] | None, args: argparse.Namespace) -> bool:
    return score is not None and score[0] >= args.threshold and score[1] >= args.knn_threshold


class Tally:
    """Counts over one or more scored parts: the reader's answers, the backstop's added ones."""

    def __init__(self) -> None:
        self.tp: Counter[str] = Counter()
        self.fp: Counter[str] = Counter()
        self.labelled: Counter[str] = Counter()
        self.added_tp: Counter[str] = Counter()
        self.added_fp: Counter[str] = Counter()
        self.yes: Counter[str] = Counter()  # `yes` labels
        self.found: Counter[str] = Counter()  # `yes` labels the backstop passes, reader or not
        self.snippets = 0

    def add(self, p: Part, best: Scores | None, args: argparse.Namespace) -> None:
        self.snippets += len(p.rows)
        for i, row in enumerate(p.rows):
            expected = row["expected"]
            suggested = dict(p.suggested[i])
            self.labelled.update(q for q, lab in expected.items() if lab["value"] != "conflict")
            for q in CRITICAL:
                hit = best is not None and passes(best.get((i, q)), args)
                is_yes = expected.get(q, {}).get("value") == "yes"
                self.yes[q] += is_yes
                self.found[q] += is_yes and hit
                if hit and q not in suggested and q not in p.conflicts[i]:
                    (self.added_tp if is_yes else self.added_fp)[q] += 1
            for q, value in suggested.items():
                right = value == expected.get(q, {}).get("value", "unknown")
                (self.tp if right else self.fp)[q] += 1

    def report(self, with_backstop: bool) -> str:
        tp, fp = sum(self.tp.values()), sum(self.fp.values())
        atp, afp = sum(self.added_tp.values()), sum(self.added_fp.values())
        if not with_backstop:
            atp = afp = 0
        crit = sum(self.labelled[q] for q in CRITICAL)
        crit_tp = sum(self.tp[q] + with_backstop * self.added_tp[q] for q in CRITICAL)
        lines = [
            f"precision {(tp + atp) / (tp + fp + atp + afp):.3f}, recall "
            f"{(tp + atp) / sum(self.labelled.values()):.3f}, critical recall {crit_tp / crit:.3f}"
        ]
        each = []
        for q in CRITICAL:
            a, b = self.tp[q] + with_backstop * self.added_tp[q], with_backstop * self.added_fp[q]
            each.append(f"{q} {a / self.labelled[q]:.2f}/{a / max(1, a + self.fp[q] + b):.2f}")
        lines.append("recall/precision: " + "  ".join(each))
        if with_backstop:
            added = "  ".join(
                f"{q} {self.added_tp[q]}/{self.added_tp[q] + self.added_fp[q]}" for q in CRITICAL
            )
            lines.append(
                f"added yes right/all: {atp}/{atp + afp} ({atp / max(1, atp + afp):.2f}): {added}"
            )
        return "\n    ".join(lines)

    def proxy(self) -> str:
        """Cross-validation figures on spent parts (see the module docstring)."""
        wrong = sum(self.added_fp.values()) / self.snippets * 120
        found = sum(self.found.values()) / sum(self.yes.values())
        each = "  ".join(
            f"{q} {self.added_fp[q]}/{self.found[q] / self.yes[q]:.2f}" for q in CRITICAL
        )
        return (
            f"wrong added yes per 120 snippets {wrong:.1f}, recall over all yes labels "
            f"{found:.2f}\n    wrong added / recall over yes: {each}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--train", nargs="+", required=True, help="spent parts, e.g. dev heldout")
    parser.add_argument("--test", help="the part to score, e.g. heldout12")
    parser.add_argument("--cv", action="store_true", help="leave-one-part-out over --train")
    parser.add_argument("--features", choices=("emb", "emb+ctx"), default="emb")
    parser.add_argument("--gate", choices=("none", "policy"), default="none")
    parser.add_argument("--C", type=float, default=1.0)
    parser.add_argument("--balanced", action="store_true", help="class_weight='balanced'")
    parser.add_argument("--threshold", type=float, default=0.7)
    parser.add_argument("--knn", type=int, default=0, help="neighbours for the second signal")
    parser.add_argument("--knn-threshold", type=float, default=0.0)
    args = parser.parse_args(argv)
    if args.test in args.train:
        parser.error("the test part must not be trained on")
    print(f"reader: {rightcare.__file__}")
    train = [part(name) for name in args.train]
    if args.cv:
        tally = Tally()
        for n, held in enumerate(train):
            tally.add(held, backstop(train[:n] + train[n + 1 :], held, args), args)
        print(f"leave-one-part-out over {len(train)} parts ({tally.snippets} snippets):")
        print(f"  reader alone: {tally.report(False)}")
        print(f"  with backstop: {tally.report(True)}")
        print(f"  {tally.proxy()}")
    if args.test:
        test = part(args.test)
        alone, backed = Tally(), Tally()
        alone.add(test, None, args)
        backed.add(test, backstop(train, test, args), args)
        print(f"trained on {sum(len(p.rows) for p in train)} snippets; testing on {args.test}")
        print(f"  reader alone: {alone.report(False)}")
        print(f"  with backstop: {backed.report(True)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
