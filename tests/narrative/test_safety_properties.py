"""The safety rules of issue 3 part 2, as properties over generated narratives."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rightcare.engine.vocab import Answer
from rightcare.narrative import read_narrative

# Words handlers use, cue words, context triggers and noise, so generated text exercises the
# negation, context and conflict logic rather than only random letters.
VOCAB = [
    "no",
    "not",
    "nt",
    "never",
    "denies",
    "none",
    "-",
    ",",
    ".",
    "and",
    "but",
    "if",
    "might",
    "have",
    "last",
    "year",
    "her",
    "brother",
    "caller",
    "says",
    "knife",
    "blade",
    "weapons",
    "suicidal",
    "on",
    "the",
    "bridge",
    "od",
    "took",
    "all",
    "tablets",
    "injured",
    "hurt",
    "violent",
    "punched",
    "him",
    "da",
    "sectioned",
    "missing",
    "15yo",
    "34yo",
    "at",
    "home",
    "breathing",
    "unconscious",
    "threatening",
    "to",
    "jump",
    "kill",
    "himself",
    "a&e",
    "walked",
    "out",
    "of",
    "gp",
    "door",
    "locked",
    "cant",
    "get",
    "in",
    "history",
    "possibly",
    "hx",
    "ago",
    "years",
    "2",
    "family",
    "died",
    "by",
    "suicide",
    "ligature",
    "\n",
]
NEGATION_WORDS = (
    "no",
    "not",
    "nt",
    "n't",
    "never",
    "none",
    "nil",
    "denies",
    "denied",
    "deny",
    "without",
    "unarmed",
    "unhurt",
    "uninjured",
    "unharmed",
    "unscathed",
    "informal",
    "voluntary",
    "fit",
    "still",
    "key",
    "keys",
    "open",
    "latch",
    "insecure",
    "in",
    "let",
    "gone",
    "got",
    "attended",
    "answered",
    "opened",
    "came",
    "returned",
    "found",
    "located",
    "home",
    "safe",
    "adult",
    "verbal",
    "will",
    "convey",
    "conveying",
    "taking",
    "take",
    "unknown",
    "idea",
    "know",
    "find",
    "locate",
    "whereabouts",
    "nobody",
    "noone",
    "zero",
    "free",
)
RISK_QUESTIONS = (
    "crime",
    "risk_to_life",
    "serious_harm",
    "weapon",
    "violence",
    "medical_emergency",
    "domestic_abuse",
)

words = st.lists(st.sampled_from(VOCAB), max_size=40).map(" ".join)
mixed = st.one_of(words, st.text(max_size=200))
relaxed = settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)


def _has_explicit_no_word(evidence: str) -> bool:
    lowered = evidence.lower()
    tokens = lowered.replace("-", " ").replace(",", " ").split()
    return any(w in tokens or w in lowered for w in NEGATION_WORDS) or any(
        ch.isdigit() for ch in lowered
    )


@relaxed
@given(mixed)
def test_a_no_always_comes_with_explicit_words_in_its_evidence(text: str) -> None:
    for suggestion in read_narrative(text).suggestions.values():
        if suggestion.value is Answer.NO:
            assert _has_explicit_no_word(suggestion.evidence), suggestion


@relaxed
@given(mixed)
def test_evidence_offsets_always_slice_the_original_text(text: str) -> None:
    for suggestion in read_narrative(text).suggestions.values():
        assert text[suggestion.start : suggestion.end] == suggestion.evidence
        assert suggestion.evidence.strip()


@relaxed
@given(mixed)
def test_a_question_is_never_both_suggested_and_in_conflict(text: str) -> None:
    reading = read_narrative(text)
    assert not set(reading.suggestions) & set(reading.conflicts)


@relaxed
@given(words, words)
def test_appending_unrelated_text_never_removes_a_yes(text: str, more: str) -> None:
    before = read_narrative(text)
    extra = read_narrative(more)
    joined = read_narrative(text + "\n" + more)
    for question, suggestion in before.suggestions.items():
        unrelated = question not in extra.suggestions and question not in extra.conflicts
        if suggestion.value is Answer.YES and unrelated:
            assert joined.suggestions[question].value is Answer.YES


@relaxed
@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz ,.", max_size=300))
def test_text_without_cues_never_gives_a_no_for_a_risk_question(text: str) -> None:
    reading = read_narrative(text)
    for question in RISK_QUESTIONS:
        suggestion = reading.suggestions.get(question)
        if suggestion is not None and suggestion.value is Answer.NO:
            assert _has_explicit_no_word(suggestion.evidence)


@relaxed
@given(words)
def test_hypothetical_or_historical_context_never_gives_a_risk_yes_or_no(text: str) -> None:
    # "if ..." at the start puts everything up to the first full stop in a hypothetical scope.
    reading = read_narrative("if " + text.split(".")[0].split("\n")[0][:40])
    for question in ("risk_to_life", "serious_harm"):
        suggestion = reading.suggestions.get(question)
        if suggestion is not None:
            assert "hypothetical" not in suggestion.context
