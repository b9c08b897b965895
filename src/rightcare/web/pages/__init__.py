"""The screens (Jinja2 + HTMX, GOV.UK Frontend): call handler, a stored call, call history
and timeline, supervisor queue, policy, accounts, and changing your own password.

The app factory mounts `router`; sign-in, sign-out and the start page are in `web/signin.py`.
Each screen checks the signed-in person's role itself (`common.viewer_for`), so the router needs
no dependencies of its own.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter

from rightcare.web.pages import (
    account_password,
    accounts,
    call_handler,
    calls,
    handovers,
    history,
    personal,
    policy,
    records,
    supervisor,
)

WEB_DIR = Path(__file__).resolve().parents[1]

router = APIRouter(include_in_schema=False)
router.include_router(call_handler.router)
router.include_router(calls.router)
router.include_router(records.router)
router.include_router(handovers.router)
router.include_router(personal.router)
router.include_router(history.router)
router.include_router(supervisor.router)
router.include_router(policy.router)
router.include_router(accounts.router)
router.include_router(account_password.router)

__all__ = ["WEB_DIR", "router"]
