"""The policy screen: the loaded pack and each force overlay, every question and disposition
explained in words (as `rightcare pack explain` does on the command line)."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from rightcare.engine.boxes import ANY
from rightcare.engine.pack_model import Disposition, Question
from rightcare.engine.policy import Policy
from rightcare.engine.store import PolicySet
from rightcare.engine.vocab import RiskDirection
from rightcare.web.pages.common import Viewer, policies_for, refused, render, viewer_for
from rightcare.web.pages.wording import (
    GRADE_WORDS,
    RESPONSE_MEANING,
    RESPONSE_TAG,
    RESPONSE_WORDS,
    THRESHOLD_WORDS,
    agency_name,
)
from rightcare.web.permissions import Action

router = APIRouter(include_in_schema=False)

RISK_WORDS = {
    RiskDirection.YES: "a yes means more risk: answering yes never lowers the response",
    RiskDirection.NO: "a no means more risk: answering no never lowers the response",
    RiskDirection.NONE: "neither answer means more risk",
}


@dataclass(frozen=True)
class QuestionView:
    question: Question
    risk_words: str
    used_by: tuple[str, ...]


@dataclass(frozen=True)
class DispositionView:
    disposition: Disposition
    response_words: str
    response_meaning: str
    response_tag: str
    agency: str
    threshold_words: str
    grade_words: str
    reached_by: tuple[str, ...]


def _question_views(policy: Policy) -> list[QuestionView]:
    rules = (*policy.rules, *policy.collect)
    views = []
    for question in policy.questions:
        slot = policy.slot[question.id]
        used = tuple(rule.id for rule in rules if policy.space.slot(rule.mask, slot) != ANY)
        views.append(QuestionView(question, RISK_WORDS[question.risk], used))
    return views


def _disposition_views(policy: Policy) -> list[DispositionView]:
    views = []
    for disposition in policy.dispositions.values():
        reached = tuple(rule.id for rule in policy.rules if rule.disposition is disposition)
        if disposition is policy.undetermined:
            reached = (*reached, "the engine, while a critical question is unanswered")
        elif disposition is policy.error:
            reached = (*reached, "the engine, if anything goes wrong (fail safe)")
        views.append(
            DispositionView(
                disposition=disposition,
                response_words=RESPONSE_WORDS[disposition.police_response],
                response_meaning=RESPONSE_MEANING[disposition.police_response],
                response_tag=RESPONSE_TAG[disposition.police_response],
                agency=agency_name(policy, disposition.lead_agency),
                threshold_words=THRESHOLD_WORDS[disposition.threshold],
                grade_words=GRADE_WORDS[disposition.grade] if disposition.grade else "None",
                reached_by=reached,
            )
        )
    return views


def _policies_listed(policies: PolicySet) -> list[tuple[str, Policy]]:
    return [("", policies.base), *sorted(policies.overlays.items())]


@router.get("/policy", response_class=HTMLResponse)
def policy_page(request: Request, force: str = "") -> Response:
    viewer = viewer_for(request, Action.READ_POLICY)
    if not isinstance(viewer, Viewer):
        return viewer
    policies = policies_for(request)
    if force and force not in policies.overlays:
        return refused(request, f"No force overlay called “{force}” is loaded.", 404)
    policy = policies.overlays[force] if force else policies.base
    return render(
        request,
        "policy.html",
        {
            "viewer": viewer,
            "policy": policy,
            "force": force,
            "listed": _policies_listed(policies),
            "default_force": policies.default_force,
            "questions": _question_views(policy),
            "dispositions": _disposition_views(policy),
            "partners": [
                (agency_name(policy, agency), partner)
                for agency, partner in sorted(policy.partners.items())
            ],
        },
    )
