"""The demo prints its users' passwords for anyone to use: resetting the demo users clears any
demand to change them (an administrator's reset in an earlier run of the demo), so signing in
with a printed password goes straight to the screens."""

from __future__ import annotations

from rightcare.auth.users import get_user, set_password
from rightcare.web.demo import reset_demo_users
from tests.web.conftest import START, Web
from tests.web.password_screens import form_sign_in


def test_a_printed_demo_password_signs_straight_in(web: Web) -> None:
    with web.session() as session:
        reset_demo_users(session, now=START)
        set_password(
            session,
            actor="admin",
            username="handler",
            password="made up in an earlier run",
            one_time=True,
        )
        session.commit()
        passwords = reset_demo_users(session, now=START)
        session.commit()
        assert not get_user(session, "handler").password_must_change
    _, reply = form_sign_in(web, "handler", passwords["handler"], next_path="/calls/new")
    assert reply.headers["location"] == "/calls/new"
