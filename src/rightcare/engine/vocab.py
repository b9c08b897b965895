"""Closed vocabularies of the assessment contract (see shared/spec/assess-contract.md).

Every value here is part of the public contract: add, never rename.
"""

from __future__ import annotations

from enum import IntEnum, StrEnum


class Answer(StrEnum):
    """A tri-state answer to a key question. An absent question is `unknown`."""

    YES = "yes"
    NO = "no"
    UNKNOWN = "unknown"


class PoliceResponse(StrEnum):
    ATTEND = "attend"
    DO_NOT_ATTEND = "do_not_attend"
    DISCRETION = "discretion"
    UNDETERMINED = "undetermined"


class Severity(IntEnum):
    """How protective a police response is; a higher value is never a 'lowering'.

    `undetermined` ranks above `discretion` because it can still become `attend` and is
    never a diversion: the call stays with police until the questions are answered.
    """

    DO_NOT_ATTEND = 0
    DISCRETION = 1
    UNDETERMINED = 2
    ATTEND = 3

    @classmethod
    def of(cls, response: PoliceResponse) -> Severity:
        return cls[response.name]


class Agency(StrEnum):
    POLICE = "police"
    AMBULANCE = "ambulance"
    MENTAL_HEALTH = "mental_health"
    ADULT_SOCIAL_CARE = "adult_social_care"
    CHILDRENS_SOCIAL_CARE = "childrens_social_care"
    HEALTH_SETTING = "health_setting"
    NHS_111 = "nhs_111"
    GP = "gp"
    FIRE_RESCUE = "fire_rescue"
    OTHER = "other"


class Threshold(StrEnum):
    CRIME = "crime"
    RISK_TO_LIFE = "risk_to_life"
    SERIOUS_HARM = "serious_harm"
    NONE = "none"
    UNKNOWN = "unknown"


class Grade(StrEnum):
    EMERGENCY = "emergency"
    PRIORITY = "priority"
    SCHEDULED = "scheduled"
    RESOLUTION = "resolution"


class Channel(StrEnum):
    EMERGENCY_999 = "999"
    NON_EMERGENCY_101 = "101"
    ONLINE = "online"
    PARTNER = "partner"


class CallerType(StrEnum):
    SELF = "self"
    THIRD_PARTY = "third_party"
    PROFESSIONAL = "professional"


class HitPolicy(StrEnum):
    """DMN hit policies a pack table may declare.

    `first`: the first matching row decides. `priority`: of the matching rows, the one whose
    disposition is most protective decides (ties go to the earlier row). `collect`: every
    matching row adds its safeguarding actions and rationale; it never decides the response.
    """

    FIRST = "first"
    PRIORITY = "priority"
    COLLECT = "collect"


class RiskDirection(StrEnum):
    """Which answer to a question means more risk (used by the monotonicity safety rule)."""

    YES = "yes"
    NO = "no"
    NONE = "none"
