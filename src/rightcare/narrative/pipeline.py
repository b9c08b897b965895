"""The narrative reader's spaCy pipeline: a blank English one (no model to download) whose
tokenizer reads control-room typing: ages run together and regional spellings."""

from __future__ import annotations

from typing import cast

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.util import compile_prefix_regex, compile_suffix_regex

from rightcare.narrative.dialect import T_PREFIX, set_dialect_norms

# Handlers write ages run together ("15yo", "9yrs"); splitting the number from its unit lets one
# pattern read "15 yo", "15yo" and "15 yrs old" alike.
_AGE_SUFFIX = r"(?<=[0-9])(?:yo|yos|yrs|yr|y)$"


def blank_english() -> Language:
    nlp = spacy.blank("en")
    suffixes = [*nlp.Defaults.suffixes, _AGE_SUFFIX]  # type: ignore[misc]
    tokenizer_of(nlp).suffix_search = compile_suffix_regex(suffixes).search
    # (twelfth round) regional spellings read as the standard word, at no cost per narrative:
    # Yorkshire "t'" split off ("ovver t'edge"), and dialect words given the standard NORM
    prefixes = [T_PREFIX, *nlp.Defaults.prefixes]  # type: ignore[misc]
    tokenizer_of(nlp).prefix_search = compile_prefix_regex(prefixes).search
    set_dialect_norms(nlp.vocab)
    return nlp


def tokenizer_of(nlp: Language) -> Tokenizer:
    # `Language.tokenizer` is typed as any callable; a blank pipeline's is a `Tokenizer`.
    return cast(Tokenizer, nlp.tokenizer)
