"""Training tests: the bundled catalogue, a small course, and database sessions on both engines."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from rightcare.auth.models import Role, User
from rightcare.storage.engine import make_sessionmaker
from rightcare.training.catalogue import Catalogue, load_catalogue
from tests.storage.databases import database_url, empty_database_url, engine

__all__ = ["database_url", "empty_database_url", "engine", "session"]

MINI_COURSE = Path(__file__).parents[1] / "data" / "courses" / "mini.yaml"


@pytest.fixture(scope="session")
def catalogue() -> Catalogue:
    """The bundled national course."""
    return load_catalogue()


@pytest.fixture(scope="session")
def mini() -> Catalogue:
    """A two-module course with three scenarios, fixed order, one retry each."""
    return load_catalogue([MINI_COURSE])


@pytest.fixture
def session(engine: Engine) -> Iterator[Session]:
    with make_sessionmaker(engine)() as session:
        yield session
        session.rollback()


def add_user(session: Session, username: str, *roles: Role) -> User:
    user = User(username=username, display_name=username.title(), password_hash=None)
    user.set_roles(set(roles) or {Role.CALL_HANDLER})
    session.add(user)
    session.flush()
    return user
