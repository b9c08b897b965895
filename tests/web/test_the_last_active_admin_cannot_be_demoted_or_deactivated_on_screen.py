"""The last active administrator cannot lose the admin role or be deactivated from the Accounts
screen: the service's reason is shown in the error summary and nothing changes."""

from __future__ import annotations

import pytest

from rightcare.auth.models import Role
from tests.web.account_screens import ADMIN, CONFIRM, account_path, admin_client, everything
from tests.web.conftest import Web

REASON = "adam is the last active administrator"


@pytest.mark.parametrize(
    ("action", "form", "field_id"),
    [
        ("access", {"roles": ["call_handler"], "personal": "no"}, "role-call_handler"),
        ("deactivate", CONFIRM, "deactivate"),
    ],
)
def test_the_last_admin_is_kept_with_the_reason_shown(
    web: Web, action: str, form: dict[str, object], field_id: str
) -> None:
    adam = admin_client(web)
    path = account_path(web, ADMIN)
    before = everything(web)
    reply = adam.post(f"{path}/{action}", data=form, follow_redirects=False)
    assert reply.status_code == 409
    assert "<title>Error:" in reply.text
    assert f'<a href="#{field_id}">' in reply.text
    assert REASON in reply.text and "Give another account the admin role first" in reply.text
    assert everything(web) == before
    assert adam.get("/accounts").status_code == 200  # still an administrator


def test_with_a_second_admin_the_first_may_be_deactivated(web: Web) -> None:
    adam = admin_client(web)
    adam.post(
        f"{account_path(web, 'aude')}/access",
        data={"roles": ["auditor", Role.ADMIN.value], "personal": "no"},
    )
    aude = web.signed_in("aude")
    reply = aude.post(
        f"{account_path(web, ADMIN)}/deactivate", data=CONFIRM, follow_redirects=False
    )
    assert reply.status_code == 303
    assert adam.get("/accounts", follow_redirects=False).status_code == 303  # signed out
    # and now aude is the last one
    refused = aude.post(f"{account_path(web, 'aude')}/deactivate", data=CONFIRM)
    assert refused.status_code == 409 and "aude is the last active administrator" in refused.text
