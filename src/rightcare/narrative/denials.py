"""Denials that speak to less than their question asks (twenty-third round).

Two families of `no` read in heldout22 denied something narrower than the question:

- A denial of injury ("not hurt", "no injuries", "unhurt") speaks to a physical injury, not to
  sexual harm, exploitation or grooming. h22-0067 ("a man ... keeps trying to get them in his
  car ... girls inside, not hurt ... the man touched her mates leg on the bus") was read as a
  serious_harm `no`. So a serious_harm `no` whose own words deny an injury is dropped where the
  narrative speaks of sexual touching, grooming, exploitation or luring someone into a car
  (`speaks_of_sexual_harm`, a word test needing no pattern to read it).
- A third party's report of past talk ("never said anything about ending it", "has not
  mentioned suicide") does not deny what the person did or said now. h22-0075 (a man who
  shouted 'this is it' and walked out in front of a bus; his wife: "never said anything about
  ending it") was read as a suicidal_thoughts `no`. So a suicidal_thoughts or risk_to_life `no`
  that denies past talk is dropped where the narrative shows a present act or words of intent
  (`acts_now`: "in front of a bus", "this is it", a parapet, a ledge, a noose, an overdose).

(thirtieth round) A weapon `no` is dropped beside an improvised or unnamed object held as a
weapon (`improvised.py`): a named weapon denied wherever it stands, any other `no` before it.

(thirty-seventh round) "Flashed" or "flashing" with a knife, a gun or lights a few words after
it names a thing shown, not exposure: it no longer counts as sexual harm (h36-0111).

(forty-sixth round) A person's own reassurance ("says hes not doing anything daft", "says shes
fine") does not outweigh the means of suicide at hand: h45-0118's son sat in his car with a hose
and tape in the boot was read as a risk_to_life `no`. So a risk_to_life or suicidal_thoughts `no`
whose own words are a reassurance (`_REASSURANCE`) is dropped where the narrative shows the
means got ready (`means_at_hand`: a hose with tape or an exhaust, an engine running in a car or
garage, a noose, a rope tied or ready, tablets stockpiled, counted out or lined up). A plain
"not suicidal" is no reassurance of this kind and stays a conflict beside the means (h9-0084,
h27-0060).

(fifty-sixth round) A present act of self-harm is like the means at hand: h56-0081's hostel guest
who "cut his wrist in the shower block" and "says he doesnt want to die" was read as a
suicidal_thoughts `no`. So a suicidal_thoughts `no` whose own words are a reassurance ("says
hes fine", "says shes ok") is dropped where the narrative shows self-harm done now
(`harms_self_now`: cut, slashed, sliced or slit his / her wrist(s) or arm(s), cutting or cut
himself / herself, self-harmed tonight), unless it speaks of the past ("used to", "last
year", "history of"; h52-0088) or threatens it ("will cut his wrists"; h36-0087). A plain "not
suicidal" or a wish to live ("doesnt want to die", "denies wanting to die") beside the act is
not dropped and stays a conflict, as h38-0051, h36-0114 and h43-0022 label it; so h56-0081 now
reads a conflict (one wrist cut, read by the pattern `cut_his_own_wrist`, against its denial),
never a `no`. risk_to_life is left alone (h56-0081 labels it `no` from the same words).

Like `hostility.py` and `menace.py`, these only drop a `no`; they never make one. The measured
cost over the development part and every spent part is in the corpus README (twenty-third
round).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import TYPE_CHECKING

from rightcare.engine.vocab import Answer
from rightcare.narrative.improvised import improvised_weapon_at
from rightcare.narrative.tokenregex import TokenString

if TYPE_CHECKING:
    from rightcare.narrative.votes import Vote

# Words in a `no` that make it a denial of physical injury.
_INJURY = frozenset(
    {
        "hurt", "unhurt", "injured", "uninjured", "injury", "injuries", "injurys", "injurd",
        "harmed", "unharmed", "unscathed", "marks", "bruises", "bruising", "scratch",
        "scratches", "bleeding", "blood", "cuts",
    }
)  # fmt: skip
# Any one of these words, not denied just before: sexual harm, grooming or exploitation.
_SEXUAL = frozenset(
    {
        "groped", "groping", "grope", "gropes", "fondled", "fondling", "molested", "molesting",
        "grooming", "groomed", "sexual", "sexually", "sexualised", "indecent", "indecently",
        "exposed", "exposing", "flashed", "flashing", "lured", "luring", "lure",
        "enticing", "enticed",
        "exploitation", "exploited", "exploiting", "cse", "trafficked", "trafficking", "raped",
        "rape", "nudes", "upskirting", "masturbating",
    }
)  # fmt: skip
# A touch counts only done to someone ("touched her mates leg", "touching the girls"), never
# threatened ("anyone who touches him") or done to a thing ("touches its paws").
_TOUCH = frozenset({"touched", "touching", "touchin", "touch"})
_TOUCHED = frozenset(
    {
        "her", "him", "me", "them", "leg", "legs", "thigh", "thighs", "bum",
        "breast", "breasts", "chest", "privates", "crotch", "bottom", "girl", "girls", "boy",
        "boys", "child", "kids", "inappropriately", "up",
    }
)  # fmt: skip
_IF_ANYONE = frozenset({"who", "anyone", "anybody", "if", "dont", "don't", "wont", "cant"})
_DENIED = frozenset(
    {
        "no", "not", "nobody", "noone", "never", "hasnt", "hadnt", "didnt", "havent", "wasnt",
        "n't", "nt", "without", "none",
    }
)  # fmt: skip
# "trying to get them in his car", "offered her a lift": luring into a vehicle.
_VEHICLES = frozenset({"car", "van", "motor", "vehicle", "lift", "lifts", "taxi", "cab"})
_LIFTS = frozenset({"lift", "lifts"})
_LURING = frozenset(
    {"get", "getting", "gettin", "offered", "offering", "offers", "coax", "coaxing", "tempt",
     "tempting", "persuade", "persuading", "invited", "inviting"}
)  # fmt: skip
# (thirty-seventh round) "flashed a knife at her", "flashing his headlights": a thing shown,
# not exposure (h36-0111's "unhurt" was dropped as a denial beside sexual harm)
_FLASH = frozenset({"flashed", "flashing"})
_SHOWN = frozenset(
    {
        "knife", "knives", "blade", "blades", "gun", "guns", "pistol", "machete", "shotty",
        "shooter", "sword", "weapon", "screwdriver", "hammer", "torch", "lights", "headlights",
        "badge", "warrant", "card", "cash", "money", "phone", "id", "lighter", "taser",
    }
)  # fmt: skip
_SHOWN_REACH = 3  # words from "flashed" to the thing shown
_LURE_REACH = 6  # words from the luring verb to the vehicle
_NEGATION_REACH = 3  # words before a sexual word where a denial still denies it

# A denial of past talk: "never said", "hasnt mentioned", "not talked about it".
_PAST_DENIAL = frozenset({"never", "hasnt", "hadnt", "not", "didnt", "n't", "havent", "nt"})
_TALK = frozenset(
    {
        "said", "say", "mentioned", "mention", "talked", "talk", "spoken", "spoke", "speak",
        "expressed", "voiced", "told", "saying", "talking", "mentioning",
    }
)  # fmt: skip
# A present act or words of intent.
_ACT_WORDS = frozenset(
    {
        "parapet", "ledge", "noose", "ligature", "overdose", "overdosed", "goodbye", "goodbyes",
    }
)  # fmt: skip
_IN_FRONT_OF = frozenset({"bus", "train", "lorry", "car", "traffic", "van", "truck", "tram"})


# (forty-sixth round) a reassurance, not a denial of thoughts or intent
_REASSURANCE = frozenset(
    {"daft", "stupid", "silly", "dumb", "drastic", "rash", "stupit", "fine", "ok", "okay",
     "alright", "allright", "aright"}
)  # fmt: skip
_HOSES = frozenset({"hose", "hosepipe", "hosepipes", "hoses", "tubing"})
_SEALS = frozenset({"tape", "taped", "gaffer", "gaffa", "ducktape", "exhaust", "exhausts"})
_ROPE_READY = frozenset(
    {"ready", "tied", "knotted", "beam", "banister", "bannister", "hook", "loft", "tree"}
)  # fmt: skip
_HOARDED = frozenset(
    {"stockpiled", "stockpiling", "hoarded", "hoarding", "stashed", "stashing", "counted",
     "counting", "lined"}
)  # fmt: skip
_DRUGS = frozenset(
    {"pills", "tablets", "tabs", "meds", "medication", "paracetamol", "codeine", "morphine",
     "oramorph", "insulin", "painkillers", "tramadol", "sertraline", "co-codamol"}
)  # fmt: skip
_ENGINE_SHUT_IN = frozenset({"car", "van", "garage", "parked", "cab", "layby"})


def means_at_hand(tokens: TokenString) -> bool:
    """True if the narrative shows the means of suicide got ready (forty-sixth round)."""
    words = tokens.words
    if not words.isdisjoint({"noose", "ligature"}):
        return True
    if not words.isdisjoint(_HOSES) and not words.isdisjoint(_SEALS):
        return True
    if "rope" in words and not words.isdisjoint(_ROPE_READY):
        return True
    if not words.isdisjoint(_HOARDED) and not words.isdisjoint(_DRUGS):
        return True
    if "engine" in words and not words.isdisjoint(_ENGINE_SHUT_IN):
        seq = _words(tokens)
        return any(
            w == "engine" and seq[i + 1 : i + 2] in (["running"], ["on"]) for i, w in enumerate(seq)
        )
    return False


# (fifty-sixth round) self-harm done now, and the words that put it in the past
_SELF_CUT = frozenset(
    {"cut", "slashed", "sliced", "slit", "nicked", "gashed", "cutting", "slashing", "slicing"}
)  # fmt: skip
_HIS_HER = frozenset({"his", "her", "their"})
_CUT_PLACE = frozenset({"wrist", "wrists", "arm", "arms", "forearm", "forearms"})
_SELVES = frozenset({"himself", "herself", "themselves"})
_SELF_HARMED = frozenset({"self-harmed", "selfharmed"})
_NOW = frozenset({"tonight", "today", "now", "just", "again", "this"})
_PAST = frozenset(
    {"used", "ago", "last", "history", "stopped", "previously", "past", "years", "hx", "before"}
)  # fmt: skip
_ACCIDENT = frozenset({"on", "against", "opening", "climbing", "reaching", "chopping", "slicing"})
_THREAT = frozenset(
    {"will", "ll", "'ll", "going", "gonna", "to", "would", "if", "threatening", "threatened",
     "threat", "wants", "might"}
)  # fmt: skip


# Every word the scan below can start from, so most narratives skip it.
_HARM_WORDS = _SELF_CUT | _SELF_HARMED | {"self"}


def harms_self_now(tokens: TokenString) -> bool:
    """True if the narrative shows self-harm done now, not in the past (fifty-sixth round)."""
    words = tokens.words
    if words.isdisjoint(_HARM_WORDS) or not _PAST.isdisjoint(words):
        return False
    seq = _words(tokens)
    for i, word in enumerate(seq):
        after = seq[i + 1 : i + 4]
        if not _THREAT.isdisjoint(seq[max(0, i - 3) : i]):
            continue  # "will cut his wrists" is a threat, read by the patterns (h36-0087)
        if word in _SELF_CUT and after[:1] and after[0] in _HIS_HER:
            k = i + 3 if after[1:2] == ["own"] else i + 2  # the place cut, then what follows
            if seq[k : k + 1] and seq[k] in _CUT_PLACE and _ACCIDENT.isdisjoint(seq[k + 1 : k + 2]):
                return True
        if word in ("cut", "cutting") and after[:1] and after[0] in _SELVES:
            return True
        harmed = word in _SELF_HARMED or (word == "self" and after[:1] in (["harmed"], ["-"]))
        if harmed and (not _NOW.isdisjoint(seq[i + 1 : i + 4]) or "has" in seq[i - 2 : i]):
            return True
    return False


def _reassures(vote: Vote, tokens: TokenString) -> bool:
    return not _REASSURANCE.isdisjoint(_evidence(vote, tokens))


def _words(tokens: TokenString) -> list[str]:
    return [p for p in tokens.parts if not p.isspace()]


def _evidence(vote: Vote, tokens: TokenString) -> list[str]:
    first = bisect_left(tokens.char_start, vote.start)
    last = bisect_right(tokens.char_start, vote.end - 1)
    return [p for p in tokens.parts[first:last] if not p.isspace()]


def speaks_of_sexual_harm(tokens: TokenString) -> bool:
    """True if the narrative speaks of sexual touching, grooming, exploitation or luring."""
    words = tokens.words
    sexual = (_SEXUAL | _TOUCH) & words
    lures = _LURING & words
    if not sexual and not (lures and not words.isdisjoint(_VEHICLES)):
        return False
    seq = _words(tokens)
    for i, word in enumerate(seq):
        denied = not _DENIED.isdisjoint(seq[max(0, i - _NEGATION_REACH) : i])
        if word in _FLASH and not _SHOWN.isdisjoint(seq[i + 1 : i + 1 + _SHOWN_REACH]):
            continue
        if word in sexual and not denied and (word not in _TOUCH or _touched_someone(seq, i)):
            return True
        if word in lures and _into_a_vehicle(seq, i):
            return True
    return False


def _into_a_vehicle(seq: list[str], i: int) -> bool:
    """Whether the luring verb at `i` is followed by "in(to) his car" or "a lift"."""
    for j in range(i + 1, min(len(seq), i + 1 + _LURE_REACH)):
        if seq[j] in _VEHICLES and (
            seq[j] in _LIFTS or not {"in", "into"}.isdisjoint(seq[j - 3 : j])
        ):
            return True
    return False


def _touched_someone(seq: list[str], i: int) -> bool:
    """Whether the touch at `i` is done to someone, not threatened or done to a thing."""
    if not _IF_ANYONE.isdisjoint(seq[max(0, i - 2) : i]):
        return False
    following = seq[i + 1 : i + 4]
    return not _TOUCHED.isdisjoint(following) and "its" not in following[:1]


def acts_now(tokens: TokenString) -> bool:
    """True if the narrative shows a present act or words of intent to end a life."""
    words = tokens.words
    if not words.isdisjoint(_ACT_WORDS):
        return True
    seq = _words(tokens)
    for i, word in enumerate(seq):
        if (
            word == "front"
            and seq[i + 1 : i + 2] == ["of"]
            and "in" in seq[max(0, i - 2) : i]
            and not _IN_FRONT_OF.isdisjoint(seq[i + 2 : i + 5])
        ):
            return True
        if word == "this" and seq[i + 1 : i + 3] in (["is", "it"], ["s", "it"], ["'s", "it"]):
            return True
    return False


def _denies_injury(vote: Vote, tokens: TokenString) -> bool:
    return not _INJURY.isdisjoint(_evidence(vote, tokens))


def _denies_past_talk(vote: Vote, tokens: TokenString) -> bool:
    said = _evidence(vote, tokens)
    return not _PAST_DENIAL.isdisjoint(said) and not _TALK.isdisjoint(said)


def narrow_denials(votes: Sequence[Vote], tokens: TokenString) -> list[Vote]:
    """The votes without denials that speak to less than the question asks (see module doc)."""
    if not votes or not any(v.value is Answer.NO for v in votes):
        return list(votes)
    question = votes[0].pattern.partition("/")[0]
    if question == "weapon":  # thirtieth round: see `improvised.py`
        return _without_denials_of_another_weapon(votes, tokens)
    if question == "serious_harm":
        drop = _denies_injury
        shown = speaks_of_sexual_harm
    elif question in ("suicidal_thoughts", "risk_to_life"):
        drop = _denies_past_talk
        shown = acts_now
    else:
        return list(votes)
    if question in ("suicidal_thoughts", "risk_to_life") and (
        means_at_hand(tokens) or (question == "suicidal_thoughts" and harms_self_now(tokens))
    ):
        votes = [v for v in votes if not (v.value is Answer.NO and _reassures(v, tokens))]
    doubtful = [v for v in votes if v.value is Answer.NO and drop(v, tokens)]
    if not doubtful or not shown(tokens):
        return list(votes)
    return [v for v in votes if v not in doubtful]


def _without_denials_of_another_weapon(votes: Sequence[Vote], tokens: TokenString) -> list[Vote]:
    """The weapon votes without a `no` that an improvised object held as a weapon outweighs: a
    named weapon denied (`narrow`) wherever the object stands, any other `no` before it."""
    at = improvised_weapon_at(tokens)
    if at is None:
        return list(votes)
    return [v for v in votes if not (v.value is Answer.NO and (v.narrow or v.start < at))]
