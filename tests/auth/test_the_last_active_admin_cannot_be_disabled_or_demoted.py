import pytest
from sqlalchemy.orm import Session

from rightcare.auth.models import Role
from rightcare.auth.users import LastAdmin, deactivate, get_user, set_roles
from tests.auth.accounts import OPERATOR, add_admin, add_handler


def test_the_only_admin_cannot_be_disabled(session: Session) -> None:
    add_admin(session)
    with pytest.raises(LastAdmin, match="last active administrator"):
        deactivate(session, actor=OPERATOR, username="ada")
    assert get_user(session, "ada").active


def test_an_admin_can_be_disabled_while_another_admin_is_active(session: Session) -> None:
    add_admin(session, "ada")
    add_admin(session, "bea")
    assert deactivate(session, actor=OPERATOR, username="ada")
    with pytest.raises(LastAdmin):
        deactivate(session, actor=OPERATOR, username="bea")


def test_a_disabled_admin_does_not_count_as_the_other_admin(session: Session) -> None:
    add_admin(session, "ada")
    add_admin(session, "bea")
    deactivate(session, actor=OPERATOR, username="bea")
    with pytest.raises(LastAdmin):
        set_roles(session, actor=OPERATOR, username="ada", roles=["auditor"])


def test_the_last_admin_may_gain_roles_while_keeping_admin(session: Session) -> None:
    add_admin(session)
    set_roles(session, actor=OPERATOR, username="ada", roles=["admin", "auditor"])
    assert get_user(session, "ada").roles == {Role.ADMIN, Role.AUDITOR}


def test_other_accounts_can_be_disabled_with_one_admin(session: Session) -> None:
    add_admin(session)
    add_handler(session)
    assert deactivate(session, actor=OPERATOR, username="hal")
    assert not get_user(session, "hal").active
    assert get_user(session, "ada").active
