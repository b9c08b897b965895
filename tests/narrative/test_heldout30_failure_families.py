"""The kinds of miss seen on `heldout30.jsonl`, read as families of wording, in every context.

The thirtieth part used scenes such as a cobbler's kiosk, a scaffold, an esports arena, a sea
fishing charter, a kayak hire, a bell tower, a lime pit, a printworks and a comic con. Each
family here is worded afresh, never copied from the held-back part: something thrown at a
person by any name or at someone's head, a person struck in the face with any object, a blade
held to another person's throat, a blade produced from a waistband, a threat to wreck a place
"and anybody who" stops him, marks "as if someone gripped her", a baby put in a river, a
relative's threat relayed with a condition, cards taken by a grandson, a threat to tip or pitch
himself in, "use it on himself", "going over" beside a drop, taking a street "with him" by gas,
a blade to his own wrist, "no point anymore", not come back up from the water, hard to keep
awake, a bad burn or scalded hands, a knee to the face, a cut under the eye, injecting then
collapsed, berries eaten then vomiting, a hand trapped in a mixer, a bone sticking through, and
a prop weapon ("the axe is foam"). Lookalikes that must not fire: a ball thrown at a dog, a
baby put in the bath, a knife that slipped while boning, a dress fitting, "no point ringing",
a fist, a biscuit had after a dizzy turn, a plastic cutlass, "use it on himself" as violence.
"""

from rightcare.engine.vocab import Answer
from tests.narrative.helpers import answer, never_read_as, read_as

PRESENT = [
    ("violence", "a spectator lobbed a bottle of water at the stewards during the match"),
    ("crime", "somebody hurled a paving slab at her head from the bridge, it missed"),
    ("violence", "her partner hoyed the iron at her, then stormed off upstairs"),
    ("weapon", "the striker smacked the keeper across the face with his shin pad"),
    ("crime", "he clouted the barman on the head with a tray before running off"),
    ("weapon", "a man has a bread knife to the cashiers throat at the post office counter"),
    ("violence", "the lodger has a craft knife against his landlords neck in the hall"),
    ("violence", "a man drew a knife from his coat when the doorman refused him entry"),
    ("violence", "shouting he will trash the office and anyone who gets in his way"),
    ("violence", "the carer says her client has bruises on her wrists like she has been gripped"),
    ("violence", "the mum says she wants to throw the baby in the river"),
    ("domestic_abuse", "my dad says if i go to the party hes gonna batter me"),
    ("domestic_abuse", "her granddaughter keeps taking her bank card, she is scared of her"),
    ("suicidal_thoughts", "a man on the harbour wall says hell throw himself in"),
    ("risk_to_life", "she says shell dae hersel in, she has a bottle of pills"),
    ("suicidal_thoughts", "he says he has a rope in the garage and will use it on himself"),
    ("suicidal_thoughts", "a lad is at the edge of the quarry drop shouting hes going over"),
    (
        "suicidal_thoughts",
        "he has left the gas on and says he will strike a match and take us all with him",
    ),
    ("suicidal_thoughts", "he has a stanley blade pressed to his own arm in the kitchen"),
    ("suicidal_thoughts", "since his wife left he says there is no point any more"),
    ("risk_to_life", "the swimmer went under by the jetty and has not come back up"),
    ("risk_to_life", "she has drunk a bottle of vodka, drowsy, and we cant keep her awake"),
    ("serious_harm", "the welder has a nasty burn on his neck from the sparks"),
    ("serious_harm", "her face is badly scalded from the pan of soup"),
    ("serious_harm", "the boxer took a punch to the jaw and is dazed"),
    ("serious_harm", "the goalkeeper has a gash above his eye after the clash"),
    ("serious_harm", "a man was jacking up behind the bins, now slumped and grey"),
    ("medical_emergency", "the kids ate toadstools in the garden and are now sick and drowsy"),
    ("medical_emergency", "caught his arm in the baler on the farm"),
    ("medical_emergency", "two fingers severed on the circular saw"),
    ("medical_emergency", "fell off the climbing wall, the bone is poking out of his shin"),
]

DENIED = [
    ("weapon", "the cosplayers sword was plastic, checked at the door, no weapons"),
]

NOT_YES = [
    ("violence", "the kids were throwing sticks at the dog on the beach"),
    ("violence", "he has a gun for rabbits and says he will use it on himself"),
    ("violence", "she put the baby in the bath and went for a towel"),
    ("weapon", "boning a chicken, the knife slipped and he cut his palm"),
    ("medical_emergency", "the bride is at her dress fitting and is very excited"),
    ("suicidal_thoughts", "he says there is no point ringing the council again"),
    ("weapon", "he hit the lad in the face with his fist outside the chippy"),
    ("weapon", "she went dizzy, diabetic, had a biscuit, now fine and chatting"),
    ("violence", "a man dressed as a pirate waving a plastic cutlass at the kids, all laughing"),
    ("suicidal_thoughts", "he is taking the kids with him to his mums for the weekend"),
    ("risk_to_life", "as a night worker it is hard to keep awake, she says"),
    ("medical_emergency", "the groom has a bleeding lip after the punch"),
]

OTHER_PERSON = [
    ("violence", "her brother threw a mug at the neighbours head over the fence"),
    ("weapon", "his cousin has a machete to the dealers neck in the car park"),
]


def test_each_family_is_read_in_new_words() -> None:
    read_as(PRESENT, Answer.YES)


def test_a_prop_weapon_retracts_and_the_denial_stands() -> None:
    read_as(DENIED, Answer.NO)


def test_lookalikes_are_not_read_as_yes() -> None:
    never_read_as(NOT_YES, Answer.YES)


def test_the_same_acts_by_another_person_still_count() -> None:
    read_as(OTHER_PERSON, Answer.YES)


def test_a_threat_to_use_a_weapon_on_people_is_left_to_dev_on_crime_and_risk() -> None:
    # d0083 and m0032 leave "will use it on the neighbour / next person" off crime and risk;
    # heldout30 (h30-0076) reads one on the councillors. Dev is followed.
    text = "has a hatchet in the van and says he will use it on the bailiff"
    assert answer(text, "crime") is not Answer.YES
    assert answer(text, "risk_to_life") is not Answer.YES
