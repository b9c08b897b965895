from collections.abc import Callable

import pytest
from sqlalchemy.orm import Session

from rightcare.auth.users import (
    AccountError,
    LastAdmin,
    UnknownUser,
    UsernameTaken,
    create_user,
    deactivate,
    reactivate,
    set_password,
    set_personal_access,
    set_roles,
    unlock,
)
from tests.auth.accounts import OPERATOR, add_admin, add_handler, snapshot

Change = Callable[[Session], object]


def _create(
    username: str = "newbie", roles: list[str] | None = None, **overrides: object
) -> Change:
    arguments: dict[str, object] = {
        "actor": OPERATOR,
        "username": username,
        "display_name": "New Person",
        "roles": ["call_handler"] if roles is None else roles,
        "password": "long enough password",
    }
    arguments.update(overrides)
    return lambda session: create_user(session, **arguments)  # type: ignore[arg-type]


REFUSED: dict[str, tuple[Change, type[AccountError], str]] = {
    "a taken username": (_create("hal"), UsernameTaken, "username"),
    "a taken username in other case": (_create("HAL"), UsernameTaken, "username"),
    "a username too short": (_create("ab"), AccountError, "username"),
    "a username too long": (_create("x" * 151), AccountError, "username"),
    "a username with a space": (_create("hal jordan"), AccountError, "username"),
    "a username with an accent": (_create("zoë"), AccountError, "username"),
    "no role": (_create(roles=[]), AccountError, "roles"),
    "an unknown role": (_create(roles=["supervsor"]), AccountError, "roles"),
    "no name": (_create(display_name="   "), AccountError, "display_name"),
    "a short password": (_create(password="elevenchars"), AccountError, "password"),
    "the username as password": (
        _create("longusername1", password="LongUsername1"),
        AccountError,
        "password",
    ),
    "a new password too short": (
        lambda s: set_password(s, actor=OPERATOR, username="hal", password="short"),
        AccountError,
        "password",
    ),
    "a new password equal to the username": (
        lambda s: set_password(s, actor=OPERATOR, username="ada", password="ada"),
        AccountError,
        "password",
    ),
    "a password for an unknown user": (
        lambda s: set_password(s, actor=OPERATOR, username="nobody", password="long enough pw"),
        UnknownUser,
        "username",
    ),
    "roles for an unknown user": (
        lambda s: set_roles(s, actor=OPERATOR, username="nobody", roles=["admin"]),
        UnknownUser,
        "username",
    ),
    "an unknown role for a user": (
        lambda s: set_roles(s, actor=OPERATOR, username="hal", roles=["analyst", "boss"]),
        AccountError,
        "roles",
    ),
    "no roles for a user": (
        lambda s: set_roles(s, actor=OPERATOR, username="hal", roles=[]),
        AccountError,
        "roles",
    ),
    "personal access for an unknown user": (
        lambda s: set_personal_access(s, actor=OPERATOR, username="nobody", allowed=True),
        UnknownUser,
        "username",
    ),
    "disabling an unknown user": (
        lambda s: deactivate(s, actor=OPERATOR, username="nobody"),
        UnknownUser,
        "username",
    ),
    "enabling an unknown user": (
        lambda s: reactivate(s, actor=OPERATOR, username="nobody"),
        UnknownUser,
        "username",
    ),
    "unlocking an unknown user": (
        lambda s: unlock(s, actor=OPERATOR, username="nobody"),
        UnknownUser,
        "username",
    ),
    "disabling the last admin": (
        lambda s: deactivate(s, actor=OPERATOR, username="ada"),
        LastAdmin,
        "username",
    ),
    "demoting the last admin": (
        lambda s: set_roles(s, actor=OPERATOR, username="ada", roles=["supervisor"]),
        LastAdmin,
        "username",
    ),
}


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_a_refused_change_raises_an_error_naming_the_field_and_changes_nothing(
    session: Session, case: str
) -> None:
    change, error, field = REFUSED[case]
    add_admin(session)
    add_handler(session)
    session.commit()
    before = snapshot(session)
    with pytest.raises(error) as raised:
        change(session)
    assert isinstance(raised.value, ValueError)
    assert raised.value.field == field
    assert snapshot(session) == before


def test_an_unknown_role_suggests_the_near_miss(session: Session) -> None:
    with pytest.raises(AccountError, match="did you mean 'supervisor'"):
        _create(roles=["supervsor"])(session)
