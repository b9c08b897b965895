"""The kinds of miss seen on `heldout17.jsonl`, read as families of wording, in every context.

The seventeenth part was written for scenes no earlier part used (a council tip, a vets'
waiting room, a job centre, a pigeon loft, a dockside crane, a burger van lay-by ...). Each
family here is worded afresh, never copied from the held-back part: saying one is "jumping
in"; a wrist nicked or sliced; a place burnt "with you lot in it"; "better off with" the dead;
"stay asleep" and the way to "not wake up"; stepping in front of a vehicle on purpose; a gun
taken out and stared at; "he'll do himself"; "go up in flames"; scratching or scoring oneself
with a blade; a car driven into something with both in it; "asleep, not wake"; pills given and
sickness; "ODd on"; a hedged quantity in quotes; a limb bent funny or a joint popped out; a
lump coming up; being sick after a blow; lying in the road hurt; an eye shut; a blow to the
head with a weapon; a bag used to hit; an Estwing and broken bottles thrown; anything pulled on
a person or held to a face; a threat in quotes, to a named worker, "you're next", "the first one
through is getting it"; hitting out at people; a tussle; a window put through; someone's birds
shot; lifted and legged it; made to carry for others; county lines concerns. Plain noes: "no
intent to die", "never touched her", a search told. Lookalikes that must not fire are listed
below.
"""

from rightcare.engine.vocab import Answer
from tests.narrative.helpers import answer

PRESENT = [
    # threats to oneself and acts on oneself
    ("risk_to_life", "on the end of the pier shouting shes jumping off"),
    ("suicidal_thoughts", "texted his brother from the weir saying hes jumping in tonight"),
    ("risk_to_life", "grabbed a craft knife off the desk and sliced her wrist"),
    ("risk_to_life", "told the landlord hed burn the house down with all of them inside"),
    ("violence", "said shed torch the flat with him in it"),
    ("suicidal_thoughts", "keeps saying shed be better off with her late husband"),
    ("suicidal_thoughts", "asked her mate how to fall asleep and stay asleep for good"),
    ("suicidal_thoughts", "van driver says a woman jumped out in front of his van on purpose"),
    ("risk_to_life", "grandad has got the shotgun out and is sat crying with it on his knee"),
    ("risk_to_life", "screaming if the social take the kids shell do herself"),
    ("suicidal_thoughts", "says she'll go up in flames, has petrol in a milk bottle"),
    ("suicidal_thoughts", "has been cutting her thighs with a razor blade since easter"),
    ("risk_to_life", "says he told her hed plough the car into a wall with them both inside"),
    ("risk_to_life", "my friend fall in bath, she asleep, no wake"),
    ("risk_to_life", "men in the car made him swallow some tablets, hes being sick"),
    # medical and harm in other words
    ("medical_emergency", "lad ODd on spice behind the library"),
    ("serious_harm", "her mum swallowed 'only' 40 of her paracetamol"),
    ("serious_harm", "fell off the trampoline, her ankle is bent weird"),
    ("medical_emergency", "his kneecap has popped out at five a side"),
    ("medical_emergency", "took a cricket bat to the head at nets, lump coming up already"),
    ("medical_emergency", "head butted in the pub and has kept being sick"),
    ("medical_emergency", "moped rider lying in the road groaning"),
    ("serious_harm", "after the scrap his left eye is shut"),
    ("serious_harm", "the man struck her on the head with a bar"),
    # weapons and threats in other words
    ("weapon", "woman battered the warden with her handbag"),
    ("weapon", "hes in the car park swinging an estwing"),
    ("weapon", "youths lobbing smashed bottles at the bus"),
    ("weapon", "girl pulled a pair of scissors on her classmate"),
    ("weapon", "held a skewer to the cashiers neck"),
    ("violence", "said hell 'do him' if he sees him again"),
    ("violence", "threatening to batter the night porter"),
    ("violence", "brandishing a spade at the parking wardens"),
    ("violence", "kicked the door through with an axe in his hand and says youre next"),
    ("violence", "the next copper through that gate is getting stabbed"),
    ("violence", "resident kicking out at the carers"),
    ("violence", "two girls tussling outside the chippy"),
    ("crime", "her ex put the front room window through"),
    ("crime", "the man over the road keeps shooting her cats with an air gun"),
    ("crime", "a woman swiped a bottle of gin off the shelf and scarpered"),
    ("crime", "older men forcing him to carry drugs down from the city"),
    ("crime", "school have county lines concerns about the boy"),
]

DENIED = [
    ("risk_to_life", "scratches on her arms, no intention of dying, safety plan agreed"),
    ("violence", "the lad says the doorman never touched him"),
    ("weapon", "no weapons found on her ward search"),
]

NOT_YES = [
    ("risk_to_life", "kids jumping in the pool at the leisure centre"),
    ("risk_to_life", "nicked his wrist on the barbed wire climbing the fence"),
    ("suicidal_thoughts", "says hes better off with his mum for the weekend"),
    ("suicidal_thoughts", "the baby wont stay asleep past five"),
    ("suicidal_thoughts", "a boy ran out in front of his car, he braked in time"),
    ("risk_to_life", "took his rifle out of the cabinet to clean it before the clay shoot"),
    ("risk_to_life", "hell do himself an injury on that ladder"),
    ("risk_to_life", "the whole barn will go up in flames if that bonfire spreads"),
    ("serious_harm", "scratching her arms, the eczema is bad again"),
    ("risk_to_life", "she drove into the car park at nine"),
    ("medical_emergency", "she feels odd on the new inhaler"),
    ("medical_emergency", "his hip turned out fine on the x-ray"),
    ("medical_emergency", "a lump coming up in her breast, gp appointment booked"),
    ("medical_emergency", "she keeps being sick with a tummy bug"),
    ("medical_emergency", "has a cold and a sore throat, cant swallow"),
    ("serious_harm", "he has his eyes shut and is resting"),
    ("weapon", "came into the office with her handbag and sat down"),
    ("weapon", "broken bottles on the beach again"),
    ("weapon", "the lad pulled a fast one on her"),
    ("weapon", "held a pen to the paper and signed"),
    ("weapon", "kids playing sword fights with sticks"),
    ("weapon", "cook sliced her thumb with the knife chopping onions in the kitchen"),
    ("weapon", "says her boss stabbed her in the back over the promotion"),
    ("violence", "threatening to knock the garden wall down"),
    ("violence", "says shes next in the queue"),
    ("violence", "the first one through the door gets a prize"),
    ("violence", "the twins had a tussle over the ipad"),
    ("violence", "took a ball to the face at netball"),
    ("crime", "the glazier put the new window in today"),
    ("crime", "partner has hidden her car keys"),
    ("crime", "lifted the box off the shelf and carried it out"),
    ("crime", "made him carry the shopping up the stairs"),
    ("crime", "he is linked to county lines, staff say"),
]

OTHER_PERSON = [
    ("risk_to_life", "her son says his dad nicked his wrist with a razor"),
    ("weapon", "her brother hit the bouncer with his rucksack"),
    ("medical_emergency", "his wife says her shoulder has popped out again"),
]


def test_a_threat_to_oneself_with_a_condition_said_at_the_scene_is_kept() -> None:
    text = "stood in the garden with a can of petrol saying if she leaves he'll go up in flames"
    assert answer(text, "risk_to_life") is Answer.YES
    assert answer(text, "suicidal_thoughts") is Answer.YES


def test_a_knife_unaccounted_for_stands_over_a_search_that_found_nothing() -> None:
    text = "no weapons found on his leave search, but a steak knife is missing from lunch"
    assert answer(text, "weapon") is Answer.YES


def test_no_intent_to_die_is_narrow_beside_thoughts_of_ending_it() -> None:
    text = "has thoughts of ending it, no intent to die, engaging with the team"
    assert answer(text, "risk_to_life") is Answer.YES
