"""Health, the loaded policy (pack, overlays, digests) and the partner directory."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import sqlalchemy as sa
from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from sqlalchemy.exc import SQLAlchemyError

from rightcare import __version__
from rightcare.auth.actor import Actor
from rightcare.engine.policy import Policy
from rightcare.engine.vocab import Agency
from rightcare.web.deps import ContextDep, PoliciesDep, allowed_actor
from rightcare.web.errors import PROBLEM_RESPONSES, ProblemError
from rightcare.web.permissions import Action

router = APIRouter(tags=["system"])


class Health(BaseModel):
    status: str = Field(description="ok, or degraded when the database does not answer")
    version: str
    database: str
    policy_digest: str


@router.get("/health", response_model=Health, responses={503: {"model": Health}})
def health(context: ContextDep) -> JSONResponse:
    """Is the service up? No sign-in needed (load balancers and monitoring)."""
    database = "ok"
    try:
        with context.engine.connect() as connection:
            connection.execute(sa.text("SELECT 1"))
    except SQLAlchemyError:
        database = "unavailable"
    body = Health(
        status="ok" if database == "ok" else "degraded",
        version=__version__,
        database=database,
        policy_digest=context.policies.base.digest,
    )
    return JSONResponse(body.model_dump(), status_code=200 if database == "ok" else 503)


class PolicyInfo(BaseModel):
    pack: str
    version: str
    title: str
    effective: dt.date
    approved_by: str
    contract: str
    overlay: str | None
    overlay_name: str | None
    fictional: bool
    digest: str
    questions: int
    dispositions: int


class PolicySummary(BaseModel):
    base: PolicyInfo
    overlays: list[PolicyInfo]
    default_force: str | None


def _info(policy: Policy) -> PolicyInfo:
    overlay = policy.overlay
    return PolicyInfo(
        pack=policy.pack.id,
        version=policy.pack.version,
        title=policy.pack.title,
        effective=policy.pack.effective,
        approved_by=overlay.approved_by if overlay else policy.pack.approved_by,
        contract=policy.pack.contract,
        overlay=overlay.id if overlay else None,
        overlay_name=overlay.name if overlay else None,
        fictional=overlay.fictional if overlay else False,
        digest=policy.digest,
        questions=len(policy.questions),
        dispositions=len(policy.dispositions),
    )


@router.get("/policy", response_model=PolicySummary, responses=PROBLEM_RESPONSES)
def policy_info(
    _actor: Annotated[Actor, allowed_actor(Action.READ_POLICY)], policies: PoliciesDep
) -> PolicySummary:
    """The national pack and every force overlay loaded, with versions and content digests."""
    return PolicySummary(
        base=_info(policies.base),
        overlays=[_info(policies.overlays[key]) for key in sorted(policies.overlays)],
        default_force=policies.default_force,
    )


class PartnerRead(BaseModel):
    force: str
    agency: Agency
    service: str
    contact: str
    hours: list[dict[str, object]] = Field(description="empty: always open")
    accepts_professional_handover: bool
    escalate_after_minutes: int
    notes: list[str]


@router.get("/partners", response_model=list[PartnerRead], responses=PROBLEM_RESPONSES)
def partners(
    _actor: Annotated[Actor, allowed_actor(Action.READ_POLICY)],
    policies: PoliciesDep,
    force: Annotated[
        str | None, Query(max_length=64, description="one force's overlay id (default: all)")
    ] = None,
) -> list[PartnerRead]:
    """The partner directory from each force overlay: services, contacts, hours, escalation."""
    if force is not None and force not in policies.overlays:
        known = ", ".join(sorted(policies.overlays)) or "none"
        raise ProblemError(
            422, f"unknown force `{force}` (loaded: {known})", code="invalid", field="force"
        )
    chosen = [force] if force is not None else sorted(policies.overlays)
    found: list[PartnerRead] = []
    for force_id in chosen:
        for agency, partner in sorted(policies.overlays[force_id].partners.items()):
            found.append(
                PartnerRead(
                    force=force_id,
                    agency=agency,
                    service=partner.service,
                    contact=partner.contact,
                    hours=[h.model_dump(mode="json", by_alias=True) for h in partner.hours],
                    accepts_professional_handover=partner.accepts_professional_handover,
                    escalate_after_minutes=partner.escalate_after_minutes,
                    notes=list(partner.notes),
                )
            )
    return found
