"""The kinds of miss seen on `heldout18.jsonl`, read as families of wording, in every context.

The eighteenth part was written for scenes no earlier part used (a karting track, a slurry
lagoon, a milking parlour, a hot tub, estuary mud, a fermenting vessel ...). Each family here is
worded afresh, never copied from the held-back part: "sort" or "do" in quotes before a person;
going to "do someone"; pushing and shoving; dragged into a van; coming at someone with any
object; something swung at, or a knife pulled on, a person named by a trade; a threat to shoot
a worker with a weapon near; blood dripping everywhere and "claret" pouring; face down in water;
stuck in mud with the tide near; lying still and not answering after a fall; the outside ledge
of a barrier; collapsed inside a tank; "everyone would be better off"; wanting to go with the
dead; "done with it all"; stabbing oneself in the chest; cut down from a hanging; a fall off the
top of a stack; a lighter waved with a threat to burn people inside; a child locked in a car or
a person stuck in a lift. Plain noes: "no aggro", "no fight", every knife accounted for, nobody
with anything in their hands, a search after a tip-off that found nothing. Lookalikes that must
not fire are listed below.
"""

from rightcare.engine.vocab import Answer
from tests.narrative.helpers import answer

PRESENT = [
    # threats and blows
    ("violence", "says hes got a hammer in the van and is going to 'sort' the groundsman"),
    ("violence", "one of them shouting hes going to 'do' the doorman"),
    ("violence", "stood outside the bookies shouting hes gonna do somebody"),
    ("violence", "the two cousins were pushing and shoving each other in the aisle"),
    ("crime", "a man tried to drag the girl into his car by the park gates"),
    ("serious_harm", "says two men bundled him into a van and drove off"),
    ("weapon", "her husband came at her with the garden fork"),
    ("violence", "the tenant swung his walking pole at the plumber"),
    ("crime", "a labourer pulled his knife on the scaffolder"),
    ("risk_to_life", "says hes in the car park with a rifle and will shoot the announcer"),
    ("weapon", "came out of the garage with a spanner, swinging it at the valeter"),
    (
        "weapon",
        "flicking a lighter at the door of the hall shouting hell torch it with everyone inside",
    ),
    # bleeding, water, heights and falls
    ("risk_to_life", "she slipped with the bread knife, blood dripping everywhere in the kitchen"),
    ("medical_emergency", "his mate's been bottled, claret pishing oot his face"),
    (
        "medical_emergency",
        "found her grandson face down in the fish pond, pulled him out, hes coughing",
    ),
    ("risk_to_life", "a kid is sinking in the mud on the mudflats, tide coming in"),
    ("risk_to_life", "fell off the scaffold, lying still on the pavement and not moving"),
    ("risk_to_life", "climbed over the footbridge railing, standing on the outside edge"),
    ("risk_to_life", "the worker went down into the grain silo and collapsed inside"),
    ("serious_harm", "he had a cord round his neck from the shed beam, we cut him down"),
    ("serious_harm", "was climbing the straw bales and fell off the top onto the concrete"),
    # wishes to be gone
    ("suicidal_thoughts", "keeps telling her sister everybody would be better off without her"),
    ("risk_to_life", "lost her son in the crash in june, keeps saying she wants to go with him"),
    ("suicidal_thoughts", "texted her mum from the multi storey saying shes done with everything"),
    ("suicidal_thoughts", "he stabbed himself in the neck with a kitchen knife"),
    # a way in
    ("entry_required", "a baby is locked in a black car outside the gym, nobody about"),
    (
        "entry_required",
        "a woman is trapped in the lift at the shopping centre, having a panic attack",
    ),
]

DENIED = [
    ("violence", "sleeping in the bus shelter, no aggro at all, just wants a blanket"),
    ("violence", "slipped off the ladder on his own, no fight, nobody else there"),
    ("weapon", "mum says all the kitchen knives are accounted for"),
    ("weapon", "the two men arguing at the bar, nobody has anything in their hands"),
    (
        "weapon",
        "security searched him at the gate after a tip off that he had a gun, nothing found",
    ),
]

NOT_YES = [
    ("violence", "she will 'sort' the kids packed lunches in the morning"),
    ("violence", "says shes going to do someone a favour and drive them to the station"),
    ("violence", "fans pushing and shoving to get to the front of the stage"),
    ("violence", "the cab pulled into the car park and waited"),
    ("violence", "the bride is going to kill her brother for that speech, everyone laughing"),
    ("violence", "the neighbours terrier has bitten her cat"),
    ("violence", "showing the nurse fresh cuts on her arms, says she did it with a compass"),
    ("violence", "the farmer got a rope to the cow and dragged it out of the river"),
    ("crime", "our spaniel went for his puppy in the park"),
    ("weapon", "came round quick after fainting, had a biscuit and a cup of tea"),
    ("weapon", "the gardener cut his hand on the hedge shears, plaster on"),
    ("suicidal_thoughts", "everyone would be better off if the bus ran on time"),
    ("suicidal_thoughts", "wants to go with him to the funeral on monday"),
    ("suicidal_thoughts", "the roofers were done with it all by lunchtime"),
    ("risk_to_life", "fell asleep face down in the bed after the night shift"),
    ("risk_to_life", "my welly is stuck in the mud at the allotment"),
    ("risk_to_life", "lying still for the scan and not talking, all fine"),
    ("risk_to_life", "the ball went over the outside edge of the pitch"),
    ("serious_harm", "cut him down to size in the meeting"),
    ("serious_harm", "they are top of the league after that win"),
    ("entry_required", "a dog shut in a hot car outside the shop"),
    ("entry_required", "locked in the car park overnight, gates shut"),
    ("weapon", "he keeps flicking a lighter to light his roll up"),
]

OTHER_PERSON = [
    ("violence", "her son says his dad is going to 'sort' the landlord, has a bat in the car"),
    ("risk_to_life", "his brother says the lad is stood on the outside ledge of the car park"),
    ("suicidal_thoughts", "her husband keeps saying everyone would be better off without him"),
]


def test_a_threat_in_quotes_stands_over_a_later_denial_that_anyone_was_hit() -> None:
    text = (
        "says his mate has a bat in the boot and is going to 'sort' the steward who sent him "
        "off. 1412 steward says nobody has hit anyone"
    )
    assert answer(text, "violence") is Answer.YES


def test_a_tip_off_alone_is_not_a_sighting_once_a_search_found_nothing() -> None:
    text = "door staff patted him down after a tip off he had a blade on him, found nothing"
    assert answer(text, "weapon") is Answer.NO


def test_a_search_that_found_nothing_beside_a_weapon_seen_is_a_conflict_not_a_yes() -> None:
    text = "the lad was seen with a knife in the toilets, steward searched him and found nothing"
    assert answer(text, "weapon") is not Answer.NO
