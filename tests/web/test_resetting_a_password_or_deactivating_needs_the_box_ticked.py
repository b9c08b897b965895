"""Resetting a password and deactivating an account take effect at once (the person is signed
out everywhere), so each form has a "Yes, ..." box: posted without it ticked, the page comes
back with the error named against the box, and nothing changes."""

from __future__ import annotations

import pytest

from tests.web.account_screens import account_path, admin_client, everything, signs_in
from tests.web.conftest import PASSWORD, Web


@pytest.mark.parametrize(
    ("action", "box", "words"),
    [
        ("password", "reset-confirm", "reset this password"),
        ("deactivate", "deactivate-confirm", "deactivate this account"),
    ],
)
def test_an_unticked_box_is_named_in_the_error_summary_and_changes_nothing(
    web: Web, action: str, box: str, words: str
) -> None:
    adam = admin_client(web)
    hana = web.signed_in("hana")
    before = everything(web)
    for data in ({}, {"confirm": "no"}):
        reply = adam.post(f"{account_path(web, 'hana')}/{action}", data=data)
        assert reply.status_code == 422
        page = reply.text
        assert "govuk-error-summary" in page
        assert f'href="#{box}"' in page
        assert f"Tick the box to confirm that you want to {words}" in page
        assert 'id="one-time-password"' not in page
    assert everything(web) == before
    assert signs_in(web, "hana", PASSWORD)
    assert hana.get("/api/v1/auth/me").status_code == 200  # still signed in


def test_the_boxes_name_the_account_and_start_unticked(web: Web) -> None:
    page = admin_client(web).get(account_path(web, "hana")).text
    assert 'id="reset-confirm" name="confirm" type="checkbox" value="yes"' in page
    assert 'id="deactivate-confirm" name="confirm" type="checkbox" value="yes"' in page
    assert "Yes, reset the password of hana" in page
    assert "Yes, deactivate hana" in page
    assert "checked" not in page.split('id="reset-confirm"')[1].split(">")[0]
