"""Pattern files are data a reviewer can read; mistakes in them are named clearly."""

from pathlib import Path

import pytest

from rightcare.narrative.patterns import PATTERN_DIR, PatternFileError, load_question_patterns


def test_every_pattern_has_an_example_or_a_comment() -> None:
    for spec in load_question_patterns().values():
        for pattern in spec.patterns:
            assert pattern.example or pattern.comment, f"{spec.question}/{pattern.id}"


def test_a_new_question_needs_only_a_new_file(tmp_path: Path) -> None:
    (tmp_path / "fire_risk.yaml").write_text(
        "question: fire_risk\n"
        "patterns:\n"
        "  - id: smoke\n"
        "    answer: yes\n"
        "    example: smoke coming from the flat\n"
        "    phrases: [smoke, fire]\n",
        encoding="utf-8",
    )
    specs = load_question_patterns(tmp_path)
    assert specs["fire_risk"].patterns[0].answer == "yes"


def test_a_file_named_for_another_question_is_refused(tmp_path: Path) -> None:
    (tmp_path / "weapon.yaml").write_text(
        "question: wepon\npatterns:\n  - {id: a, answer: yes, phrases: [knife]}\n",
        encoding="utf-8",
    )
    with pytest.raises(PatternFileError, match=r"weapon\.yaml"):
        load_question_patterns(tmp_path)


def test_only_a_yes_pattern_may_turn_into_no_when_negated(tmp_path: Path) -> None:
    (tmp_path / "weapon.yaml").write_text(
        "question: weapon\npatterns:\n"
        "  - {id: a, answer: no, when_negated: no, phrases: [unarmed]}\n",
        encoding="utf-8",
    )
    with pytest.raises(PatternFileError, match="when_negated"):
        load_question_patterns(tmp_path)


def test_the_shipped_files_all_load() -> None:
    assert len(list(PATTERN_DIR.glob("*.yaml"))) - 1 == len(load_question_patterns())


def test_near_words_must_be_single_lower_case_words(tmp_path: Path) -> None:
    (tmp_path / "weapon.yaml").write_text(
        "question: weapon\npatterns:\n"
        "  - id: bottle\n"
        "    answer: yes\n"
        "    example: fighting with a bottle\n"
        "    phrases: [bottle]\n"
        "    near: {words: [Fighting, in a fight]}\n",
        encoding="utf-8",
    )
    with pytest.raises(PatternFileError, match="near"):
        load_question_patterns(tmp_path)


def test_the_three_overdose_patterns_are_the_same() -> None:
    # An overdose is read for three questions; a drug added to one file must be in all three.
    specs = load_question_patterns()
    overdoses = [
        next(p for p in specs[q].patterns if p.id == "overdose")
        for q in ("risk_to_life", "medical_emergency", "serious_harm")
    ]
    assert all(o.phrases == overdoses[0].phrases for o in overdoses)
    assert all(o.tokens == overdoses[0].tokens for o in overdoses)


def test_a_key_given_twice_is_refused_not_silently_dropped(tmp_path: Path) -> None:
    (tmp_path / "weapon.yaml").write_text(
        "question: weapon\npatterns:\n"
        "  - id: knife\n"
        "    answer: yes\n"
        "    example: he has a knife\n"
        "    phrases: [knife]\n"
        "    phrases: [blade]\n",
        encoding="utf-8",
    )
    with pytest.raises(PatternFileError, match="given twice"):
        load_question_patterns(tmp_path)
