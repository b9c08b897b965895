"""Changing an account's roles and its personal-details permission: saved, shown back with a
message after a redirect, and in force on the account's next request."""

from __future__ import annotations

from rightcare.auth.models import Role
from tests.web.account_screens import account, account_path, admin_client, roles_of
from tests.web.conftest import Web


def test_roles_and_the_permission_are_changed_and_take_effect_at_once(web: Web) -> None:
    hana = web.signed_in("hana")
    assert hana.get("/supervisor").status_code == 403
    adam = admin_client(web)
    path = account_path(web, "hana")
    page = adam.get(path)
    assert page.status_code == 200
    assert 'id="role-call_handler" name="roles" type="checkbox" value="call_handler"' in page.text
    assert 'id="personal-no" name="personal" type="radio" value="no" checked' in page.text

    reply = adam.post(
        f"{path}/access",
        data={"roles": ["call_handler", "supervisor"], "personal": "yes"},
        follow_redirects=False,
    )
    assert reply.status_code == 303
    assert reply.headers["location"] == f"{path}?done=access"
    assert "Roles and personal-details permission saved" in adam.get(reply.headers["location"]).text
    assert roles_of(web, "hana") == {Role.CALL_HANDLER, Role.SUPERVISOR}
    assert account(web, "hana").can_see_personal
    assert hana.get("/supervisor").status_code == 200  # the same session, the new role


def test_saving_without_a_change_says_so(web: Web) -> None:
    adam = admin_client(web)
    path = account_path(web, "ari")
    reply = adam.post(
        f"{path}/access", data={"roles": ["analyst"], "personal": "no"}, follow_redirects=False
    )
    assert reply.headers["location"] == f"{path}?done=unchanged"


def test_an_admin_who_gives_up_their_own_admin_role_goes_to_the_start_page(web: Web) -> None:
    adam = admin_client(web)
    second = adam.post(
        f"{account_path(web, 'aude')}/access",
        data={"roles": ["auditor", "admin"], "personal": "no"},
        follow_redirects=False,
    )
    assert second.status_code == 303
    reply = adam.post(
        f"{account_path(web, 'adam')}/access",
        data={"roles": ["analyst"], "personal": "no"},
        follow_redirects=False,
    )
    assert reply.status_code == 303 and reply.headers["location"] == "/"
    assert roles_of(web, "adam") == {Role.ANALYST}
    assert adam.get("/accounts").status_code == 403
