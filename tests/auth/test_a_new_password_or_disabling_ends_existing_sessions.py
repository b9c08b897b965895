"""Browser sessions hold a fingerprint of the account (rightcare.web.sessions): a session whose
fingerprint no longer matches the account is signed out on its next request."""

import pytest
from sqlalchemy.orm import Session

from rightcare.auth.passwords import verify_password
from rightcare.auth.users import (
    deactivate,
    get_user,
    reactivate,
    set_password,
)
from rightcare.web.sessions import fingerprint
from tests.auth.accounts import HANDLER_PASSWORD, OPERATOR, add_admin, add_handler, entries


@pytest.fixture
def signed_in(session: Session) -> str:
    """The fingerprint in Hal's browser session, made when he signed in."""
    add_admin(session)
    add_handler(session)
    session.commit()
    return fingerprint(get_user(session, "hal"))


def test_a_new_password_ends_existing_sessions(session: Session, signed_in: str) -> None:
    set_password(session, actor=OPERATOR, username="hal", password="a brand new password")
    session.commit()
    hal = get_user(session, "hal")
    assert fingerprint(hal) != signed_in
    assert verify_password(hal.password_hash, "a brand new password")
    assert not verify_password(hal.password_hash, HANDLER_PASSWORD)
    assert entries(session)[-1].action == "user.password_set"


def test_disabling_an_account_ends_existing_sessions(session: Session, signed_in: str) -> None:
    assert deactivate(session, actor=OPERATOR, username="hal")
    session.commit()
    assert fingerprint(get_user(session, "hal")) != signed_in
    assert entries(session)[-1].action == "user.deactivated"


def test_re_enabling_an_account_does_not_bring_old_sessions_back(
    session: Session, signed_in: str
) -> None:
    deactivate(session, actor=OPERATOR, username="hal")
    reactivate(session, actor=OPERATOR, username="hal", password="hal's new password")
    session.commit()
    hal = get_user(session, "hal")
    assert hal.active
    assert fingerprint(hal) != signed_in
    assert entries(session)[-1].action == "user.reactivated"


def test_re_enabling_without_a_new_password_still_keeps_old_sessions_ended(
    session: Session, signed_in: str
) -> None:
    deactivate(session, actor=OPERATOR, username="hal")
    assert reactivate(session, actor=OPERATOR, username="hal")
    session.commit()
    hal = get_user(session, "hal")
    assert hal.active
    assert verify_password(hal.password_hash, HANDLER_PASSWORD)  # the same password works
    assert fingerprint(hal) != signed_in  # but the old session does not


def test_a_single_sign_on_account_disabled_and_enabled_keeps_old_sessions_ended(
    session: Session, signed_in: str
) -> None:
    hal = get_user(session, "hal")
    hal.password_hash = None
    hal.oidc_subject = "entra|hal"
    session.commit()
    before = fingerprint(hal)
    deactivate(session, actor=OPERATOR, username="hal")
    reactivate(session, actor=OPERATOR, username="hal")
    session.commit()
    assert fingerprint(get_user(session, "hal")) != before


def test_disabling_twice_changes_nothing_the_second_time(session: Session, signed_in: str) -> None:
    assert deactivate(session, actor=OPERATOR, username="hal")
    count = len(entries(session))
    assert not deactivate(session, actor=OPERATOR, username="hal")
    assert len(entries(session)) == count
