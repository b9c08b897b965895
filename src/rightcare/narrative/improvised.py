"""Whether a narrative shows an improvised or unnamed object held as a weapon (thirtieth round).

A denial of one named weapon ("no knife seen", "no gun") speaks to that weapon, not to
another object held or used as one. h29-0108 (a log: "no knife seen", then "he has snapped
the metal ruler off the desk and is holding the sharp end toward the case worker") was read as
a weapon `no`: no pattern read the snapped ruler, so the earlier denial stood alone. The
eighth round's `narrow_no` lets a `yes` read from another pattern stand over such a denial;
this word test covers the objects no pattern reads. A weapon `no` is dropped where the
narrative shows

- an object held, pointed, waved, jabbed or swung "at" or "toward(s)" a person ("holding the
  sharp end toward the case worker", "pointing a shard at her", "jabbing it at staff"), with an
  object word or "it" between the verb and "at" (`_held_at_someone`), or
  The object words include tools of a trade or a garden and sports gear (a grinder, a drill,
  a spade, a putter: the thirty-fifth round, after h34-0052's "holding the grinder up at the
  staff" under a later "no knives seen"); named weapons are the patterns' to read, so a toy
  knife waved and then denied ("no real knife") keeps its `no`.
- (forty-fourth round) an object swung or wielded "at" property ("has a pool cue and is
  swinging it at the windows", "wielding a bar at the parked cars"): h43-0101's "no knives
  seen" after such a swing was read as a weapon `no`. Earlier parts label an object swung or
  waved at windows or cars a weapon (h13-0057, h15-0012, h16-0105); only verbs of swinging
  count here (`_SWING`), so "pointing the torch at the window" is no weapon, and tools at their
  own work ("swinging the axe at the tree") name no property (`_PROPERTY`).
- a sharp thing that is no named weapon: "something sharp", "the sharp end", "a sharpened
  stick", "jagged glass", "a shard" (`_SHARP`), not denied just before ("nothing sharp").

A `no` from a pattern marked `narrow_no` (a named weapon denied) is dropped wherever the object
stands; any other weapon `no` ("no weapons") only where the object comes after it, as a later
update. Like `menace.py` and `denials.py`, this only drops a `no`; it never makes one. The
measured cost over the development part and every spent part is in the corpus README.
"""

from __future__ import annotations

from rightcare.narrative.tokenregex import TokenString

# Verbs of holding an object out at someone.
_HOLD = frozenset(
    {
        "holding", "holdin", "held", "holds", "pointing", "pointed", "points", "waving", "waved",
        "waves", "wavin", "jabbing", "jabbed", "thrusting", "thrust", "brandishing",
        "brandished", "wielding", "swinging", "swung", "lunging", "lunged", "aiming", "aimed",
        "poking", "poked", "slashing", "slashed", "stabbing", "jabs", "pointin", "jabbin",
        "swingin", "thrusts",
    }
)  # fmt: skip
# Forty-fourth round: verbs of swinging or wielding, and the property they can be swung at.
_SWING = frozenset(
    {"swinging", "swung", "swingin", "swings", "wielding", "wielded", "brandishing",
     "brandished", "lashing", "lashed"}
)  # fmt: skip
_PROPERTY = frozenset(
    {"window", "windows", "windscreen", "windscreens", "door", "doors", "car", "cars", "van",
     "vans", "bus", "taxi", "shop", "shopfront", "shutters", "mirror", "mirrors", "screen",
     "screens", "telly", "tv", "cameras", "camera", "counter", "till"}
)  # fmt: skip
_HOLD_OR_SWING = _HOLD | _SWING  # built once: the test runs on every weapon `no`
_TOWARD = frozenset({"at", "toward", "towards", "to"})
# A person after "at": a pronoun, or a determiner before a word that is no thing.
_PRONOUNS = frozenset(
    {
        "him", "her", "me", "us", "them", "you", "staff", "people", "anyone", "anybody",
        "everyone", "everybody", "someone", "somebody", "customers", "police", "officers",
    }
)  # fmt: skip
_DETERMINERS = frozenset({"the", "his", "her", "my", "our", "their", "a", "an", "other"})
_THINGS = frozenset(
    {
        "door", "doors", "window", "windows", "wall", "walls", "car", "cars", "bus", "camera",
        "cameras", "sky", "ceiling", "floor", "ground", "tv", "telly", "screen", "sea", "water",
        "birds", "gulls", "pigeons", "dog", "dogs", "ball", "target", "targets", "board",
        "wound", "cut", "fire", "hole", "lock", "light", "lights", "end", "top", "bottom",
        "moment", "time", "same", "back", "front", "side", "bin", "bins", "road", "traffic",
        # Thirty-fifth round: what a tool is held at in its own work.
        "weeds", "grass", "hedge", "hedges", "bushes", "tree", "trees", "branch", "branches",
        "bike", "bikes", "chain", "pipe", "pipes", "post", "posts", "fence", "slab", "slabs",
        "nettles", "brambles", "ice", "snow", "tyre", "tyres", "engine", "lawn", "soil",
    }
)  # fmt: skip
# Words for the object held: anything an improvised weapon is made of, or "it".
_OBJECTS = frozenset(
    {
        "it", "end", "sharp", "something", "object", "shard", "shards", "glass", "bottle",
        "ruler", "stick", "pole", "bar", "pipe", "brick", "rock", "stone", "fork", "skewer",
        "needle", "syringe", "compass", "dart", "tool", "spike", "piece", "bit", "leg", "rod",
        "plank", "chair", "scissors", "screwdriver", "chisel", "pen", "pencil", "toothbrush",
        "razor", "tin", "can", "lid", "edge", "point", "metal", "wood", "implement", "item",
        "one", "thing", "blade", "weapon", "torch", "hammer", "spanner", "wrench", "iron",
        "shears", "saw", "spear", "hook", "poker", "broom", "mop", "lighter", "cue", "club",
        # Thirty-fifth round (h34-0052, "holding the grinder up at the staff" under a later
        # "no knives seen"): tools of a trade or a garden, and sports gear, held out at someone.
        "grinder", "drill", "chainsaw", "strimmer", "trimmer", "nailgun", "blowtorch",
        "crowbar", "jemmy", "sander", "cutter", "cutters", "boltcutters", "secateurs",
        "pliers", "trowel", "shovel", "spade", "pitchfork", "rake", "hoe", "sickle",
        "scythe", "hatchet", "mallet", "jack", "tyre", "chain", "padlock", "wheel",
        "racket", "racquet", "putter", "hurley", "oar", "paddle", "javelin", "dumbbell",
        "kettlebell", "weight", "kettle", "pan", "peeler", "spray",
    }
)  # fmt: skip
_REACH = 8  # words from the verb to "at"
# Sharp things that name no weapon: "something sharp", "the sharp end", "sharpened", "shard".
_SHARP = frozenset({"sharpened", "jagged", "shard", "shards", "shiv", "sharpend"})
_SHARP_PAIRS = frozenset(
    {
        ("something", "sharp"), ("sharp", "end"), ("sharp", "object"), ("sharp", "bit"),
        ("sharp", "edge"), ("sharp", "piece"), ("sharp", "thing"), ("broken", "bottle"),
        ("broken", "glass"), ("smashed", "bottle"), ("snapped", "off"), ("sharp", "implement"),
    }
)  # fmt: skip
# Any word that can start an unnamed sharp thing, for the quick test before the scan.
_SHARP_WORDS = _SHARP | {"sharp", "broken", "snapped"}
_DENIED = frozenset(
    {"no", "not", "nothing", "without", "never", "n't", "nt", "none", "hasnt", "didnt", "isnt",
     "wasnt", "havent", "hadnt"}
)  # fmt: skip


def _words(tokens: TokenString) -> tuple[list[str], list[int]]:
    """The narrative's words and the character offset of each."""
    seq: list[str] = []
    starts: list[int] = []
    for part, start in zip(tokens.parts, tokens.char_start, strict=True):
        if not part.isspace():
            seq.append(part)
            starts.append(start)
    return seq, starts


def _person_at(seq: list[str], j: int) -> bool:
    """Whether the words from `j` on name a person ("the case worker", "him", "staff")."""
    first = seq[j : j + 1]
    if not first:
        return False
    if first[0] in _PRONOUNS:
        return True
    rest = [w for w in seq[j + 1 : j + 4] if w.isalpha()]
    return first[0] in _DETERMINERS and bool(rest) and rest[0] not in _THINGS


def _property_at(seq: list[str], j: int) -> bool:
    """Whether the words from `j` on name property ("the windows", "his parked car")."""
    rest = [w for w in seq[j : j + 3] if w not in _DETERMINERS and w != "parked"]
    return bool(rest) and rest[0] in _PROPERTY


def _held_at_someone(seq: list[str], i: int) -> bool:
    """Whether the holding verb at `i` holds an object out at a person (or swings it at
    property)."""
    for j in range(i + 1, min(len(seq), i + 1 + _REACH)):
        if seq[j] in {".", ";", "!", "?"}:
            return False
        if seq[j] not in _TOWARD or seq[j] == "to":
            continue
        if _person_at(seq, j + 1) or (seq[i] in _SWING and _property_at(seq, j + 1)):
            return not _OBJECTS.isdisjoint(seq[i + 1 : j])
    return False


def improvised_weapon_at(tokens: TokenString) -> int | None:
    """The character offset of the first improvised or unnamed object held as a weapon."""
    words = tokens.words
    if words.isdisjoint(_HOLD_OR_SWING) and words.isdisjoint(_SHARP_WORDS):
        return None
    seq, starts = _words(tokens)
    for i, word in enumerate(seq):
        if not _DENIED.isdisjoint(seq[max(0, i - 3) : i]):
            continue
        if word in _HOLD_OR_SWING and _held_at_someone(seq, i):
            return starts[i]
        if word in _SHARP or tuple(seq[i : i + 2]) in _SHARP_PAIRS:
            return starts[i]
    return None
