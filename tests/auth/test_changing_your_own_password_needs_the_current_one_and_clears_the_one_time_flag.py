"""`change_own_password`: with the right current password the new one replaces it, the
must-change flag is cleared, every session of the account ends (its fingerprint moves on) and
one audit entry names only the account."""

import datetime as dt

from sqlalchemy.orm import Session

from rightcare.auth.own_password import change_own_password
from rightcare.auth.passwords import verify_password
from rightcare.auth.users import get_user, set_password
from rightcare.web.sessions import fingerprint
from tests.auth.accounts import HANDLER_PASSWORD, OPERATOR, add_handler, entries

NOW = dt.datetime(2026, 11, 29, 9, 30, tzinfo=dt.UTC)
MADE_UP = "made-up-by-an-administrator"
MINE = "only hal knows this one"


def test_the_right_current_password_changes_it_and_clears_the_flag(session: Session) -> None:
    add_handler(session)
    set_password(session, actor=OPERATOR, username="hal", password=MADE_UP, one_time=True)
    session.commit()
    hal = get_user(session, "hal")
    assert hal.password_must_change
    hal.failed_logins = 2  # earlier slips at sign-in
    session.commit()
    before = fingerprint(hal)

    change_own_password(session, username="hal", current=MADE_UP, new=MINE, now=NOW)
    session.commit()

    hal = get_user(session, "hal")
    assert verify_password(hal.password_hash, MINE)
    assert not verify_password(hal.password_hash, MADE_UP)
    assert not hal.password_must_change
    assert hal.failed_logins == 0
    assert fingerprint(hal) != before  # every other session of the account has ended


def test_the_change_is_audited_under_the_person_naming_only_the_account(session: Session) -> None:
    add_handler(session)
    session.commit()
    change_own_password(session, username="hal", current=HANDLER_PASSWORD, new=MINE, now=NOW)
    session.commit()
    entry = entries(session)[-1]
    hal = get_user(session, "hal")
    assert (entry.actor, entry.action, entry.entity, entry.entity_id) == (
        "hal",
        "user.password_changed",
        "user",
        str(hal.id),
    )
    assert entry.details == {"username": "hal"}
    assert entry.at == NOW
    for text in (MINE, HANDLER_PASSWORD, hal.password_hash or ""):
        assert text not in repr(entry.details)
