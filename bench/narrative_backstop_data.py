"""What `narrative_backstop.py` learns from, per part, computed once and cached under /tmp.

For each snippet: its clauses (character spans), each clause's MiniLM embedding, the context
categories the reader's own ConText module (`rightcare.narrative.context`) puts the clause in
(triggers inside the clause, and triggers outside it whose scope reaches it), and the reader's
suggestions and conflicts. The cache file is keyed by the part's contents and by which copy of
the reader was imported, so a frozen reader and the one being edited never share a cache.
"""

from __future__ import annotations

import hashlib
import json
import pickle
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

import rightcare
from rightcare.narrative import read_narratives
from rightcare.narrative.context import Category, context_of, reach_of, scope_of
from rightcare.narrative.cues import _reader
from rightcare.narrative.pipeline import tokenizer_of
from rightcare.narrative.similar import default_embedder
from rightcare.narrative.tokenregex import token_string

DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "narratives"
CACHE = Path("/tmp/rightcare-backstop-cache")
CRITICAL = ("risk_to_life", "serious_harm", "weapon", "medical_emergency", "violence")
# Clause boundaries as handlers type them: full stops, semicolons, commas, dashes, "and then".
_BOUNDARY = re.compile(r"[.;!?\n]+|,\s+|\s+-\s+|\s+(?:and|but|then)\s+")
# The context categories a clause may be in, inside it or reaching it from outside.
CATEGORIES = tuple(c for c in Category if c is not Category.PSEUDO)

Row = dict[str, Any]


@dataclass
class Part:
    name: str
    rows: list[Row]
    spans: list[tuple[int, int, int]]  # (row index, start, end) of each clause
    vectors: np.ndarray  # (clauses, 384) clause embeddings
    inside: np.ndarray  # (clauses, categories) 0/1: a trigger of that category in the clause
    outside: np.ndarray  # (clauses, categories) 0/1: a trigger outside whose scope reaches it
    suggested: list[dict[str, str]]  # the reader's suggestion per question, per snippet
    conflicts: list[tuple[str, ...]]


def load_rows(part: str) -> list[Row]:
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


def clause_contexts(text: str, spans: list[tuple[int, int]]) -> tuple[np.ndarray, np.ndarray]:
    """The reader's context triggers for each clause, found with the reader's own matchers,
    trigger list and scope rule (`context_of`), as (inside, outside) 0/1 category arrays."""
    reader = _reader()
    doc = tokenizer_of(reader.nlp)(text)
    tokens = token_string(doc)
    phrases = [m for m in reader.phrases(doc) if m[0] not in reader.cues]
    triggers = [t for t in reader._triggers(phrases, tokens) if t.category is not Category.PSEUDO]
    scope = scope_of(doc, tokens.norms, tokens.spaces, *reader.terminator_ids)
    starts, reach = [t.start for t in triggers], reach_of(triggers)
    column = {c: n for n, c in enumerate(CATEGORIES)}
    inside = np.zeros((len(spans), len(CATEGORIES)), dtype=np.float32)
    outside = np.zeros_like(inside)
    for k, (a, b) in enumerate(spans):
        toks = [i for i, s in enumerate(tokens.char_start) if a <= s < b]
        if not toks:
            continue
        first, last = toks[0], toks[-1] + 1
        for t in triggers:
            if t.start >= first and t.end <= last:
                inside[k, column[t.category]] = 1
        for c in context_of(first, last, triggers, starts, scope, reach).categories:
            outside[k, column[c]] = 1
    return inside, outside


def part(name: str) -> Part:
    raw = (DATA / f"{name}.jsonl").read_bytes()
    key = hashlib.sha256(raw + rightcare.__file__.encode()).hexdigest()[:16]
    path = CACHE / f"{name}-{key}.pkl"
    if path.exists():
        return pickle.loads(path.read_bytes())
    rows = load_rows(name)
    spans = [(i, a, b) for i, row in enumerate(rows) for a, b in clauses(row["text"])]
    vectors = np.asarray(default_embedder().embed([rows[i]["text"][a:b] for i, a, b in spans]))
    inside, outside = [], []
    for i, row in enumerate(rows):
        ins, outs = clause_contexts(row["text"], [(a, b) for j, a, b in spans if j == i])
        inside.append(ins)
        outside.append(outs)
    readings = read_narratives(row["text"] for row in rows)
    result = Part(
        name,
        rows,
        spans,
        vectors,
        np.concatenate(inside),
        np.concatenate(outside),
        [{q: s.value.value for q, s in r.suggestions.items()} for r in readings],
        [tuple(r.conflicts) for r in readings],
    )
    CACHE.mkdir(exist_ok=True)
    path.write_bytes(pickle.dumps(result))
    return result


def clause_labels(p: Part, question: str) -> np.ndarray:
    """1 for a clause that overlaps the evidence of the snippet's `yes` label, else 0."""
    out = []
    for i, a, b in p.spans:
        label = p.rows[i]["expected"].get(question)
        hit = 0
        if label and label["value"] == "yes":
            evidence = label.get("evidence", "")
            at = p.rows[i]["text"].find(evidence)
            hit = int(at >= 0 and a < at + len(evidence) and at < b)
        out.append(hit)
    return np.array(out)
