"""The FastAPI application: `create_app(settings=None, policies=None)`.

API at /api/v1 (OpenAPI at /api/v1/openapi.json, docs at /api/v1/docs), pages from
`web/templates`, static files at /static.
"""

from __future__ import annotations

import datetime as dt
import gc
import sys
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import Any

import anyio.to_thread
import httpx
from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from rightcare import __version__
from rightcare.calls.assessing import assess_call
from rightcare.engine.store import PolicySet, load_policy_set
from rightcare.settings import Settings, get_settings
from rightcare.storage.engine import engine_for, make_sessionmaker
from rightcare.training.xapi.background import outbox_lifespan
from rightcare.web import oidc, pages, signin
from rightcare.web.api import api_router
from rightcare.web.context import WebContext, default_http_client, utc_now
from rightcare.web.errors import install_error_handlers
from rightcare.web.idempotency import Replay, on_replay
from rightcare.web.nul import RefuseNul
from rightcare.web.oidc_config import OidcConfig, load_oidc_config
from rightcare.web.pages import training as training_pages
from rightcare.web.pages import training_trainer
from rightcare.web.sessions import SessionRefresh

API_PREFIX = "/api/v1"

_SECURITY_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),
]


class SecurityHeaders:
    """Headers every reply carries; API replies are never cached (they hold call data)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        api = str(scope.get("path", "")).startswith(API_PREFIX)

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers.extend(_SECURITY_HEADERS)
                if api:
                    headers.append((b"cache-control", b"no-store"))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


_DESCRIPTION = """
Right Care Right Person decision support for police control rooms.

Sign in with a session cookie (POST /api/v1/auth/login, then send `X-CSRF-Token` on POSTs and
PATCHes) or send an API token as `Authorization: Bearer <token>`. Errors are RFC 9457 problem
details that name the field. POSTs and PATCHes honour `Idempotency-Key`; call updates take
`If-Match` with the call's ETag. A call's personal details are corrected with
PATCH /api/v1/calls/{call_id}/personal-details (If-Match required; only the fields sent
change, null clears one; needs the personal-details permission).
"""


def create_app(
    settings: Settings | None = None,
    policies: PolicySet | None = None,
    *,
    oidc_config: OidcConfig | None = None,
    clock: Callable[[], dt.datetime] | None = None,
    http_client: Callable[[], httpx.Client] | None = None,
) -> FastAPI:
    """Build the app. Defaults: settings from the environment, the bundled policies, OIDC
    from RIGHTCARE_OIDC_* if set."""
    settings = settings or get_settings()
    secret = settings.require_secret_key()
    engine = engine_for(settings.database_url)
    context = WebContext(
        settings=settings,
        secret_key=secret,
        policies=policies or load_policy_set(),
        engine=engine,
        sessions=make_sessionmaker(engine),
        oidc=oidc_config if oidc_config is not None else load_oidc_config(),
        clock=clock or utc_now,
        http_client=http_client or default_http_client,
    )
    app = FastAPI(
        title="rightcare",
        version=__version__,
        description=_DESCRIPTION,
        openapi_url=f"{API_PREFIX}/openapi.json",
        docs_url=f"{API_PREFIX}/docs",
        redoc_url=None,
        lifespan=server_lifespan(
            settings.request_threads,
            outbox_lifespan(settings, context.sessions, context.now),  # xAPI sender
        ),
    )
    app.state.rightcare = context
    install_error_handlers(app)
    app.add_exception_handler(Replay, on_replay)
    app.include_router(api_router, prefix=API_PREFIX)
    app.include_router(signin.router)
    app.include_router(pages.router)
    app.include_router(training_pages.router)
    app.include_router(training_trainer.router)
    app.include_router(oidc.router)
    app.mount("/static", StaticFiles(directory=signin.WEB_DIR / "static"), name="static")
    app.add_middleware(SessionRefresh)
    app.add_middleware(RefuseNul)
    app.add_middleware(SecurityHeaders)
    return app


def create_app_from_env() -> FastAPI:
    """For `uvicorn --factory rightcare.web.app:create_app_from_env` (one per worker)."""
    return ready_for_traffic(create_app())


def ready_for_traffic(app: FastAPI) -> FastAPI:
    """Before serving: load the narrative reader (spaCy), which the first call's notes would
    otherwise wait for, then move every object alive now out of the garbage collector's sight.
    The app holds a few hundred thousand long-lived objects (language model, policies,
    routes); a full collection walks them all (about 65 ms here) and stalls every request in
    flight. Frozen, they are never walked again; new objects are collected as before."""
    assess_call(context_of(app).policies, {"narrative": "Caller is worried about her neighbour."})
    gc.collect()
    gc.freeze()
    sys.setswitchinterval(SWITCH_INTERVAL)
    return app


# How long a thread may keep the GIL while another waits (CPython's default is 5 ms). A request
# holding the database's write lock gives up the GIL for each statement and the commit, and then
# waited up to that long behind threads doing pure-Python work (the engine, the narrative
# reader) before it could go on and let the next writer in. 0.2 ms took the stored-assessment
# capacity from about 110 to 150-180/s on one worker (bench/README.md).
SWITCH_INTERVAL = 0.0002


def server_lifespan(
    request_threads: int | None, inner: Callable[[Any], AbstractAsyncContextManager[None]]
) -> Callable[[Any], AbstractAsyncContextManager[None]]:
    """Set the worker's request thread pool (it belongs to the running event loop, so only
    here), then run `inner`."""

    @asynccontextmanager
    async def lifespan(app: Any) -> AsyncIterator[None]:
        if request_threads is not None:
            anyio.to_thread.current_default_thread_limiter().total_tokens = request_threads
        async with inner(app):
            yield

    return lifespan


def context_of(app: Any) -> WebContext:
    context: WebContext = app.state.rightcare
    return context
