"""Every change made on the Accounts screen goes through the account services, so it is audited
as the CLI's are, under the signed-in administrator's username."""

from __future__ import annotations

from rightcare.web.auth import USER_LIMIT
from tests.web.account_screens import (
    ADMIN,
    CONFIRM,
    account,
    add_account,
    admin_client,
    audit_entries,
    signs_in,
)
from tests.web.conftest import Web


def test_each_change_writes_one_entry_naming_the_admin(web: Web) -> None:
    adam = admin_client(web)
    added = add_account(adam, "jsmith", roles=("trainer",))
    assert added.status_code == 200
    path = f"/accounts/{account(web, 'jsmith').id}"
    for _ in range(USER_LIMIT):
        signs_in(web, "jsmith", "not the password")
    start = len(audit_entries(web))
    steps = [
        (f"{path}/access", {"roles": ["trainer", "analyst"], "personal": "yes"}),
        (f"{path}/password", CONFIRM),
        (f"{path}/unlock", {}),
        (f"{path}/deactivate", CONFIRM),
        (f"{path}/reactivate", {}),
    ]
    for url, form in steps:
        assert adam.post(url, data=form, follow_redirects=False).status_code in (200, 303), url
    entries = [e for e in audit_entries(web) if e.entity == "user"]
    created = [e for e in entries if e.action == "user.created"]
    assert [(e.actor, e.details["roles"]) for e in created] == [(ADMIN, ["trainer"])]
    later = [e for e in audit_entries(web)[start:] if e.entity == "user"]
    assert [(e.action, e.actor, e.details["username"]) for e in later] == [
        ("user.roles_set", ADMIN, "jsmith"),
        ("user.personal_access_set", ADMIN, "jsmith"),
        ("user.password_set", ADMIN, "jsmith"),
        ("user.unlocked", ADMIN, "jsmith"),
        ("user.deactivated", ADMIN, "jsmith"),
        ("user.reactivated", ADMIN, "jsmith"),
    ]
    assert later[0].details["previous_roles"] == ["trainer"]
    assert later[3].details["was_locked"] is True
