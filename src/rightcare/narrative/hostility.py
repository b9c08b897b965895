"""Whether a narrative speaks of a threat or an intent to harm anywhere (twentieth round).

A denial of blows ("he hasnt touched anyone", "nobody hit anyone", "no one touched her") speaks
to a blow struck, not to violence as a whole: a threat is violence too. The nineteenth round let
a threat stand over such a denial only where a threat pattern read the threat, and h19-0084 ("
threatening to 'deal with' anyone who sits near him ... voices are telling him to hurt the
driver ... he hasnt touched anyone") showed that a threat no pattern reads left the denial to
stand alone as a violence `no`. So a denial of blows only counts as a `no` where nothing in the
narrative speaks of threats, hostility towards someone or an intent to harm: a few words and
word pairs, looked up in the narrative's words (a set test, no pattern run), wide on purpose.
The cost, measured over the development part and every spent part, is in the corpus README.
"""

from __future__ import annotations

from rightcare.narrative.tokenregex import TokenString

# Any one of these words anywhere: a threat, hostility or menace is spoken of.
_WORDS = frozenset(
    {
        "threat", "threats", "threaten", "threatens", "threatened", "threatening", "threatin",
        "threatnin", "threating", "thretening", "threatning", "menacing", "menaced",
        "intimidating", "intimidated", "intimidate", "hostile", "aggressive", "aggresive",
        "aggro", "aggression", "abusive", "abuse", "raging", "kill", "killin", "murder",
        "stab", "shank", "batter", "lamp", "glass", "knock", "smash", "squaring", "fists",
        "fist", "swinging", "revenge", "vowing", "vowed",
    }
)  # fmt: skip
# A word followed, one or two tokens on, by one of these: "deal with him", "sort you out",
# "'do' him", "shouting at her", "going for him", "voices telling him to hurt".
_PERSONS = frozenset(
    {
        "him", "her", "you", "them", "anyone", "anybody", "everyone", "everybody", "yous",
        "youse", "ya", "us", "whoever", "somebody", "someone", "staff",
    }
)  # fmt: skip
_BEFORE_A_PERSON = frozenset(
    {"deal", "sort", "do", "shouting", "screaming", "yelling", "going", "gone", "went"}
)
_DONE_TO = frozenset({"him", "anyone", "anybody", "everyone", "everybody", "somebody", "someone"})
_AFTER = {
    "deal": frozenset({"with"}),
    "shouting": frozenset({"at"}),
    "screaming": frozenset({"at"}),
    "yelling": frozenset({"at"}),
    "going": frozenset({"for"}),
    "gone": frozenset({"for"}),
    "went": frozenset({"for"}),
}
# Words of intent before "hurt" or "harm": "to hurt", "gonna hurt", "he'll harm".
_INTENT = frozenset({"to", "gonna", "going", "will", "ll", "'ll", "wanna", "wants", "would"})
_HARM = ("hurt", "harm", "injure")


def _towards_someone(word: str, following: list[str]) -> bool:
    """Whether `word` and the (one or two) words after it are aimed at a person."""
    after = _AFTER.get(word)
    if after is None:
        return following[0] in (_DONE_TO if word == "do" else _PERSONS)
    # "shouting at each other" is a row between two, not a threat to one, and "deal with it"
    # is no threat to anyone
    return (
        following[0] in after
        and following[1:2] != ["each"]
        and (word != "deal" or following[1:2] not in (["it"], ["this"], ["that"]))
    )


def speaks_of_harm(tokens: TokenString) -> bool:
    """True if the narrative speaks of a threat, hostility to someone or an intent to harm."""
    words = tokens.words
    if not words.isdisjoint(_WORDS):
        return True
    parts, positions = tokens.parts, tokens.positions
    for word in _BEFORE_A_PERSON & words:
        for i in positions[word]:
            following = [p for p in parts[i + 1 : i + 5] if not p.isspace() and p != "'"][:2]
            if following and _towards_someone(word, following):
                return True
    for word in _HARM:
        for i in positions.get(word, ()):
            before = [p for p in parts[max(0, i - 3) : i] if not p.isspace()]
            if before and before[-1] in _INTENT:
                return True
    return False
