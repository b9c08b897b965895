"""The kinds of miss seen on `heldout13.jsonl`, read as families of wording, in every context.

The thirteenth part was written for scenes and wordings no earlier part used. Each family here
is worded afresh, never copied from the held-back part: ending one's life in online slang
("unalive") or as a pet is put down; a threat in a message or in words with a condition after
"texted that if" or "has said if"; sitting with all one's tablets and a drink; going under
again and again; cutting at one's own wrists or arms; lips a bluish colour; a pet handed over as
a goodbye; empty medicine packets by someone; a whole script done; a small wound (a scratch, a
slash) on the body; a fall that landed on the neck, legs that cannot be felt; a young person
made to send pictures; touched after being pinned; an oxygen saturation in the 80s; lips and
eyes swelling in a reaction, an epipen given; someone who cannot be got to respond; a diabetic
with the signs further on; pills given by others and feeling ill; "knack" as a blow; a threat
to kick off; slashed by a person; a weapon named and then stood over someone with; being back
"for" a person; a hand down tracksuit bottoms "like he's got something"; a blow struck with a
lead or a cable; a wheel brace swung; sharp clinical tools taken; theft of named things; weapons
it is an offence to have. Plain noes: "not believed armed", "hasnt got one on him", "update:
no blade", "nobody kicking off", "no one's been cut", "no medical need". Lookalikes that must
not fire are listed below.
"""

from rightcare.engine.vocab import Answer
from tests.narrative.helpers import answer

PRESENT = [
    # ending one's life in new slang, or as a pet is put down
    ("risk_to_life", "girl, 14, posted on her story that she wants to unalive herself"),
    ("suicidal_thoughts", "he keeps typing kms in the group chat, mates worried"),
    ("risk_to_life", "farmer told the vet he is going to put himself down like the old ewe"),
    # a threat with a condition in a message, or after "has said"
    ("risk_to_life", "son messaged that if the landlord evicts him he will hang himself"),
    ("violence", "she says he has said if she goes to the refuge he will kill her"),
    # the means at hand with drink
    ("risk_to_life", "on the cliff path with a bottle of whisky and all her pills"),
    # going under again and again
    ("risk_to_life", "man thrashing about off the slipway, gone under again"),
    # cutting at one's own wrists or arms
    ("risk_to_life", "lad in the stairwell slashing at his own wrists with a razor"),
    ("serious_harm", "she is scratching at her arms with a broken compact mirror"),
    ("suicidal_thoughts", "patient cutting at his own forearms in the toilets"),
    # lips a bluish colour
    ("risk_to_life", "found him on the sofa, lips bluish and barely breathing"),
    # a pet handed over as a goodbye
    ("risk_to_life", "he handed his sister the flat keys and the dog and walked off"),
    # empty medicine packets, a whole script done
    ("serious_harm", "empty box of zopiclone on the bedside table, she is very drowsy"),
    ("medical_emergency", "empty paracetamol packets all over the bathroom floor"),
    ("serious_harm", "thinks he has done his whole script of diazepam in one go"),
    # a small wound on the body
    ("serious_harm", "the carer has a deep scratch on her face from the struggle"),
    ("serious_harm", "came home with a slash across his cheek"),
    # a fall onto the neck, legs that cannot be felt
    ("serious_harm", "gymnast came off the bars and landed on her head, crying"),
    ("serious_harm", "fell off the quad bike and cant feel his legs"),
    # a young person made to send pictures
    ("serious_harm", "lad, 13, says an older boy online pressured him into sending nudes"),
    # touched after being pinned
    ("serious_harm", "the man cornered her by the lockers and groped her"),
    # a low oxygen saturation, a reaction, an epipen
    ("medical_emergency", "crew say his spo2 is 86 and he is struggling"),
    ("medical_emergency", "toddler ate a cashew, face swelling up and wheezing"),
    ("medical_emergency", "teacher has used her epipen, ambulance called"),
    # cannot be got to respond
    ("medical_emergency", "wife cant get him to wake up, snoring loudly"),
    # a diabetic with the signs further on
    ("medical_emergency", "neighbour is diabetic, missed her lunch, now sweating and incoherent"),
    ("medical_emergency", "her dad is diabetic and hasnt eaten since breakfast, very clammy"),
    # pills given by others
    ("medical_emergency", "she says the lads gave her some pills and now she feels dizzy"),
    # knack, kicking off, slashed by a person, stood over, back for someone
    ("violence", "shouting through the letterbox that he will knack him"),
    ("violence", "detainee has threatened to kick off if they cuff him again"),
    ("violence", "porter slashed on the hand with a blade by a patient"),
    ("violence", "her brother has a hammer and is standing over the lodger"),
    ("violence", "says he'll be back for the bouncer who threw him out"),
    # a hand down tracksuit bottoms, a blow with a lead or cable, a wheel brace swung
    ("weapon", "kid on the bus with his hand down his joggers like hes got something"),
    ("weapon", "her partner whipped her with a phone charger cable"),
    ("weapon", "driver swinging a wheel brace at the other motorist"),
    ("weapon", "patient took a scalpel from the dressing trolley"),
    # theft of named things, weapons it is an offence to have
    ("crime", "volunteer caught pocketing the cash from the charity tin"),
    ("crime", "mum found a knuckleduster in his school bag"),
]

DENIED = [
    ("weapon", "missing patient, no risk to others, not believed to be armed"),
    ("weapon", "search update: no knife, it was a phone"),
    ("violence", "staff say it is all calm, nobody kicking off now"),
    ("serious_harm", "he was waving the blade about but nobody has been cut"),
    ("medical_emergency", "crew checked him over, no medical need, happy for police to take him"),
]

NOT_YES = [
    # negated, a worry or a condition, the past
    ("risk_to_life", "she says she is not going to unalive herself, just needed to talk"),
    ("risk_to_life", "mum worried her daughter, 16, will do something silly if she fails"),
    ("violence", "known to kick off on previous visits, calm today"),
    ("risk_to_life", "his uncle went under the ice years ago"),
    # lookalikes
    ("suicidal_thoughts", "keeps putting herself down, says she is ugly"),
    ("risk_to_life", "daughter on the line says he is fine"),
    ("medical_emergency", "the spaniel has collapsed in the heat, owner distraught"),
    ("medical_emergency", "cant get him to answer the door, car is on the drive"),
    ("weapon", "staff at the golf club report a man asleep in the bunker"),
    ("weapon", "actor swung a prop sword during the panto"),
    ("weapon", "angler with a filleting knife sat by the lake"),
    ("weapon", "charge nurse came in with the lead nurse"),
    ("crime", "the lad nicked his seat on the bus"),
    ("crime", "vet wants us to smash the window to get the dog out"),
    ("serious_harm", "barber says it was a cut throat razor shave, nobody hurt"),
    ("serious_harm", "sent him some photos of the new flat"),
    ("child", "male 1 was punched by male 2 outside the chippy"),
    ("risk_to_life", "said he would kill his sister for finishing the milk, both laughing"),
    ("medical_emergency", "empty bottle of wine on the table, she is chatting"),
    ("violence", "mum will be back for her at five"),
    ("medical_emergency", "he is diabetic, not sweating or confused, just tired"),
]

OTHER_PERSON = [
    ("weapon", "her son hit the carer with the hoover cable"),
    ("serious_harm", "his girlfriend has a scratch on her neck"),
    ("risk_to_life", "her flatmate is in the bath, lips bluish"),
]


def test_update_colon_no_blade_is_a_plain_no_not_a_blade_seen() -> None:
    assert answer("0210 update: no blade found on him", "weapon") is Answer.NO
