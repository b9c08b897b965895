"""What every request needs from the app: settings, policies, the database, the clock."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

import httpx
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from rightcare.engine.store import PolicySet
from rightcare.settings import Settings
from rightcare.web.oidc_config import OidcConfig
from rightcare.web.oidc_keys import KeyCache
from rightcare.web.token_cache import TokenCache


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def default_http_client() -> httpx.Client:
    return httpx.Client(timeout=10.0, follow_redirects=False)


@dataclass
class WebContext:
    """Held on `app.state.rightcare`. Tests replace `clock` to move time."""

    settings: Settings
    secret_key: str
    policies: PolicySet
    engine: Engine
    sessions: sessionmaker[Session]
    oidc: OidcConfig | None = None
    clock: Callable[[], dt.datetime] = utc_now
    http_client: Callable[[], httpx.Client] = default_http_client
    demo_banner: str | None = None
    extras: dict[str, object] = field(default_factory=dict)
    token_cache: TokenCache = field(default_factory=TokenCache)
    oidc_keys: KeyCache = field(default_factory=KeyCache)  # the identity provider's keys

    def now(self) -> dt.datetime:
        return self.clock().astimezone(dt.UTC)
