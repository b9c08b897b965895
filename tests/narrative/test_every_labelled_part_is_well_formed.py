"""Every labelled part of the narrative corpus, spent or not, is well formed: one JSON object a
line with an id, a text and its expected answers; ids unique across the corpus; each answer
`yes`, `no` or `conflict` for a question the national pack asks or the reader has patterns
for; each evidence an exact piece of
its text. This reads the labels only, never the reader, so it spends no blind part."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import rightcare.narrative
from rightcare.engine.store import load_policy_set

CORPUS = Path(__file__).resolve().parents[1] / "data" / "narratives"
PARTS = sorted(CORPUS.glob("*.jsonl"))
VALUES = {"yes", "no", "conflict"}
PATTERNS = Path(rightcare.narrative.__file__).parent / "patterns"


def _known_questions() -> set[str]:
    asked = set(load_policy_set().for_force(None).question_by_id)
    read = {path.stem for path in PATTERNS.glob("*.yaml") if not path.stem.startswith("_")}
    return asked | read


def _rows(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def test_the_corpus_has_a_development_part_and_held_back_parts() -> None:
    names = {path.name for path in PARTS}
    assert "dev.jsonl" in names
    assert len([name for name in names if name.startswith("heldout")]) >= 13


@pytest.mark.parametrize("path", PARTS, ids=lambda path: path.name)
def test_each_label_names_a_pack_question_a_value_and_evidence_from_its_text(path: Path) -> None:
    questions = _known_questions()
    problems = []
    for row in _rows(path):
        assert set(row) == {"id", "text", "expected"}, row.get("id")
        for question, label in row["expected"].items():
            where = f"{row['id']} {question}"
            if question not in questions:
                problems.append(f"{where}: neither the pack nor the reader knows it")
            if label.get("value") not in VALUES:
                problems.append(f"{where}: value {label.get('value')!r}")
            evidence = label.get("evidence")
            if evidence is not None and evidence not in row["text"]:
                problems.append(f"{where}: evidence {evidence!r} is not in the text")
    assert not problems, problems[:10]


def test_no_id_is_used_twice_across_the_corpus() -> None:
    seen: dict[str, str] = {}
    twice = []
    for path in PARTS:
        for row in _rows(path):
            if row["id"] in seen:
                twice.append(f"{row['id']} in {seen[row['id']]} and {path.name}")
            seen[row["id"]] = path.name
    assert not twice, twice[:10]
