from collections import Counter
from pathlib import Path

import pytest

from rightcare.narrative.language import (
    LanguageCategory,
    LanguageGuideError,
    default_guide,
    load_guide,
)


def test_the_shipped_list_has_at_least_forty_entries_across_every_category() -> None:
    guide = default_guide()
    assert len(guide.terms) >= 40
    counts = Counter(t.category for t in guide.terms)
    assert set(counts) == set(LanguageCategory)


def test_every_entry_cites_a_published_source_with_title_and_address() -> None:
    guide = default_guide()
    for term in guide.terms:
        source = guide.sources[term.source]
        assert source.title and source.publisher
        assert source.url.startswith(("https://", "http://"))


def test_every_source_is_used() -> None:
    guide = default_guide()
    assert {t.source for t in guide.terms} == set(guide.sources)


def _write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "terms.yaml"
    path.write_text(body, encoding="utf-8")
    return path


_SOURCES = """
version: 1
quoted_advice: "Keep their words in quotes; otherwise use {better}"
sources:
  - {id: samaritans, title: T, publisher: P, year: 2020, url: "https://example.org"}
"""


def test_an_unknown_source_is_reported_with_the_near_miss(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        _SOURCES
        + """
terms:
  - {id: x, category: suicide, match: ["committed suicide"], why: "because it matters",
     better: "died by suicide", source: samaritan}
""",
    )
    expected = r"term `x`: unknown source `samaritan`; did you mean `samaritans`"
    with pytest.raises(LanguageGuideError, match=expected):
        load_guide(path)


def test_a_bad_category_names_the_entry_and_field(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        _SOURCES
        + """
terms:
  - {id: y, category: suicdie, match: ["committed suicide"], why: "because it matters",
     better: "died by suicide", source: samaritans}
""",
    )
    with pytest.raises(LanguageGuideError, match=r"terms.yaml: term `y`, field `category`"):
        load_guide(path)


def test_an_unbalanced_phrase_names_the_entry(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        _SOURCES
        + """
terms:
  - {id: z, category: suicide, match: ["{committed suicide"], why: "because it matters",
     better: "died by suicide", source: samaritans}
""",
    )
    with pytest.raises(LanguageGuideError, match=r"term `z`: unbalanced"):
        load_guide(path)


def test_a_small_custom_list_is_used_as_written(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        _SOURCES
        + """
terms:
  - {id: z, category: suicide, match: ["{commit|committed} suicide"], why: "because it matters",
     better: "died by suicide", source: samaritans}
""",
    )
    flags = load_guide(path).check('He said "I will commit suicide".')
    assert [(f.term, f.quoted) for f in flags] == [("z", True)]
    assert flags[0].advice == "Keep their words in quotes; otherwise use died by suicide"
