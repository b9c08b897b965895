"""The kinds of miss seen on `heldout12.jsonl`, read as families of wording, in every context.

The twelfth part was written for fresh wordings (indirect talk, understatement, euphemism,
reported speech, idioms, slang, non-native English, jargon) in fresh scenes. Each family here is
worded afresh, never copied from the held-back part: nobody would miss the person or the family
would cope without them; going over the side or rail; at the lip or brink of a drop; "whoever
comes in gets the blade"; coming back with petrol or a gun "for" people; back to finish someone;
a bullet or pellet put in a head; "to finish it"; doing "something daft" (and its denial); an
airway closing; bleeding through towels or blood pouring from a neck; held round the throat;
someone else's tablets swallowed by a child, or the wrong medicine given; a whole bottle taken,
misspelt; a head pushed into a wall (non-native English too); a swing taken at someone; held or
pinned down; spitting in slang; shoving people; an injury put down to a relative ("her stepdad
did it"); sex she said no to; a face that is a mess or an eye swollen shut; skin broken; a fall
from a ladder onto railings; "red" on the pavement; going into a fit; one side of a face gone
down; told to ring 999; no sense out of a diabetic; a burst head; blood from the head in plain
words; gun slang (a strap flashed); something sharp held to a side; a slash wound; a threat to
glass a random; a weapon taken to a person; a threat in the handler's quotes; a blow after
"and"; giving it large; plain noes (nothing on him, nobody threatened, not a danger to anyone,
not ill, no need to convey, nothing hurts, would never do anything to himself, not said
anything about harming herself); and crime in other words (pictures shared unless, selling
knock-off goods, done for an offence, a club swung about). Lookalikes that must not fire are
listed below.
"""

from rightcare.engine.vocab import Answer
from tests.narrative.helpers import answer

PRESENT = [
    # indirect suicidal talk
    ("risk_to_life", "keeps telling the nurse no one would even miss her if she went"),
    ("suicidal_thoughts", "says his kids would cope better without him around"),
    # going over the side or rail, at the lip of a drop
    ("risk_to_life", "man on the cross channel boat says he will throw himself over the rail"),
    ("suicidal_thoughts", "woman on the top deck threatening to go over the side"),
    ("risk_to_life", "teenager sat on the brink of the cliff at the headland, not talking"),
    ("risk_to_life", "walker sees a man standing at the very edge of the quarry face"),
    # threats to whoever comes, coming back with the means, back to finish
    ("risk_to_life", "yelling that anyone who opens the door gets stabbed"),
    ("violence", "says whoever walks in first is getting battered"),
    ("crime", "told the bar staff he will be back with a shotgun for all of them"),
    ("risk_to_life", "rang the office saying hes coming round with a can of petrol for them"),
    ("risk_to_life", "the gang told her they will come back to kill him"),
    ("violence", "texted the lad that hes coming back to sort him"),
    ("risk_to_life", "neighbour shouting hell put a bullet in his head"),
    ("crime", "posted online that he'll put one in the bouncer"),
    # finishing it, doing something daft
    ("suicidal_thoughts", "messaged her sister that she is going up the tower to finish it all"),
    ("risk_to_life", "keeps saying he will do something stupid tonight"),
    # an airway closing
    ("medical_emergency", "boy stung by a wasp, tongue swelling up, anaphylactic"),
    ("risk_to_life", "she ate a peanut cookie and says her throat is closing"),
    # heavy bleeding
    ("risk_to_life", "cut to his arm bleeding through three tea towels"),
    ("medical_emergency", "blood is gushing out of her leg on the kitchen floor"),
    ("risk_to_life", "lad slashed across the throat outside the takeaway"),
    # strangulation
    ("serious_harm", "her fella got her round the neck against the fridge"),
    ("risk_to_life", "he grabbed the lad around the throat until he went limp"),
    # tablets swallowed, the wrong medicine, a whole supply
    ("medical_emergency", "toddler has chewed some of grandads blood pressure pills"),
    ("risk_to_life", "boy aged 3 swallowed a few of mums sleeping tablets"),
    ("medical_emergency", "carer gave the wrong patient a double dose of insulin"),
    ("serious_harm", "she has necked a full box of co-codamol"),
    ("risk_to_life", "he took the hole packet of paracetamol"),
    # blows and assaults in other words
    ("violence", "son slammed his dads face against the kitchen table"),
    ("crime", "he bang her head into door many times"),
    ("violence", "punter had a swing at the doorman and missed"),
    ("violence", "two men pinned him down on the floor of the van"),
    ("crime", "drunk lad gozzing at the bus driver"),
    ("violence", "bloke in the queue barging people and swearing"),
    ("violence", "bruises on her neck and she says her boyfriend did it"),
    ("crime", "marks on his back, told the teacher his uncle done it"),
    ("serious_harm", "says the lad at the party did things to her she did not want"),
    ("violence", "sore arm where the gang gave him a kicking"),
    # injuries understated
    ("serious_harm", "after the fight his nose is a right mess"),
    ("serious_harm", "her eye is swollen shut after he hit her"),
    ("serious_harm", "dog bit the postie on the hand, broke the skin"),
    ("serious_harm", "roofer fell off the scaffold onto the spiked railings"),
    ("serious_harm", "lot of red on the floor where he collapsed"),
    # medical signs
    ("medical_emergency", "her son went into a seizure in the supermarket"),
    ("medical_emergency", "the side of his mouth has dropped and he cant lift his arm"),
    ("medical_emergency", "111 advised her to call an ambulance straight away"),
    ("medical_emergency", "cant get any sense out of her, type 1 diabetic, very pale"),
    ("medical_emergency", "fell down the stairs and has split his head open"),
    ("serious_harm", "old man in the road with a busted head"),
    ("medical_emergency", "he has blood from his ear and is confused"),
    # weapons in other words
    ("weapon", "lad pulled out a burner in the park and waved it at the kids"),
    ("weapon", "pressed a sharp object into the cashiers back and demanded the till"),
    ("violence", "held something pointy against her ribs and took her bag"),
    ("weapon", "has a fresh slash across his cheek"),
    ("weapon", "threatening to bottle the barman if he doesnt serve him"),
    ("weapon", "dad says hes taking a hammer to the lad"),
    ("violence", "her brother said he would do him with a baseball bat"),
    ("violence", "ex keeps saying hes going to 'deal with' her new fella"),
    ("violence", "hell wreck the shop and then batter the manager"),
    ("violence", "lads outside the chippy giving it large at the staff"),
    # crime in other words
    ("crime", "he said he would post the videos online unless she pays him"),
    ("crime", "man in the car park selling fake designer trainers"),
    ("crime", "her neighbour was nicked for dealing last summer"),
    ("crime", "youth waving a cricket bat around on the green"),
]

DENIED = [
    ("weapon", "security searched him, nothing on him"),
    ("weapon", "dinnae think hes got anything on him"),
    ("violence", "shouting but nobody threatened and nobody hurt"),
    ("violence", "mum says he is not a danger to others, just upset"),
    ("medical_emergency", "says she is not ill, just lonely"),
    ("medical_emergency", "crew assessed him, no need to convey"),
    ("serious_harm", "slipped on the ice, says nothing hurts"),
    ("risk_to_life", "she says she would never do anything to herself"),
    ("suicidal_thoughts", "he says he isnt going to do anything daft"),
    ("suicidal_thoughts", "she hasnt said anything about hurting herself"),
    ("medical_emergency", "paramedics say no further medical help needed"),
]

NOT_YES = [
    # a caller's worry or a condition
    ("risk_to_life", "mum worried that if he fails his exams he might do something silly"),
    ("weapon", "dad scared his son will start carrying a blade if the bullying goes on"),
    ("risk_to_life", "she reckons hell take all his tablets if the bailiffs come"),
    ("medical_emergency", "told to ring 999 if she gets any worse"),
    # the past
    ("risk_to_life", "took an overdose in june that put her in hospital, fine now"),
    ("serious_harm", "last time he was out he fractured her cheekbone"),
    # lookalikes
    ("risk_to_life", "mum says she would manage fine without him now he has moved out"),
    ("risk_to_life", "wants to finish it with her boyfriend tonight"),
    ("risk_to_life", "going to finish it off tomorrow when the paint dries"),
    ("risk_to_life", "the firm is on the brink of going bust"),
    ("risk_to_life", "says they are on the brink of losing the flat"),
    ("violence", "the comedian will knock em dead at the club"),
    ("violence", "held down two jobs for years"),
    ("violence", "lad gobbing off outside the pub, no one touched"),
    ("violence", "says she did it herself with a razor"),
    ("crime", "says he did it to himself"),
    ("weapon", "fishmonger filleting salmon with a long knife"),
    ("weapon", "flatmate chopping carrots with a huge knife at midnight"),
    ("weapon", "the joiner left his hammer on the stairs"),
    ("weapon", "he has a tiny penknife on his keys"),
    ("weapon", "kids watching a zombie film with guns and knives"),
    ("weapon", "keeps an old hunting knife in the shed but has never taken it out"),
    ("medical_emergency", "flew into a fit of rage and slammed the door"),
    ("serious_harm", "eyes closed and snoring on the settee"),
    ("serious_harm", "his face is a picture when he opens the present"),
    ("serious_harm", "fell out of bed onto the floor, cant get up"),
    ("risk_to_life", "has blood from a graze on his knee"),
]

OTHER_PERSON = [
    ("risk_to_life", "her brother says nobody would notice if he was gone"),
    ("violence", "her partners son took a swing at her"),
    ("serious_harm", "his mate has a burst head from the bottle"),
    ("medical_emergency", "the neighbours toddler swallowed some of her iron tablets"),
]


def test_nothing_on_him_beside_a_blade_seen_by_another_is_a_conflict_not_a_no() -> None:
    text = "security say he has nothing on him but a customer saw a blade in his sock"
    assert answer(text, "weapon") is not Answer.NO


def test_a_denial_beside_a_swing_taken_is_not_read_as_no_violence() -> None:
    text = "he had a swing at the nurse, nobody threatened since"
    assert answer(text, "violence") is not Answer.NO
