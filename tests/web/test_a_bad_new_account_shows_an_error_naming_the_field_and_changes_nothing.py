"""Adding an account with a mistake in it (a taken or bad username, no role) shows the GOV.UK
error summary, linking to the field at fault, keeps what was typed, and changes nothing."""

from __future__ import annotations

import pytest

from tests.web.account_screens import account_path, admin_client, everything
from tests.web.conftest import Web

GOOD = {"username": "jsmith", "display_name": "Jo Smith", "roles": ["analyst"], "personal": "no"}


@pytest.mark.parametrize(
    ("change", "field_id", "words"),
    [
        ({"username": "hana"}, "username", "There is already an account called &#39;hana&#39;"),
        ({"username": "HANA"}, "username", "There is already an account called &#39;hana&#39;"),
        ({"username": "jo smith"}, "username", "is not a valid username"),
        ({"username": "jo"}, "username", "is not a valid username"),
        ({"username": ""}, "username", "Enter a username"),
        ({"display_name": "  "}, "display-name", "Give the person&#39;s name"),
        ({"roles": []}, "role-call_handler", "Choose at least one role"),
        ({"roles": ["superhero"]}, "role-call_handler", "Unknown role"),
        ({"personal": ""}, "personal-yes", "Choose whether they may see"),
    ],
)
def test_the_mistake_is_named_and_nothing_is_added(
    web: Web, change: dict[str, object], field_id: str, words: str
) -> None:
    adam = admin_client(web)
    before = everything(web)
    reply = adam.post("/accounts", data={**GOOD, **change}, follow_redirects=False)
    assert reply.status_code == 422
    assert "<title>Error: Add an account" in reply.text
    assert 'class="govuk-error-summary"' in reply.text
    assert f'<a href="#{field_id}">' in reply.text and f'id="{field_id}"' in reply.text
    assert words in reply.text
    assert "one-time-password" not in reply.text
    assert everything(web) == before
    if change.get("username") not in ("hana", "HANA"):
        assert 'value="Jo Smith"' in reply.text or change.get("display_name")


def test_every_mistake_is_listed_at_once(web: Web) -> None:
    adam = admin_client(web)
    reply = adam.post("/accounts", data={"username": "a b", "display_name": "", "personal": "no"})
    assert reply.status_code == 422
    for field_id in ("username", "display-name", "role-call_handler"):
        assert f'<a href="#{field_id}">' in reply.text


def test_a_change_of_roles_with_no_role_is_refused(web: Web) -> None:
    adam = admin_client(web)
    before = everything(web)
    reply = adam.post(f"{account_path(web, 'hana')}/access", data={"personal": "yes"})
    assert reply.status_code == 422
    assert '<a href="#role-call_handler">Choose at least one role</a>' in reply.text
    assert everything(web) == before
