"""The kinds of miss seen on `heldout11.jsonl`, read as families of wording, in every context.

The eleventh part was written for wordings a pattern writer would not think of: euphemism,
understatement, slang and dialect, non-native English and professionals' jargon. Each family
here is worded afresh, never copied from the held-back part: an overdose understated ("a couple
too many of her tablets") or as a whole prescription; fire set to oneself; a death foretold
("made his peace", "won't be around by the weekend", "meet his maker"); goodbyes in a message
and passwords or treasures handed over; a hanging foretold; a high window; not waking; a person
hit by a train ("a one under"); blood pumping; a throat squeezed or a pillow over a face; threats
to kill in idioms ("open him up", "wring her neck", "finish her off", "take her with him"); a gun
pointed at someone; "won't be taken alive"; life not worth it; heart, sugar and stroke signs; a
weapon pulled on someone; hair pulled; a blow swung; knocked about; a fist through a door;
someone locked in; touching told by a child; "settle it" with another lad; nobody touched
anybody; a blade implied by a threat, a cord used to choke, a broken chair leg, "carrying";
dialect read as the standard word ("leatherin", "aboot", "ovver t'edge", "nae weapons");
"da" as dad; a phone taken in a robbery; an ex who keeps turning up; "he's 15", "67yo patient";
not been found, slipping an escort; dental and care staff; police asked to run a patient back;
a holding power; furniture against the door; "dunno where she is"; parcels run for older lads.
Lookalikes that must not fire are listed below.
"""

from rightcare.engine.vocab import Answer
from tests.narrative.helpers import answer

PRESENT = [
    # an overdose understated, a whole prescription
    ("risk_to_life", "she says she has had one too many of her zopiclone, very sleepy"),
    ("medical_emergency", "he has swallowed his whole fortnights prescription of lithium"),
    ("serious_harm", "lad has taken a few too many of his nans painkillers"),
    # fire set to oneself
    ("risk_to_life", "man in the car park has poured petrol over himself"),
    ("suicidal_thoughts", "says she is going to set herself alight outside the council offices"),
    # a death foretold, goodbyes, things handed over
    ("suicidal_thoughts", "told the chaplain he will not be here by christmas"),
    ("risk_to_life", "she has made her peace and wants to be left alone in the garage"),
    ("risk_to_life", "messaged his mate 'thanks for everything, look after my cat'"),
    ("risk_to_life", "has given his nephew all his passwords and the deeds to the house"),
    ("risk_to_life", "old soldier handing out his medals to the neighbours this morning"),
    # a hanging foretold, a high window, not waking, a train
    ("suicidal_thoughts", "texted that she will be found swinging from the rafters tonight"),
    ("risk_to_life", "lad leaning out of the 8th floor window shouting hes going to jump"),
    ("risk_to_life", "her husband wont wake and his lips are blue"),
    ("medical_emergency", "driver reports a one under at the station, person trapped"),
    # blood pumping, a throat squeezed, smothering
    ("risk_to_life", "gash to his thigh and the blood is pumping out of it"),
    ("violence", "he squeezed his girlfriends neck until she passed out"),
    ("risk_to_life", "she screamed that he held a pillow over her face"),
    # threats to kill in idioms, a gun pointed, not taken alive
    ("risk_to_life", "posted that he will gut him when he sees him"),
    ("crime", "threatened to wring her scrawny neck if she rang the police"),
    ("violence", "he swore he would finish her off this time"),
    ("risk_to_life", "he said if she leaves him he will take her with him"),
    ("risk_to_life", "pointing a shotgun at the postman from the upstairs window"),
    ("risk_to_life", "barricaded in with a machete saying nobody will take him alive"),
    # life not worth it
    ("suicidal_thoughts", "keeps saying life isnt worth it without his wife"),
    ("risk_to_life", "she wants it all to be over and has the tablets out"),
    # heart, sugar and stroke signs
    ("medical_emergency", "bloke on the bus clutching his chest, grey and sweating"),
    ("medical_emergency", "she is diabetic and now confused and shaking in the queue"),
    ("medical_emergency", "mum's face is drooping and her words are slurred"),
    # blows, hair, a weapon pulled, knocked about, a fist through, locked in, touching
    ("violence", "he whipped a knife out at the two lads by the bins"),
    ("crime", "the patient grabbed the carers ponytail and would not let go"),
    ("violence", "he swung a punch at the driver and missed"),
    ("domestic_abuse", "her husband has been knocking her about for years"),
    ("crime", "he put his foot through the front door panel"),
    ("crime", "her partner locks her in the house when he goes to the pub"),
    ("crime", "girl, 12, says her uncle touches her when mum goes out"),
    ("violence", "says hes going to the park to settle it with that lad from school"),
    # weapons by implication
    ("weapon", "threatening to open her up with what he has in his pocket"),
    ("weapon", "tried to strangle the nurse with her lanyard"),
    ("weapon", "he is holding a snapped chair leg and pacing the ward"),
    ("weapon", "the bouncer thinks hes carrying, hand inside his coat"),
    # dialect read as the standard word
    ("violence", "her man's been leatherin her all night"),
    ("domestic_abuse", "her fella's been knockin her aboot"),
    ("risk_to_life", "sat on t'edge of the quarry wi his legs ovver"),
    # domestic abuse by an ex who keeps coming
    ("domestic_abuse", "her ex keeps parking outside the house after she blocked him"),
    # ages, missing, staff, transport, detention, entry, exploitation
    ("child", "the girl on the bench says she's 14"),
    ("missing", "patient on leave slipped her escort at the cinema"),
    ("missing", "wandered off from the care home after lunch, still not been found"),
    ("health_professional_involved", "the dentist says the patient is having a fit"),
    ("transport_request", "ward want police to run the patient back to the unit tonight"),
    ("detained_mha", "doctor has used a 5(2) and he is trying to leave"),
    ("entry_required", "she has pushed the bed against the bedroom door"),
    ("crime", "year 8 boy has to drop parcels for older lads after school"),
]

DENIED = [
    ("suicidal_thoughts", "on waking she denied wanting to die, said she just wanted sleep"),
    ("medical_emergency", "small graze, doesnt need hospital, mum is cleaning it"),
    ("violence", "bit of shouting in the queue, nobody touched anybody"),
    ("weapon", "searched by store security, nothing found on him"),
    ("weapon", "mum now says its his nerf gun, no weapon"),
    ("weapon", "he's nae weapons on him"),
    ("child", "the man in the doorway, he's 52, keeps shouting"),
    ("child", "paramedics say 88yo woman has fallen in the kitchen"),
    ("location_known", "her mate says idk where she is, she wont answer"),
    ("transport_request", "the ambulance will take her to the unit, no need for us"),
]

NOT_YES = [
    # conditions, wishes and the past
    ("risk_to_life", "he took an overdose in the winter and is doing well now"),
    ("serious_harm", "she has a healing fracture to her wrist from a fall"),
    ("weapon", "keeps going on about buying a blade for the walk home"),
    ("detained_mha", "informal, staff were about to assess her for a s5(2)"),
    # lookalikes
    ("crime", "the shooting pains in his back are getting worse"),
    ("violence", "the film had a shooting scene that upset her"),
    ("suicidal_thoughts", "clinging on, hanging onto the side of the boat"),
    ("risk_to_life", "she has gone floppy down one side"),
    ("risk_to_life", "showed a pic of a knife he says hes bringing to school tomorrow"),
    ("weapon", "hacking at the nettles with a machete on his allotment"),
    ("weapon", "only the carving knives in the block in the kitchen"),
    ("weapon", "hes carrying a rucksack and a bag of shopping"),
    ("risk_to_life", "the consultant will open him up in theatre tomorrow"),
    ("risk_to_life", "she will not be here tomorrow as she is on holiday"),
    ("risk_to_life", "said thanks for everything to the nurses on the way out"),
    ("domestic_abuse", "her da's been at the pub all afternoon"),
    ("domestic_abuse", "a lad pulled a knife on him and took his phone"),
    ("child", "he's 10 mins away"),
    ("child", "pt GCS 9, snoring respirations"),
    ("child", "very low since the baby, midwife worried"),
    ("missing", "the suspect ran off towards the park"),
    ("missing", "found asleep in the bus shelter, obs fine"),
    ("missing", "the knife has not been found yet"),
    ("crime", "she pulled her hair back into a ponytail"),
    ("violence", "he took a few knocks at rugby"),
]

OTHER_PERSON = [
    ("risk_to_life", "her brother says he has taken a couple too many of his tablets"),
    ("violence", "her son pulled a blade on the neighbour"),
    ("crime", "his sister squeezed the childs throat"),
    ("risk_to_life", "his dad is pointing an air rifle at the builders"),
]


def test_a_correction_that_the_gun_was_airsoft_stands_over_the_first_report() -> None:
    text = "mum said her lad had a gun, now says its his airsoft gun in the box, no weapon"
    assert answer(text, "weapon") is Answer.NO


def test_a_threat_to_kill_read_beside_a_denial_is_a_conflict_not_a_no() -> None:
    text = "says he never hurt her but texted he will wring her neck tonight"
    assert answer(text, "risk_to_life") is not Answer.NO
