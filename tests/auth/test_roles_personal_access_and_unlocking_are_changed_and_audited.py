import datetime as dt

from sqlalchemy.orm import Session

from rightcare.auth.models import Role
from rightcare.auth.users import (
    get_user,
    is_locked,
    set_personal_access,
    set_roles,
    unlock,
)
from rightcare.storage.base import utcnow
from tests.auth.accounts import OPERATOR, add_admin, add_handler, entries


def test_new_roles_replace_the_old_and_the_entry_records_both(session: Session) -> None:
    add_handler(session)
    set_roles(session, actor=OPERATOR, username="hal", roles=["supervisor", "analyst"])
    session.commit()
    assert get_user(session, "hal").roles == {Role.SUPERVISOR, Role.ANALYST}
    entry = entries(session)[-1]
    assert entry.action == "user.roles_set"
    assert entry.details["roles"] == ["analyst", "supervisor"]
    assert entry.details["previous_roles"] == ["call_handler"]


def test_personal_details_can_be_allowed_and_denied(session: Session) -> None:
    add_handler(session)
    set_personal_access(session, actor=OPERATOR, username="hal", allowed=True)
    assert get_user(session, "hal").can_see_personal
    set_personal_access(session, actor=OPERATOR, username="hal", allowed=False)
    assert not get_user(session, "hal").can_see_personal
    assert [e.details["allowed"] for e in entries(session)[-2:]] == [True, False]


def test_unlocking_clears_the_lock_and_the_failure_count(session: Session) -> None:
    add_admin(session)
    add_handler(session)
    hal = get_user(session, "hal")
    hal.failed_logins = 3
    hal.locked_until = utcnow() + dt.timedelta(minutes=15)
    session.commit()
    assert is_locked(get_user(session, "hal"))
    unlock(session, actor=OPERATOR, username="hal")
    session.commit()
    hal = get_user(session, "hal")
    assert not is_locked(hal)
    assert (hal.failed_logins, hal.locked_until) == (0, None)
    entry = entries(session)[-1]
    assert (entry.actor, entry.action, entry.details["was_locked"]) == (
        OPERATOR,
        "user.unlocked",
        True,
    )
