"""A refused `change_own_password` names the field at fault (`current` or `new`) with a plain
reason, and leaves the account and the audit log exactly as they were."""

import datetime as dt

import pytest
import sqlalchemy as sa
from sqlalchemy.orm import Session

from rightcare.auth.models import User
from rightcare.auth.own_password import WrongCurrentPassword, change_own_password
from rightcare.auth.users import AccountError
from tests.auth.accounts import HANDLER_PASSWORD, add_handler, snapshot

NOW = dt.datetime(2026, 11, 29, 9, 30, tzinfo=dt.UTC)

# case -> (current, new, error class, field, words in the message)
REFUSED: dict[str, tuple[str, str, type[AccountError], str, str]] = {
    "a wrong current password": (
        "not hal's password",
        "a perfectly good new one",
        WrongCurrentPassword,
        "current",
        "current password is not right",
    ),
    "a new password too short": (HANDLER_PASSWORD, "elevenchars", AccountError, "new", "short"),
    "the same password again": (HANDLER_PASSWORD, HANDLER_PASSWORD, AccountError, "new", "differ"),
    "a new password too long": (HANDLER_PASSWORD, "x" * 1025, AccountError, "new", "longer"),
}


@pytest.mark.parametrize("case", REFUSED)
def test_a_refused_change_names_the_field_and_changes_nothing(session: Session, case: str) -> None:
    current, new, error, field, words = REFUSED[case]
    add_handler(session)
    session.commit()
    before = snapshot(session)
    with pytest.raises(error) as refused:
        change_own_password(session, username="hal", current=current, new=new, now=NOW)
    assert refused.value.field == field
    assert words in refused.value.message
    assert snapshot(session) == before


def _hal(session: Session) -> User:
    return session.scalars(sa.select(User).where(User.username == "hal")).one()


def test_an_account_with_no_password_is_told_it_signs_in_with_single_sign_on(
    session: Session,
) -> None:
    add_handler(session)
    _hal(session).password_hash = None
    session.commit()
    before = snapshot(session)
    with pytest.raises(AccountError) as refused:
        change_own_password(session, username="hal", current="", new="a good new one", now=NOW)
    assert refused.value.field == "current"
    assert "single sign-on" in refused.value.message
    assert snapshot(session) == before


def test_a_locked_account_cannot_change_its_password_even_with_the_right_one(
    session: Session,
) -> None:
    add_handler(session)
    _hal(session).locked_until = NOW + dt.timedelta(minutes=10)
    session.commit()
    before = snapshot(session)
    with pytest.raises(AccountError) as refused:
        change_own_password(
            session, username="hal", current=HANDLER_PASSWORD, new="a good new one", now=NOW
        )
    assert refused.value.field == "current"
    assert "locked" in refused.value.message
    assert snapshot(session) == before
