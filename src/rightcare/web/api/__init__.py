"""The versioned JSON API, mounted at /api/v1."""

from __future__ import annotations

from fastapi import APIRouter

from rightcare.web.api import assess, calls, meta, personal, session, supervisor, tokens

api_router = APIRouter()
# Routes are tried in order, so the busiest (assessing as a handler types, saving calls) come
# first: each request is matched against every route ahead of its own.
api_router.include_router(assess.router)
api_router.include_router(calls.router)
api_router.include_router(meta.router)
api_router.include_router(session.router)
api_router.include_router(personal.router)
api_router.include_router(supervisor.router)
api_router.include_router(tokens.router)

__all__ = ["api_router"]
