"""Whether a narrative shows menace beside a denial of blows (twenty-second round).

A denial of blows ("hasnt hit anyone", "nobody touched her") speaks to a blow struck, not to
violence as a whole. The twentieth round let it stand as a violence `no` only where nothing
in the narrative speaks of a threat or an intent to harm (`hostility.speaks_of_harm`), and
h21-0072 ("his cousin's waving a samurai sword about ... hasnt hit anyone yet") showed a third
way for menace to go unread: a weapon brandished or present names no threat word, and "yet"
says the blow is expected. So a denial of blows is also dropped where

- the narrative reads a weapon `yes` anywhere (any `weapon` vote of `yes`, whatever the
  weapon question decides: a knife out, a bat in his hand, "has a machete"),
- a weapon word stands a few words after a verb of brandishing, holding or having ("waving a
  samurai sword", "swinging a golf club", "pulled out a blade", "walking round with a
  hammer", "has got a gun"), a word test that needs no pattern to have read the weapon, or
- the denial itself is hedged as expected: "yet", "so far", "as yet", "for now", "at the
  moment", "atm", "at present" inside it or just after it ("hasnt hit anyone yet").

Like `speaks_of_harm`, these only drop a `no`; they never make one. The measured cost over
the development part and every spent part is in the corpus README (twenty-second round).
"""

from __future__ import annotations

from bisect import bisect_left
from itertools import pairwise

from rightcare.narrative.tokenregex import TokenString

# Weapon words that, held or brandished, are menace whatever else the narrative says.
_WEAPONS = frozenset(
    {
        "knife", "knives", "blade", "blades", "machete", "machetes", "sword", "swords",
        "katana", "axe", "axes", "hatchet", "cleaver", "gun", "guns", "pistol", "rifle",
        "shotgun", "crossbow", "bat", "crowbar", "hammer", "spade", "shovel", "pickaxe",
        "scythe", "sickle", "screwdriver", "bayonet", "dagger", "spear", "chainsaw", "taser",
        "cosh", "truncheon", "baton", "knuckleduster", "club", "poker", "shank", "iron",
    }
)  # fmt: skip
# Verbs of brandishing or holding a weapon out.
_BRANDISH = frozenset(
    {
        "waving", "waved", "waves", "wavin", "brandishing", "brandished", "brandishes",
        "swinging", "swung", "swings", "swingin", "wielding", "wielded", "holding", "holdin",
        "jabbing", "jabbed", "pointing", "pointed", "lunging", "lunged", "flashing", "flashed",
        "pulled", "pulls", "pulling", "drew", "drawn", "grabbed", "picked", "carrying",
        "carried", "carries", "armed", "with", "has", "got", "brought", "produced",
    }
)  # fmt: skip
_REACH = 5  # words from the verb to the weapon ("waving a big kitchen knife")
# The denial hedged as expected: the blow has not come "yet".
_HEDGES = frozenset({"yet", "atm"})
_HEDGE_PAIRS = frozenset({("so", "far"), ("for", "now"), ("at", "present"), ("as", "yet")})
_HEDGE_AFTER = 3  # words after the denial where a hedge still qualifies it


def brandished(tokens: TokenString) -> bool:
    """True if a weapon word stands a few words after a verb of brandishing or holding."""
    words = tokens.words
    verbs = _BRANDISH & words
    if not verbs or words.isdisjoint(_WEAPONS):
        return False
    parts, positions = tokens.parts, tokens.positions
    for verb in verbs:
        for i in positions[verb]:
            following = [p for p in parts[i + 1 : i + 2 * _REACH + 2] if not p.isspace()]
            if not _WEAPONS.isdisjoint(following[:_REACH]):
                return True
    return False


def hedged(start: int, end: int, tokens: TokenString) -> bool:
    """True if the denial at characters `start`-`end` is hedged as expected ("yet")."""
    if tokens.words.isdisjoint(_HEDGES | {"far", "now", "present", "moment"}):
        return False
    first = bisect_left(tokens.char_start, start)
    last = bisect_left(tokens.char_start, end)
    inside = tokens.parts[first:last]
    after = [p for p in tokens.parts[last : last + 2 * _HEDGE_AFTER + 4] if not p.isspace()]
    after = [p for p in after if p not in {",", "-"}][: _HEDGE_AFTER + 1]
    if not _HEDGES.isdisjoint(inside) or not _HEDGES.isdisjoint(after[:_HEDGE_AFTER]):
        return True
    pairs = set(pairwise(after))
    return not _HEDGE_PAIRS.isdisjoint(pairs) or ("the", "moment") in set(pairwise(after[1:]))
