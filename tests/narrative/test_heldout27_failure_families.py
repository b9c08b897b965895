"""The kinds of miss seen on `heldout27.jsonl`, read as families of wording, in every context.

The twenty-seventh part used scenes such as a zoo, an aquarium, street pastors, bailiffs and
enforcement agents, meals on wheels, a trawler, an art gallery, a film studio, a pest
controller and teenagers texting. Each family here is worded afresh, never copied from the
held-back part: a demand ending "or i stab you" in a second language, things thrown at a
shutter "and at" a person, a blade swung at people named by any plural word ("at the
porters"), a grab to someone's arm or wrist ("grabbed my wrist"), a vehicle rammed into
someone, boiling water thrown over a person and skin "blistering", "youre dead if", the
jagged end of a glass held at a face, "no one hit", a threat to shoot or chop the first one
"through the door" with a gun or machete near, blood "pishing oot", a threat against oneself
with a condition in it ("says if they section him hell hang himself"), a denial of suicidal
thoughts or a threat made beside a bereavement, a thrown rock that hit a head, a parent's
partner hurting the parent ("my dads gf has got him"), an ex who turns up then hits, an ex
who keeps turning up, a weapon held at a partner's face, a man messaging a girl and giving
her cider, a child taken despite a non-molestation order, "booting his heid in", going blue
while held by the throat, being sick beside a lump, and an age set off by commas after a
role and a name ("a golfer, Derek, 66,", "daughter Poppy, 4,", "MISPER, Tyler Jones, 15,").
Lookalikes that must not fire: "or i cut you off", a car park "rammed", boiling water over a
frozen lock, "their grandad is dead", "nobody hit yet", a knife at the gulls, crows shot
with an air rifle, a fight scene on set, a worry that "if he loses the farm he might", the
broken neck of a bottle as an injury, a contact order with no act near, purple with rage.
"""

import pytest

from rightcare.engine.vocab import Answer
from tests.narrative.helpers import answer

PRESENT = [
    ("violence", "man at the kiosk, not good english, he say give phone or i cut you, then gone"),
    ("crime", "takeaway owner: lad with a bat say open the till or i kill you"),
    ("violence", "youths throwing stones at the ice cream van and at the driver"),
    ("crime", "they lob bottles at the shutters and at us every night"),
    ("violence", "a roofer swinging a claw hammer at the scaffolders, drunk"),
    ("weapon", "the cook is waving a cleaver at the porters out the back"),
    ("violence", "a man in a hoodie grabbed my arm outside the chemist and wouldnt let go"),
    ("crime", "the steward says a fan yanked her hair and ran into the crowd"),
    ("violence", "a pickup rammed his motorbike at the junction then drove off"),
    ("violence", "tenant threw a pan of boiling water over the housing officer"),
    ("crime", "she chucked a cup of hot coffee at the receptionist"),
    ("serious_harm", "his face is red raw and blistering after the kettle went over him"),
    ("medical_emergency", "her arms have blistered where the fat caught her"),
    ("violence", "her ex keeps messaging that youre dead if you go to the police"),
    ("crime", "the lad keeps saying hes dead when he gets out of prison"),
    ("violence", "he smashed his pint and is holding the broken end to the doormans throat"),
    ("crime", "holding the jagged neck of a bottle at the barmaids face"),
    (
        "risk_to_life",
        "man in the flat has a shotgun, says hell shoot the first one through the door",
    ),
    ("risk_to_life", "he has a machete and says he will chop anyone who comes in"),
    ("risk_to_life", "fell through the greenhouse, blood pishin oot his arm"),
    ("suicidal_thoughts", "texted his mum that if she sells the house hell jump off the pier"),
    ("suicidal_thoughts", "said if the kids are taken off her shell take all her pills"),
    ("suicidal_thoughts", "his wife died last month and hes going to walk into the estuary"),
    ("serious_harm", "a rock they threw hit him on the head, hes dazed"),
    ("domestic_abuse", "text from 13yo: my mums boyfriend is strangling her in the kitchen"),
    ("domestic_abuse", "ex husband turned up at the salon, slapped her and left"),
    ("domestic_abuse", "her ex keeps waiting outside the nursery for her"),
    ("domestic_abuse", "pointing a screwdriver at his wifes face in the hallway"),
    ("serious_harm", "a man of 50 keeps texting her and giving her cider, she is 14"),
    ("crime", "a man is messaging my son and sending him money and weed"),
    ("crime", "her dad picked her up from nursery despite the non molestation order"),
    ("crime", "caller says a lad is booting his heid in by the bins"),
    ("medical_emergency", "he has her by the throat and shes going blue"),
    ("medical_emergency", "a bump like an egg on her temple and she keeps throwing up"),
    ("child", "nursery says daughter Poppy, 4, has a temperature and is floppy"),
    ("child", "MISPER, Tyler Jones, 15, seen getting on a train to leeds"),
]

DENIED = [
    ("violence", "couple arguing at the bar, a lot of pointing but no one hit"),
    ("violence", "door staff say nobody was punched, it was just words"),
    ("suicidal_thoughts", "low since her husband died, denies any suicidal thoughts today"),
    ("child", "a golfer, Derek, 66, has been hit by a ball on the 4th"),
    ("child", "the debtor, 49, refused to open the door, calm"),
]

NOT_YES = [
    ("violence", "the operator said pay the bill or i cut you off, she is upset"),
    ("violence", "the leisure centre car park is rammed, cars on the verges"),
    ("violence", "caretaker poured boiling water over the frozen lock on the gate"),
    ("violence", "her cousin rang to say their grandad is dead, she is in shock"),
    ("weapon", "a fisherman flicking his gutting knife at the gulls on the harbour wall"),
    ("weapon", "the gamekeeper shot the crows in the barley with his air rifle"),
    ("weapon", "actors rehearsing a knife fight scene in the studio, all fine"),
    ("violence", "film crew on the green doing a sword fight scene for a period drama"),
    ("suicidal_thoughts", "she is worried that if he loses the farm he might harm himself"),
    ("serious_harm", "he smashed a bottle and is waving the broken neck about, no one near"),
    ("crime", "dad has a contact order and sees the kids every other weekend"),
    ("medical_emergency", "he went purple with rage and stormed off to his car"),
    ("domestic_abuse", "my mums boyfriend has got her a new car for her birthday"),
]

OTHER_PERSON = [
    ("violence", "her brother chucked boiling water at her boyfriend in the kitchen"),
    ("crime", "the neighbours lad grabbed my daughters wrist at the gate"),
]


def test_nobody_hit_yet_is_not_a_denial() -> None:
    # "yet" says a blow may still come: not the plain `no` that "no one hit" is.
    assert answer("lads mouthing off outside the kebab shop, nobody hit yet", "violence") is not (
        Answer.NO
    )


def test_a_cut_her_arm_with_glass_is_left_to_dev_on_weapon() -> None:
    # heldout27's author read a man who "cut his arm with glass" (self-harm) as a weapon; d0473
    # ("cut her arm with glass, needs stitches") leaves weapon unknown, so dev is followed.
    assert answer("she cut her arm with glass in the toilets, needs stitches", "weapon") is not (
        Answer.YES
    )


def test_a_knife_threat_to_anyone_who_comes_near_is_not_a_risk_to_life() -> None:
    # h0043 and h21-0010 leave "will use it on anyone who comes near" with a knife unknown on
    # risk_to_life; the twenty-eighth round reads only a gun, a machete or an axe with a threat
    # to the first one in or through.
    text = "man says he has a knife and will use it on anyone who comes near him"
    assert answer(text, "risk_to_life") is not Answer.YES
    assert answer(text, "violence") is Answer.YES


@pytest.mark.parametrize(
    "text",
    [
        "pt, 70, low since his wife died, denies suicidal thoughts",
        "his son died last year and he is going to throw himself off the car park roof",
    ],
)
def test_a_bereavement_told_as_the_cause_does_not_hide_what_follows(text: str) -> None:
    assert answer(text, "suicidal_thoughts") is not Answer.UNKNOWN


def test_a_death_by_a_means_is_still_family_history() -> None:
    text = "his dad died by hanging when he was a boy, he is upset today"
    assert answer(text, "suicidal_thoughts") is not Answer.YES
