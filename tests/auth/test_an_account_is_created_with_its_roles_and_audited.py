import pytest
from sqlalchemy.orm import Session

from rightcare.audit.service import verify
from rightcare.auth.models import Role
from rightcare.auth.passwords import verify_password
from rightcare.auth.users import create_user, get_user, list_users
from tests.auth.accounts import OPERATOR, add_admin, add_handler, entries


def test_a_new_account_is_active_with_its_roles_and_a_hashed_password(session: Session) -> None:
    user = create_user(
        session,
        actor=OPERATOR,
        username="sam.s",
        display_name="  Sam   Supervisor ",
        roles=["supervisor", Role.CALL_HANDLER],
        can_see_personal=True,
        password="a sound password",
    )
    session.commit()
    stored = get_user(session, "sam.s")
    assert stored.id == user.id
    assert stored.display_name == "Sam Supervisor"
    assert stored.roles == {Role.SUPERVISOR, Role.CALL_HANDLER}
    assert stored.active and stored.can_see_personal
    assert stored.password_hash is not None and stored.password_hash.startswith("$argon2id$")
    assert verify_password(stored.password_hash, "a sound password")


def test_personal_details_are_masked_unless_allowed(session: Session) -> None:
    add_handler(session)
    assert not get_user(session, "hal").can_see_personal


def test_creating_an_account_writes_one_entry_naming_the_operator_not_the_person(
    session: Session,
) -> None:
    add_admin(session)
    session.commit()
    [entry] = entries(session)
    user = get_user(session, "ada")
    assert (entry.actor, entry.action, entry.entity) == (OPERATOR, "user.created", "user")
    assert entry.entity_id == str(user.id)
    assert entry.details["username"] == "ada"
    assert entry.details["roles"] == ["admin"]
    assert "Ada Administrator" not in str(entry.details)
    assert verify(session).ok


def test_accounts_are_listed_by_username(session: Session) -> None:
    add_handler(session, "zed")
    add_admin(session, "amy")
    assert [user.username for user in list_users(session)] == ["amy", "zed"]


@pytest.mark.parametrize("username", ["abc", "a.b-c_1", "x" * 150])
def test_usernames_of_3_to_150_letters_digits_dots_hyphens_and_underscores_are_accepted(
    session: Session, username: str
) -> None:
    add_handler(session, username)
    assert get_user(session, username).username == username
