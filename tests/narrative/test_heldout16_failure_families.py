"""The kinds of miss seen on `heldout16.jsonl`, read as families of wording, in every context.

The sixteenth part was written for scenes no earlier part used (a pottery studio, a chiropody
clinic, a martial arts dojo, a model railway club, a nursing home lounge ...). Each family here
is worded afresh, never copied from the held-back part: an object used on a person named with
an age; a denial of weapons in a room searched; a threat to "gut" or to hurt the first one in,
"all of us", "do him if he comes", "he'd hurt me if", "somebody's getting it", "or I'm coming
through"; people kept in by someone with a weapon; a thing "throw" at a person in a caller's
English; a gun in slang ("wap"); a bleed that will not stop pouring, blood through a
dressing, "fitted", a face gone droopy, blood coughed up, breathing slow or shallow, cold and
confused, a head lump like an egg, out for a minute after a blow; a body part cut or sliced
open, an eye swelling shut, a small cut or a head lac, forced to do things, a fall from a
ladder or roof; bleeding like a stuck pig; "what looked like a gun" pointed at someone. Plain
noes: "no one attacked anyone", a room searched and nothing found. Lookalikes that must not
fire are listed below, among them the entry families: a worker locked in the office from a
man outside, someone gone inside and the door locked on a threat, someone not let in, and a
key worker.
"""

from rightcare.engine.vocab import Answer
from tests.narrative.helpers import answer

PRESENT = [
    # an object used on a person named with an age
    ("weapon", "patient hit the healthcare assistant, Gemma, 25, with his crutch on the ward"),
    # threats: gut, the first one in, all of us, do him if, he'd hurt me if, getting it
    ("weapon", "yelling through the window that he'll gut anyone who comes up the path"),
    ("risk_to_life", "texted his ex that hes going to gut her like a fish"),
    ("violence", "swears he will batter the first officer through that gate"),
    ("violence", "on the bus screaming hes going to slash all of you"),
    ("violence", "holding a bread knife saying shell do him if he tries the door"),
    ("violence", "my stepdad told me hed kill me if i tell my teacher"),
    ("violence", "he has a blade in his gym bag and keeps saying someones gettin it tonight"),
    ("violence", "ex hammering the back door shouting open up or ill kick it in"),
    ("violence", "her son is at the bottom of the stairs with a hammer saying nobody leaves"),
    ("violence", "my brother he throw the iron at my mother"),
    ("weapon", "caller thinks the youth on the skate park has a wap in his waistband"),
    # bleeds and medical signs in other words
    ("medical_emergency", "kid fell off the wall, his head wont stop gushing"),
    ("medical_emergency", "blood seeping through the tea towel on his wrist"),
    ("medical_emergency", "my brother has fitted twice this evening"),
    ("medical_emergency", "dad at tea suddenly, mouth has dropped and he cant get his words out"),
    ("medical_emergency", "he has been spitting up blood all afternoon"),
    ("medical_emergency", "her breaths are shallow and her lips are going grey"),
    ("medical_emergency", "found grandad in the garden, confused and freezing"),
    ("medical_emergency", "hit his head on the beam, lump the size of an egg on his forehead"),
    ("risk_to_life", "came off the horse onto her head and was out for a few minutes"),
    ("risk_to_life", "slipped with the chainsaw, bleeding like a stuck pig from the leg"),
    # harm in other words
    ("serious_harm", "the lad has slashed his thigh on the broken fence"),
    ("serious_harm", "she split her eyebrow open on the coffee table"),
    ("serious_harm", "his eye has closed up after the punch at the bus stop"),
    ("serious_harm", "teacher says tiny cut on her cheek from the playground"),
    ("serious_harm", "three men made her do things to him in the car"),
    ("serious_harm", "window cleaner fell off his ladder onto the drive"),
    ("risk_to_life", "a man aimed what seemed to be a pistol at the cashier"),
]

DENIED = [
    ("violence", "horse kicked the groom, an accident, nobody attacked anyone"),
    ("weapon", "her holdall was searched by the manager at the door, nothing found"),
    ("weapon", "the unit checked, no blades in his room"),
]

NOT_YES = [
    # the same words with no person, no threat, no blow, no bleed
    ("weapon", "the trawlermen gut the catch on deck"),
    ("violence", "knock out the first level in the game"),
    ("violence", "cut all of them into quarters for the kids"),
    ("violence", "she does her mums hair if she comes round"),
    ("violence", "he said hed hurt his knee at football"),
    ("violence", "somebodys getting it collected on monday"),
    ("violence", "the post is coming through the letterbox"),
    ("violence", "no one leaves the pub before the quiz ends"),
    ("violence", "the kids throw the ball at the wall"),
    ("weapon", "she keeps playing that wap song"),
    ("medical_emergency", "the rain wont stop pouring on the tent"),
    ("medical_emergency", "light coming through the blinds"),
    ("medical_emergency", "new kitchen fitted in may"),
    ("medical_emergency", "the roses have gone droopy in the heat"),
    ("medical_emergency", "breathing slowly to calm herself down as the nurse said"),
    ("medical_emergency", "her egg sized lump in the breast is booked for a scan"),
    ("risk_to_life", "mum is out for a minute at the post box"),
    ("serious_harm", "she cut her fringe too short"),
    ("serious_harm", "the barber cut his hair and nicked his thumb"),
    ("serious_harm", "the chef has cut all the veg"),
    ("serious_harm", "mum made her do her homework"),
    ("serious_harm", "he got off the ladder to take the call"),
    ("serious_harm", "man coughing up blood, thin, sleeping rough"),
    ("violence", "a golf ball hit a spectator on the 9th"),
    ("weapon", "the knife sharpening van comes on thursdays"),
    ("weapon", "farrier working with a hoof knife at the yard"),
    # entry: safe behind a door, a key worker
    ("entry_required", "shop worker has locked herself in the office, the man outside is shouting"),
    ("entry_required", "he ran inside and bolted the door, the neighbour is waving a spade"),
    ("entry_required", "her ex is at the door, she has not let him in, door locked"),
    ("entry_required", "her key worker says she doesnt know where she is"),
]

OTHER_PERSON = [
    ("weapon", "her dad struck the night carer, Joan, 60, with his walking stick"),
    ("serious_harm", "her son has cut his forearm on the greenhouse glass"),
    ("medical_emergency", "his wife says her nose wont stop pouring after the fall"),
]


def test_a_threat_in_a_caller_s_english_is_still_a_threat() -> None:
    text = "lady say her brother he throw the boiling pan at her, she burn on hand"
    assert answer(text, "violence") is Answer.YES
