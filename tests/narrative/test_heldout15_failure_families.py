"""The kinds of miss seen on `heldout15.jsonl`, read as families of wording, in every context.

The fifteenth part was written for scenes no earlier part used (a dry ski slope, a boating
lake, a funfair, a leisure centre pool, a car auction ...). Each family here is worded afresh,
never copied from the held-back part: a bottle or glass used to hit someone; a denial of injury
to others; a quantity in quotes swallowed; a threat in slang ("getting wet", one in the chamber,
"stripe" the next one who grasses); knives and guns in slang; a gun fired at people; someone
held under water; a goodbye to the family in a message or a note; walking or standing in
water; a tower's outside ladder; petrol poured round a home with a flame near; "much blood";
not waking or staying awake; a weapon flashed; something long wrapped up by someone watching;
"got something for" people in a row; a weapon kept for whoever comes; more of a drug than
usual; empty packets beside someone; a tongue swelling with the breathing affected. Plain
noes: "no injuries to anyone". Lookalikes that must not fire are listed below, among them the
entry families: a victim who got away and locked herself in, doors locked in a car, and keys
hidden so someone cannot leave.
"""

from rightcare.engine.vocab import Answer
from tests.narrative.helpers import answer

PRESENT = [
    # a bottle or glass used to hit someone
    ("weapon", "the landlord was smacked with a beer bottle in the lounge bar"),
    ("weapon", "a lad cracked a glass over his mates head at the afterparty"),
    # a quantity in quotes swallowed
    ("serious_harm", "has swallowed 'a bunch' of his amitriptyline, says he feels odd"),
    ("medical_emergency", "she took 'a fistful' of co-codamol an hour ago"),
    # threats in slang
    ("violence", "says hell 'slash' the next one that comes in"),
    ("violence", "showed the bouncer his blade and said he was getting wet"),
    ("risk_to_life", "text says there is a bullet with your name on it"),
    ("crime", "voicemail saying hes got one in the chamber for her dad"),
    # knives and guns in slang, flashed
    ("weapon", "the lad on the scooter has a nank in his bumbag"),
    ("weapon", "two youths, one pulled a strap from his trackies"),
    ("violence", "he brandished a machete at the paper boy"),
    # a gun fired at people, someone held under water
    ("violence", "some idiot is shooting an airsoft gun at shoppers from a window"),
    ("crime", "they were dunking the new boy under the water at the baths"),
    ("serious_harm", "his brother pinned her head under in the hot tub"),
    # a goodbye in a message or a note
    ("risk_to_life", "her whatsapp just said tell my boys i love them, now not answering"),
    ("risk_to_life", "wrote a letter to his parents and went out, not been seen since"),
    # walking or standing in water, a tower's ladder
    ("risk_to_life", "woman waded into the ornamental pond in her coat, not answering"),
    ("risk_to_life", "bloke standing in the middle of the ford, river up to his chest"),
    ("risk_to_life", "teen climbing the service ladder of the lighthouse"),
    # petrol poured round a home, a flame near
    ("risk_to_life", "her dad has sloshed fuel all over the landing"),
    ("weapon", "he tipped petrol through the letterbox and has a zippo in his hand"),
    # much blood, not waking, will not stay awake
    ("medical_emergency", "please come, my son much blood from his head"),
    ("risk_to_life", "my father on floor, he not wake up"),
    ("medical_emergency", "nan keeps nodding, she wont stay awake"),
    # something long wrapped up, something for people, kept for whoever comes
    ("weapon", "stranger lurking by the school gates with something long hidden in a bin bag"),
    ("violence", "customer screaming at staff says hes got something for all of them"),
    ("violence", "keeps a machete by the door for anyone who tries it"),
    # more drug than usual, empty packets, a tongue swelling with breathing affected
    ("serious_harm", "mate says he has railed way more coke than normal and is fitting"),
    ("serious_harm", "empty sertraline packets next to her on the sofa"),
    ("risk_to_life", "shellfish at the wedding, his tongue is swelling and he is gasping"),
]

DENIED = [
    ("serious_harm", "scuffle in the queue, no injuries to anyone"),
    ("weapon", "security searched him, unarmed"),
]

NOT_YES = [
    # the same words with no blow, no drug, no person, no danger
    ("weapon", "he turned up with a bottle of prosecco for the party"),
    ("weapon", "she smashed a glass on the kitchen floor by accident"),
    ("serious_harm", "no other injuries besides the graze"),
    ("serious_harm", "the other lad in the collision is not injured"),
    ("medical_emergency", "had 'a handful' of crisps at the bar"),
    ("violence", "gonna slice one of the cakes for the raffle"),
    ("violence", "the kids are getting wet at the splash park"),
    ("weapon", "her rucksack strap has snapped"),
    ("weapon", "the burner phones were seized at the address"),
    ("violence", "lifeguard held her under the arms and pulled her out"),
    ("violence", "the team are firing arrows at the targets at the archery club"),
    ("risk_to_life", "she left a note for the postman about the parcel"),
    ("risk_to_life", "children paddling in the lake up to their ankles"),
    ("risk_to_life", "roofer up the ladder fixing the gutter"),
    ("weapon", "he filled the lawnmower with petrol and lit the bbq with a lighter"),
    ("risk_to_life", "how much blood did they take at the clinic"),
    ("medical_emergency", "he did not wake up until midday, hungover"),
    ("medical_emergency", "says he wants to go to sleep and not wake up"),
    ("weapon", "the parcel on the step is something long wrapped in paper, from his aunt"),
    ("violence", "grandad has got something for the kids for christmas"),
    ("serious_harm", "had a lot more coffee than usual at work"),
    ("risk_to_life", "severe allergic reaction, throat swelling"),
    ("risk_to_life", "her tongue is swollen after the dentist"),
    ("weapon", "the knife throwers act was cancelled tonight"),
    ("weapon", "dad splitting logs with an axe in the yard"),
    # entry: safe behind a door, in a car, kept in by keys
    ("entry_required", "she ran upstairs and locked herself in the loo, he is still in the lounge"),
    ("entry_required", "the childminder and the twins are in her van outside, doors locked"),
    ("entry_required", "he took her house keys so she cannot go out"),
]

OTHER_PERSON = [
    ("weapon", "her boyfriend was whacked with a vodka bottle outside the club"),
    ("risk_to_life", "her brother has walked into the quarry lake fully dressed"),
    ("violence", "her cousin fired a pellet gun at the kids on the field"),
]


def test_someone_held_under_as_a_joke_is_still_harm() -> None:
    text = "lads held him under in the river as a laugh, he came up coughing and blue"
    assert answer(text, "serious_harm") is Answer.YES
