"""Regional spellings read as the standard word, so one pattern reads them all.

Handlers type what callers say: "he's leatherin her", "squarin up", "knock her aboot", "legs
ovver t'edge". Listing every such spelling in every pattern file that needs the standard word
would never end (the eleventh held-back part missed a dozen of them), so the reader gives these
spellings the standard word as their NORM, the attribute every phrase and token pattern matches
on. It is set once per word in the vocabulary (a lexeme attribute), so it costs nothing per
narrative; pattern phrases are normalised the same way, so a phrase written in dialect still
matches its own spelling.

Kept out on purpose: spellings that are also a standard word with another meaning ("bleedin"
is mostly an intensifier, "greetin" is Scots for crying, "da" is also the DA abbreviation,
"ma" is also "my", "doon the street" is on the move, not at a place).
"""

from __future__ import annotations

from spacy.vocab import Vocab

# Verbs whose "-in'" spelling is typed as the "-ing" word: the dropped g of most of England,
# Scotland and Ireland. Only verbs a pattern may read are listed.
_ING_VERBS = (
    "attacking", "banging", "battering", "beating", "biting", "booting", "brandishing",
    "breathing", "burning", "carrying", "chasing", "choking", "climbing", "coming", "crying",
    "cutting", "dragging", "drinking", "drowning", "fighting", "getting", "going", "hanging",
    "hitting", "hurting", "jumping", "kicking", "killing", "knocking", "leathering", "lying",
    "moving", "punching", "pushing", "pulling", "responding", "running", "saying", "screaming",
    "shouting", "sitting", "slapping", "slashing", "smashing", "squaring", "stabbing",
    "standing", "strangling", "swinging", "taking", "talking", "texting", "threatening",
    "throttling", "trying", "waking", "walking", "waving", "wielding",
)  # fmt: skip

# Scots, Geordie, Yorkshire and Irish spellings of common words a pattern reads.
_WORDS = {
    "aboot": "about", "oot": "out", "roond": "round", "roon": "round",
    "hoose": "house", "deid": "dead", "heid": "head", "ovver": "over", "ower": "over",
    "owre": "over", "o'er": "over", "wi": "with", "wiv": "with", "fae": "from", "tae": "to",
    "efter": "after", "aff": "off", "telt": "told", "windae": "window", "winda": "window",
    "windie": "window", "nee": "no", "nae": "no", "polis": "police", "noo": "now",
    "masel": "myself", "hissel": "himself", "hersel": "herself", "himsel": "himself",
    # forty-second round: Geordie "hoy" (throw) and Scots "naebody"
    "hoy": "throw", "hoyed": "threw", "hoying": "throwing", "hoys": "throws",
    "naebody": "nobody",
}  # fmt: skip

# Yorkshire "t'" for "the", run into the next word ("on t'wall", "ovver t'edge"): split off
# by the tokenizer (see `T_PREFIX`) and read as "the".
T_PREFIX = r"t'(?=[a-z])"


def dialect_norms() -> dict[str, str]:
    """Each regional spelling and the standard word it is read as."""
    norms = {verb[:-1]: verb for verb in _ING_VERBS}
    norms.update(_WORDS)
    norms["t'"] = "the"
    return norms


def set_dialect_norms(vocab: Vocab) -> None:
    """Give each regional spelling in `vocab` the standard word as its NORM."""
    for spelling, standard in dialect_norms().items():
        vocab[spelling].norm_ = standard
