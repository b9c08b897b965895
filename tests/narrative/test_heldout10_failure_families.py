"""The kinds of miss seen on `heldout10.jsonl`, read as families of wording, in every context.

The tenth part mixed a control room's everyday night (homes, pubs, bridges, hospitals) with
less common scenes (a towpath, a caravan park, a lorry cab, a hotel room), and its misses were
ways of saying a thing, not new scenes. Each family here is worded afresh, never copied from the
held-back part: blows taken in slang in the passive ("got lamped") and "jumped" with a person
after it; someone knocked out cold after such a blow; a relative named as the one who acts
later in the same sentence, across commas, and controlling acts, verbal abuse and a suspected
ex; a victim's cry about the throat and a blackout; a wound done to oneself (not violence); a
threat to batter or hurt is violence but not on its own a crime; threats to oneself in the first
person, wanting to be left to die, talk of ending it, "better off without him", saying one will
wade or drive into water, a bare threat to cut; someone on foot on a fast road; blood from the
head and lying still in dialect; glassing and bottling; a correction "it's not a gun, it's a
...", a weapon word in quotes, an object swung "about at folk" as "it", nothing in the hands;
ambulances not yet there, care and ward staff by their job, the staff of holiday and travel
places; theft, dealing and drug running in everyday words, online grooming; numbered rooms and
addresses, sat at the back; a door on the chain; found safe and well; an adult age after any
word for a person or a name; dialect for "can't get up"; a van asked for to take a patient;
plain noes ("not at immediate risk", "nothing physical", "ambulance not needed"). Rule fixes:
"might", "could" and "may" stand alone as conditions, so "might hurt himself" keeps its
condition; an indirect question ("asking if police can get in") is uncertain, not hypothetical;
"went off on the hills" is not "on purpose". Lookalikes that must not fire are listed below.
"""

from rightcare.engine.vocab import Answer
from tests.narrative.helpers import answer

PRESENT = [
    # blows taken in slang, "jumped" with a person, "our kid" as a person
    ("violence", "the doorman says a lad got lamped by the taxi rank"),
    ("crime", "his brother was decked outside the bookies this afternoon"),
    ("violence", "a gang jumped the paper boy on the estate and took his bag"),
    ("violence", "her fella has leathered our kid in the back garden"),
    ("serious_harm", "a punter got chinned by the fruit machines and was out cold for a bit"),
    # a relative acting later in the sentence, control, verbal abuse, a suspected ex
    ("domestic_abuse", "her partner came home at two, kicked the door and grabbed her wrist"),
    ("domestic_abuse", "says her dad, 58, has just threatened her with a golf club"),
    ("domestic_abuse", "her boyfriend takes her wages off her and wont let her see her mum"),
    ("domestic_abuse", "the man upstairs has been screaming at his wife for an hour"),
    ("domestic_abuse", "tyres let down on her car again and she thinks its her ex"),
    # the throat, a blackout
    ("risk_to_life", "the neighbour heard a woman scream let go of my throat"),
    ("medical_emergency", "he had her by the neck and she blacked out on the sofa"),
    # threats and acts against oneself
    ("suicidal_thoughts", "she wrote 'I will do myself in before the morning'"),
    ("risk_to_life", "the old man told the warden to leave him to die"),
    ("suicidal_thoughts", "her son keeps talking about ending it since he lost his job"),
    ("suicidal_thoughts", "he texted that the family would be better off without him"),
    ("suicidal_thoughts", "said he is going to drive the van into the harbour"),
    ("risk_to_life", "says she is going to walk into the reservoir tonight"),
    ("suicidal_thoughts", "rang the crisis line, has a blade and says she is going to cut."),
    ("suicidal_thoughts", "a deep cut to her thigh, self inflicted, now bandaged"),
    # on a fast road, blood from the head, lying still
    ("risk_to_life", "a man in his slippers on the dual carriageway by the retail park"),
    ("medical_emergency", "blood running out of his ear after the fall"),
    ("risk_to_life", "the wee man on the floor of the bus is no moving"),
    ("medical_emergency", "breathing but wont respond when the staff shout"),
    # weapons
    ("weapon", "the two of them were glassing each other in the smoking area"),
    ("weapon", "a man got bottled outside the club"),
    ("weapon", "its a length of scaffold pole, and hes swinging it about at folk"),
    # professionals
    ("health_professional_involved", "care worker at the lunchtime call says he is on the floor"),
    ("health_professional_involved", "the hostel worker says he has barricaded his room"),
    ("health_professional_involved", "she is at the sarc with her mum"),
    # crime in everyday words, drug running, grooming
    ("crime", "a store detective caught her nicking from the tills"),
    ("crime", "he has been dealing out of the garages behind the flats"),
    ("serious_harm", "her lad, 14, is being made to carry drugs to Blackpool"),
    ("crime", "a grown man on snapchat keeps asking her daughter for pics"),
    ("crime", "her back window was smashed in the night"),
    # location, entry, missing, child, fallen, transport
    ("location_known", "guest in room 118 is threatening staff"),
    ("location_known", "crew at 9 Heather Rise say the man has a knife"),
    ("location_known", "a lad sat at the back of the top deck keeps crying"),
    ("entry_required", "the carer says the chain is on and she cannot get the door open"),
    ("entry_required", "key safe is empty and the front door is locked"),
    ("fallen_no_injury", "her nan has fallen by the bed and cannae get up"),
    ("transport_request", "sergeant requesting a van to take the patient back to the ward"),
    ("transport_request", "the unit are asking if police can convey him to the suite"),
    ("child_not_in_school", "the boy never made it to school this morning"),
]


DENIED = [
    ("risk_to_life", "the crisis nurse says he is not at immediate risk tonight"),
    ("risk_to_life", "the GP doesnt think she is at risk"),
    ("violence", "shouting at each other on the landing, nothing physical"),
    ("weapon", "he is very drunk but has nothing in his hands"),
    ("medical_emergency", "grazed her elbow, ambulance not needed"),
    ("medical_emergency", "no injuries, nothing medical, just upset"),
    ("weapon", "0200 update: the 'knife' was a hairbrush, no weapon involved"),
    ("child", "her flatmate Jodie, 24, has not come back from the club"),
    ("child", "the lodger, 61, has locked himself in his room"),
    ("location_known", "whereabouts currently unknown, phone off"),
]


NOT_YES = [
    # a condition or a wish
    ("suicidal_thoughts", "dad thinks he might hurt himself if the bank takes the house"),
    ("domestic_abuse", "he could harm himself if his girlfriend leaves him"),
    ("missing", "the family just want her found safe"),
    # a threat to batter or hurt is not on its own a crime
    ("crime", "he is threatening to batter the lad from the chip shop"),
    ("crime", "voices are telling him to hurt his brother"),
    ("domestic_abuse", "voices are telling him to hurt his brother"),
    # a wound done to oneself
    ("violence", "a stab wound to his hand, says he did it himself"),
    ("crime", "cuts to her arms, self inflicted, no one else involved"),
    # lookalikes
    ("serious_harm", "her tyres were slashed on the drive last night"),
    ("medical_emergency", "our team got knocked out of the cup on Saturday"),
    ("medical_emergency", "a van with blacked out windows outside the school"),
    ("medical_emergency", "she nearly blacked out when she saw the bill"),
    ("weapon", "he is out walking the gun dog on the moor"),
    ("weapon", "loud gunfire from next door, says its the film they are watching"),
    ("weapon", "three shotguns stolen from the farmhouse overnight"),
    ("risk_to_life", "she is ending it with her boyfriend this weekend"),
    ("suicidal_thoughts", "the boys went off on the fells after lunch"),
    ("child", "our kid has gone to the match with his mates"),
    ("child", "seen at the minor injuries unit for a sprained wrist"),
    ("health_professional_involved", "coastguard and ambulance informed"),
    ("health_professional_involved", "ambulance not available for three hours"),
    ("health_professional_involved", "site staff at the holiday park are searching"),
    ("entry_required", "a lad has gone into the river and not come back up"),
    ("missing", "a lad has gone into the river and not come back up"),
    ("entry_required", "a hitcher got in his lorry at the services"),
    ("no_answer_at_door", "she texted him at six, no reply since"),
    ("location_known", "the nurse doesnt feel he is at immediate risk"),
    ("location_known", "his mum was informed by ward staff"),
    ("location_known", "a dog has been left in a car in the sun"),
    ("location_known", "he lives at 12 Station Road with his dad"),
    ("location_known", "after the row he drove off in the car"),
    ("crime", "the crew are dealing with a man on the floor"),
]


OTHER_PERSON = [
    ("violence", "her brother got lamped in the pub car park"),
    ("domestic_abuse", "caller says her sister's husband dragged her out of the car"),
    ("weapon", "her cousin has been bottling people outside the pub"),
]


def test_a_correction_that_names_what_the_thing_is_retracts_the_weapon() -> None:
    text = "0101 man with a gun by the shop. 0104 second caller: its not a gun, its an umbrella"
    assert answer(text, "weapon") is not Answer.YES


def test_found_safe_after_missing_in_one_log_is_a_conflict_not_a_no() -> None:
    text = (
        "1500 girl, 7, missing at the fair. 1520 found by a steward near the rides, safe and well"
    )
    assert answer(text, "missing") is Answer.UNKNOWN


def test_a_relative_who_is_the_one_hurt_is_not_domestic_abuse() -> None:
    assert (
        answer("her son was punched by two men at the bus stop", "domestic_abuse") is not Answer.YES
    )


def test_locking_the_door_against_someone_outside_is_not_entry_required() -> None:
    text = "her ex is outside with a bat banging on the windows, she has locked the door"
    assert answer(text, "entry_required") is not Answer.YES
