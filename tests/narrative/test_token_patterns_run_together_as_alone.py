"""Token patterns run together (anchored through one word index) find what each finds alone."""

import json
from pathlib import Path

from rightcare.narrative.cues import _reader
from rightcare.narrative.patterns import load_question_patterns
from rightcare.narrative.patternset import PatternSet
from rightcare.narrative.tokenregex import compile_pattern, find, token_string

DEV = Path(__file__).resolve().parents[1] / "data" / "narratives" / "dev.jsonl"


def test_a_pattern_set_finds_the_same_spans_as_each_pattern_alone() -> None:
    patterns = [
        compile_pattern(tokens)
        for spec in load_question_patterns().values()
        for pattern in spec.patterns
        for tokens in pattern.tokens
    ]
    together = PatternSet(patterns)
    nlp = _reader().nlp
    lines = DEV.read_text(encoding="utf-8").splitlines()
    texts = [json.loads(line)["text"] for line in lines]
    # Several snippets at once, as a long narrative would have them, and each on its own.
    for text in [*texts, ". ".join(texts[:40]), "\n".join(texts[40:80])]:
        tokens = token_string(nlp.make_doc(text))
        alone = [(n, spans) for n, p in enumerate(patterns) if (spans := find(p, tokens))]
        assert together.find_all(tokens) == alone, text


def test_a_word_list_matches_whole_words_only() -> None:
    # Word lists are compiled as a trie ("in(?:side)?"); a prefix of a listed word is no match.
    pattern = compile_pattern([{"NORM": {"IN": ["in", "inside", "a&e", "ae"]}}, {"NORM": "the"}])
    nlp = _reader().nlp
    for text, expected in [
        ("inside the house", [(0, 2)]),
        ("in the house", [(0, 2)]),
        ("ins the house", []),
        ("at a&e the nurse", [(1, 3)]),
    ]:
        assert find(pattern, token_string(nlp.make_doc(text))) == expected, text
