import pytest
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from rightcare.auth.models import Role, User
from rightcare.auth.passwords import hash_password
from rightcare.storage.engine import make_sessionmaker


def test_a_user_keeps_the_roles_given(engine: Engine) -> None:
    with make_sessionmaker(engine).begin() as session:
        user = User(
            username="sam", display_name="Sam Supervisor", password_hash=hash_password("pw")
        )
        user.set_roles({Role.SUPERVISOR, Role.CALL_HANDLER})
        session.add(user)
    with make_sessionmaker(engine).begin() as session:
        stored = session.query(User).filter_by(username="sam").one()
        assert stored.roles == {Role.SUPERVISOR, Role.CALL_HANDLER}
        assert stored.has_role(Role.SUPERVISOR)
        assert not stored.has_role(Role.ADMIN, Role.AUDITOR)
        assert not stored.can_see_personal
        stored.set_roles({Role.SUPERVISOR})
    with make_sessionmaker(engine)() as session:
        assert session.query(User).filter_by(username="sam").one().roles == {Role.SUPERVISOR}


def test_usernames_are_unique(engine: Engine) -> None:
    with make_sessionmaker(engine).begin() as session:
        session.add(User(username="ann", display_name="Ann"))
    with make_sessionmaker(engine)() as session:
        session.add(User(username="ann", display_name="Another Ann"))
        with pytest.raises(IntegrityError):
            session.flush()
