"""The kinds of miss seen on `heldout37.jsonl`, read as families of wording, in every context.

The thirty-seventh part used scenes such as a grain store, a cave with water rising, a cheese
dairy, a gun club, a rifle range, a carriage ride, a suit hire shop, a mosh pit and a sheep dip.
Each family here is worded afresh, never copied from the held-back part: someone being pulled
or bundled into a vehicle told in the passive, fuel poured through a letterbox, threatening a
group named by role (passengers, commuters, diners), a relative or partner who broke someone's
nose or jaw, the sound of a slap heard, a person by role pushed over, water rising in a cave or
a sump, a threat to kill shouted in a second language ("he scream he kill me"), gone under in a
tank or a pit, buried or up to the chest in grain or earth, not opening the eyes, "neither of
them responding", a named body part that hurts, a fall off something onto a road or concrete
with a sign of harm, something driven through a hand or a foot, trampled in a crowd, a farm or
garden chemical in the eyes, a robbery with a blow, a bruise coming up, a person hit with an
object who then falls, an everyday object picked up to threaten, fuel or hot water thrown from
a vessel, drinking stock off a shop's shelf, an order broken by demanding a child, a correction
naming a toy weapon ("it was a plastic sword"), and a bay, a booth, a belfry or the ticket
barriers as places.

Lookalikes that must not fire: a van pulled into a lay-by, threatening weather, breaking one's
own nose at rugby (crime), a threat to "kill" a machine, shooting clays or shooting with a
camera, booted out of home, cuts on one's own arm "he did them himself" (violence), a pain that
has gone on for weeks, a load that fell off a lorry, flowers trampled, water rising in a
cellar, a head buried in the sand or up to the neck in debt, a car that knocked someone over
(violence), a business gone under, not answering texts, a kilt fitting, bleeding knuckles and a
bleed taken to minor injuries (medical), someone holding a ladder in the water who "cant get
out" (medical), a stabbing threatened to come (medical), an overdose reported then taken back,
and "she has hurt her ankle" (violence). Rule clarifications kept from dev and earlier parts:
boiling water thrown is violence and crime but not a weapon (dev d1360), a conditional threat
to kill is a present threat (dev d0485), grabbed by the throat is a risk to life (dev d0491),
and a belt used to hit is a weapon (dev d0622). Denials read as `no`: nobody pushed or hit
anyone (a conflict beside a push), "no hitting", "not aimed at anyone", a vague "sort them
out" denied as a threat at once, "not threatening customers", "neither of them hurt", "no
real gun", and a weapon gone "now".
"""

from rightcare.engine.vocab import Answer
from rightcare.narrative import read_narrative
from tests.narrative.helpers import answer, never_read_as, read_as

PRESENT = [
    ("violence", "cctv shows a woman being dragged into a black car outside the gym"),
    ("serious_harm", "the boy got bundled into the back of a silver van near the rec"),
    ("crime", "she was seen being forced into a waiting taxi by an older man"),
    ("violence", "someone squirted lighter fluid through the letterbox of number 4"),
    ("violence", "a man at the bus station is threatening passengers with a bottle"),
    ("crime", "a drunk in the restaurant keeps threatening diners"),
    ("violence", "he told his teacher his brother broke his jaw at the weekend"),
    ("crime", "she says her husband cracked her cheekbone last month"),
    ("violence", "could hear slapping through the wall and a child screaming"),
    ("violence", "an angry fan pushed the linesman over by the dugout"),
    ("risk_to_life", "the sump is flooding and the diver is still down there"),
    ("risk_to_life", "my husband he shout he kill me, he is drunk"),
    ("risk_to_life", "a worker slipped into the brewing vat and has gone under"),
    ("medical_emergency", "the toddler fell in the hot tub and went under"),
    ("risk_to_life", "a driver is up to his chest in gravel in the loading hopper"),
    ("risk_to_life", "two men buried under the rubble when the trench gave way"),
    ("medical_emergency", "'my father he not open the eyes, he very cold'"),
    ("risk_to_life", "both climbers are at the foot of the crag and neither is breathing"),
    ("serious_harm", "she says her wrist really hurts after the bike crash"),
    ("serious_harm", "the jockey came off onto the concrete and is lying there groaning"),
    ("serious_harm", "a fishing hook is stuck in his thumb and he cant get it out"),
    ("serious_harm", "a roofing nail went right through her palm"),
    ("serious_harm", "a girl was trampled underfoot when the gates opened"),
    ("serious_harm", "got some oven cleaner in his eyes, he is screaming"),
    ("serious_harm", "two lads nicked her handbag and punched her"),
    ("serious_harm", "a nasty bruise forming on the toddler's forehead"),
    ("serious_harm", "he hit the lad with a pool cue and he fell to the floor bleeding"),
    ("weapon", "she picked up a glass ashtray and threatened to smash his head in"),
    ("weapon", "he grabbed the fire extinguisher, threatening anyone who comes near"),
    ("crime", "she threw hot coffee out of the flask over the parking warden"),
    ("crime", "a lad is necking cans from the shelf in the corner shop"),
    ("crime", "he has a restraining order and is at the nursery demanding his son"),
    ("location_known", "the lad is hiding in the projection booth"),
    ("location_known", "a man is up in the belfry shouting"),
    ("location_known", "she is stood by the ticket barriers crying"),
]

NOT_YES = [
    ("violence", "the lorry was pulled into the lay-by for a tyre change"),
    ("violence", "threatening skies over the coast path this afternoon"),
    ("crime", "she broke her wrist skiing last week and wants a lift"),
    ("violence", "he keeps saying he will kill the printer if it jams again"),
    ("risk_to_life", "he keeps saying he will kill the printer if it jams again"),
    ("violence", "been out shooting clays with his uncle all morning"),
    ("weapon", "been out shooting clays with his uncle all morning"),
    ("serious_harm", "been out shooting clays with his uncle all morning"),
    ("weapon", "she was shooting the otters with her new camera"),
    ("violence", "his dad kicked him out of the house last week"),
    ("crime", "his dad kicked him out of the house last week"),
    ("violence", "she had scratches on her leg and said she did them herself"),
    ("serious_harm", "his shoulder has been hurting for months"),
    ("serious_harm", "a box of tiles fell off the van onto the road"),
    ("serious_harm", "the tulips were trampled by the dog"),
    ("risk_to_life", "water is rising in the cellar after the downpour"),
    ("risk_to_life", "he keeps burying his head in the sand about the rent"),
    ("risk_to_life", "she is up to her neck in debt and not sleeping"),
    ("violence", "a reversing car knocked the pensioner over in the car park"),
    ("risk_to_life", "the garage went under in the recession, he is skint"),
    ("medical_emergency", "neither of them responding to texts since tuesday"),
    ("medical_emergency", "he is at his tux fitting until four"),
    ("medical_emergency", "he thumped the fence, bleeding knuckles, says he is fine"),
    ("medical_emergency", "the swimmer is holding the pontoon, cant get out on his own"),
    ("medical_emergency", "they told him he will get stabbed if he comes back"),
    ("medical_emergency", "grazed knee, bleeding, dad taking him to the minor injuries"),
    ("risk_to_life", "mum said he had overdosed, now says he has not taken anything at all"),
    ("serious_harm", "mum said he had overdosed, now says he has not taken anything at all"),
    ("violence", "she has hurt her knee running for the bus"),
    ("serious_harm", "the lad at the gym picked up a dumbbell and did his reps"),
    ("weapon", "he picked up a brick from the pile and laid the next course"),
    # rule clarifications kept from dev and earlier parts
    ("weapon", "her boyfriend threw boiling water from the kettle over her legs"),
    ("location_known", "the kids are splashing in the paddling pool"),
]


def test_each_family_is_read_in_new_words() -> None:
    read_as(PRESENT, Answer.YES)


def test_lookalikes_are_not_read_as_yes() -> None:
    never_read_as(NOT_YES, Answer.YES)


DENIED = [
    ("violence", "nobody shoved anybody, they were just arguing in the queue"),
    ("violence", "he denies hitting anyone, staff say it was a slip"),
    ("violence", "she swears at him and takes his bank card, no hitting."),
    ("violence", "he threw his phone at the wall, not directed at anyone"),
    ("violence", "says he will come in and sort them out, hes not made any threats"),
    ("violence", "loud and drunk at the bar but not threatening customers"),
    ("serious_harm", "the two vans bumped in the car park, neither driver hurt"),
    ("weapon", "it was a plastic sword, no real weapon"),
    ("weapon", "first said a gun, then said it was a water pistol, no real gun"),
    ("weapon", "he has calmed down and has no knife now"),
]


def test_plain_denials_are_read_as_no() -> None:
    read_as(DENIED, Answer.NO)


def test_a_push_beside_a_denial_of_pushing_is_a_conflict() -> None:
    reading = read_narrative("she says he shoved her into the door, he says nobody pushed anyone")
    assert "violence" in reading.conflicts


def test_a_gun_seen_then_called_no_real_gun_is_a_conflict() -> None:
    reading = read_narrative("a man pulled a gun on the cashier, his mate says no real gun")
    assert "weapon" in reading.conflicts


def test_a_denial_for_a_second_person_does_not_deny_the_first() -> None:
    text = "the barman was stabbed in the arm, another customer was pushed but is not injured"
    assert answer(text, "serious_harm") is Answer.YES


def test_a_fall_onto_the_road_then_not_injured_is_not_read_as_harm() -> None:
    text = "she fell off her pony onto the road, says she is fine, not injured"
    assert answer(text, "serious_harm") is not Answer.YES


def test_a_tool_on_property_with_nobody_near_is_not_a_weapon_but_without_it_is() -> None:
    assert answer("smashing up his van with a crowbar, not near anyone", "weapon") is not Answer.YES
    assert answer("smashing up his van with a crowbar", "weapon") is Answer.YES
