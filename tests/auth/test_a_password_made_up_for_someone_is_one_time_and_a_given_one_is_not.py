"""The one-time flag: set when a password is set, created or given on re-enabling as one made
up for someone (`one_time=True`), cleared by a password given without it, and audited (as a
yes or no, never the password)."""

from sqlalchemy.orm import Session

from rightcare.auth.users import (
    create_user,
    deactivate,
    get_user,
    reactivate,
    set_password,
)
from tests.auth.accounts import OPERATOR, add_admin, add_handler, entries

MADE_UP = "made-up-by-an-administrator"
GIVEN = "a password the operator chose"


def test_a_reset_with_a_made_up_password_is_one_time(session: Session) -> None:
    add_handler(session)
    set_password(session, actor=OPERATOR, username="hal", password=MADE_UP, one_time=True)
    session.commit()
    assert get_user(session, "hal").password_must_change
    entry = entries(session)[-1]
    assert entry.action == "user.password_set" and entry.details["one_time"] is True
    assert MADE_UP not in repr(entry.details)


def test_a_given_password_is_not_one_time_and_clears_an_earlier_demand(session: Session) -> None:
    add_handler(session)
    set_password(session, actor=OPERATOR, username="hal", password=MADE_UP, one_time=True)
    set_password(session, actor=OPERATOR, username="hal", password=GIVEN)
    session.commit()
    assert not get_user(session, "hal").password_must_change
    assert entries(session)[-1].details["one_time"] is False


def test_a_new_account_is_one_time_only_when_asked_and_only_with_a_password(
    session: Session,
) -> None:
    add_handler(session)  # a given password
    for username, password in (("made", MADE_UP), ("sso", None)):
        create_user(
            session,
            actor=OPERATOR,
            username=username,
            display_name=username.title(),
            roles=["analyst"],
            password=password,
            one_time=True,
        )
    session.commit()
    assert not get_user(session, "hal").password_must_change
    assert get_user(session, "made").password_must_change
    assert not get_user(session, "sso").password_must_change  # no password to change
    created = {e.details["username"]: e.details["one_time"] for e in entries(session)}
    assert created == {"hal": False, "made": True, "sso": False}


def test_re_enabling_with_a_made_up_password_is_one_time(session: Session) -> None:
    add_admin(session)
    add_handler(session)
    deactivate(session, actor=OPERATOR, username="hal")
    reactivate(session, actor=OPERATOR, username="hal", password=MADE_UP, one_time=True)
    session.commit()
    assert get_user(session, "hal").password_must_change
    assert entries(session)[-1].details["one_time"] is True


def test_re_enabling_without_a_password_keeps_the_flag_as_it_was(session: Session) -> None:
    add_admin(session)
    add_handler(session)
    set_password(session, actor=OPERATOR, username="hal", password=MADE_UP, one_time=True)
    deactivate(session, actor=OPERATOR, username="hal")
    reactivate(session, actor=OPERATOR, username="hal", one_time=True)  # no password: ignored
    session.commit()
    assert get_user(session, "hal").password_must_change  # still the made-up one
    assert entries(session)[-1].details["one_time"] is False
