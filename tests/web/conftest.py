"""Web fixtures: the app on a fresh database (SQLite and PostgreSQL), a movable clock, and
named personas, one per role, who sign in through the API like a browser would."""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from pydantic import SecretStr
from sqlalchemy.orm import Session

from rightcare.auth.models import ApiToken, Role, User
from rightcare.auth.passwords import generate_token, hash_password
from rightcare.engine.store import PolicySet
from rightcare.settings import Settings
from rightcare.storage.engine import engine_for, make_sessionmaker
from tests.storage.databases import database_url, empty_database_url, engine

__all__ = ["database_url", "empty_database_url", "engine"]

PASSWORD = "correct horse battery staple"
BASE_URL = "http://localhost"
START = dt.datetime(2026, 11, 28, 23, 41, tzinfo=dt.UTC)

# persona username -> role (the supervisor also may see personal details)
PERSONAS: dict[str, Role] = {
    "hana": Role.CALL_HANDLER,
    "sam": Role.SUPERVISOR,
    "tess": Role.TRAINER,
    "ari": Role.ANALYST,
    "aude": Role.AUDITOR,
    "adam": Role.ADMIN,
}
BY_ROLE = {role: name for name, role in PERSONAS.items()}


@lru_cache(maxsize=1)
def password_hash() -> str:
    return hash_password(PASSWORD)


@dataclass
class Clock:
    now: dt.datetime = START

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **kwargs: float) -> None:
        self.now += dt.timedelta(**kwargs)


@dataclass
class Web:
    """The app under test, its database and helpers to act as a persona or a system."""

    app: FastAPI
    url: str
    clock: Clock
    policies: PolicySet
    tokens: dict[str, str] = field(default_factory=dict)

    def session(self) -> Session:
        return make_sessionmaker(engine_for(self.url))()

    def client(self, **kwargs: Any) -> TestClient:
        return TestClient(self.app, base_url=BASE_URL, **kwargs)

    def signed_in(self, username: str) -> TestClient:
        """A client with the persona's session cookie, sending the CSRF header on POSTs."""
        client = self.client()
        reply = client.post("/api/v1/auth/login", json={"username": username, "password": PASSWORD})
        assert reply.status_code == 200, reply.text
        client.headers["X-CSRF-Token"] = reply.json()["csrf_token"]
        return client

    def token_client(self, name: str, scopes: list[str]) -> TestClient:
        token, token_hash = generate_token()
        with self.session() as session:
            session.add(
                ApiToken(name=name, token_hash=token_hash, scopes=scopes, created_by="test")
            )
            session.commit()
        return self.client(headers={"Authorization": f"Bearer {token}"})


def add_user(session: Session, username: str, roles: set[Role], *, personal: bool = False) -> User:
    user = User(
        username=username,
        display_name=username.capitalize(),
        password_hash=password_hash(),
        can_see_personal=personal,
    )
    user.set_roles(roles)
    session.add(user)
    return user


def make_settings(url: str, data_dir: Path, *, demo: bool = False) -> Settings:
    return Settings(
        data_dir=data_dir,
        database_url=url,
        secret_key=SecretStr(secrets.token_urlsafe(48)),
        demo=demo,
    )


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def web(database_url: str, tmp_path: Path, policies: PolicySet, clock: Clock) -> Iterator[Web]:
    from rightcare.web import create_app

    with make_sessionmaker(engine_for(database_url))() as session:
        for name, role in PERSONAS.items():
            add_user(session, name, {role}, personal=role is Role.SUPERVISOR)
        session.commit()
    app = create_app(make_settings(database_url, tmp_path), policies, oidc_config=None, clock=clock)
    yield Web(app=app, url=database_url, clock=clock, policies=policies)
