"""Small helpers shared by the language guidance tests."""

from __future__ import annotations

from rightcare.narrative.language import LanguageFlag, check_language


def terms_in(text: str) -> list[str]:
    return [f.term for f in check_language(text)]


def only_flag(text: str) -> LanguageFlag:
    flags = check_language(text)
    assert len(flags) == 1, [(f.term, f.text) for f in flags]
    return flags[0]
