"""After signing in with a password an administrator made up, the person lands on the password
page with the reason, and every other screen sends them back there (303) until they choose
their own; signing out and static files still work. Once changed, the screens open, they go on
to where they were going, and the made-up password no longer signs in."""

from __future__ import annotations

from tests.web.account_screens import CONFIRM, account, admin_client, signs_in
from tests.web.conftest import Web
from tests.web.password_screens import NEW_PASSWORD, change, csrf_in, form_sign_in, reset_by_admin


def test_signing_in_with_a_one_time_password_lands_on_the_password_page(web: Web) -> None:
    made_up = reset_by_admin(web, "hana")
    hana, signed_in = form_sign_in(web, "hana", made_up, next_path="/calls/new")
    assert signed_in.headers["location"] == "/account/password?next=/calls/new"
    page = hana.get(signed_in.headers["location"])
    assert page.status_code == 200
    assert "Choose a new password before you go on" in page.text
    assert "An administrator set the password you signed in with" in page.text
    assert page.headers["cache-control"] == "no-store"
    assert 'href="/calls/new"' not in page.text  # no navigation to screens that bounce back


def test_every_other_screen_sends_them_back_until_it_is_changed(web: Web) -> None:
    hana, _ = form_sign_in(web, "hana", reset_by_admin(web, "hana"))
    for path in ("/", "/calls/new", "/training", "/calls?page=2", "/accounts"):
        reply = hana.get(path, follow_redirects=False)
        assert reply.status_code == 303, path
        expected = "/account/password" if path == "/" else "/account/password?next="
        assert reply.headers["location"].startswith(expected), path
    posted = hana.post("/training/courses/x/refresher", data={}, follow_redirects=False)
    assert (posted.status_code, posted.headers["location"]) == (303, "/account/password")
    htmx = hana.post("/calls/new/assess", headers={"HX-Request": "true"}, follow_redirects=False)
    assert (htmx.status_code, htmx.headers["hx-redirect"]) == (204, "/account/password")
    css = hana.get("/static/rightcare-screens.css", follow_redirects=False)
    assert css.status_code == 200


def test_signing_out_still_works(web: Web) -> None:
    hana, _ = form_sign_in(web, "hana", reset_by_admin(web, "hana"))
    token = csrf_in(hana.get("/account/password").text)
    out = hana.post("/sign-out", data={"csrf_token": token}, follow_redirects=False)
    assert (out.status_code, out.headers["location"]) == (303, "/sign-in")
    assert hana.get("/", follow_redirects=False).headers["location"] == "/sign-in"


def test_once_changed_the_screens_open_and_only_the_new_password_signs_in(web: Web) -> None:
    made_up = reset_by_admin(web, "hana")
    assert account(web, "hana").password_must_change
    hana, _ = form_sign_in(web, "hana", made_up, next_path="/training")
    reply = change(hana, made_up, next_path="/training")
    assert reply.status_code == 303
    assert reply.headers["location"] == "/account/password?done=changed&next=/training"
    done = hana.get(reply.headers["location"])
    assert "Your password has been changed" in done.text
    assert 'id="continue">' in done.text and 'href="/training"' in done.text
    assert hana.get("/training", follow_redirects=False).status_code == 200
    assert hana.get("/", follow_redirects=False).status_code == 200
    assert not account(web, "hana").password_must_change
    assert not signs_in(web, "hana", made_up)
    assert signs_in(web, "hana", NEW_PASSWORD)
    _, answer = form_sign_in(web, "hana", NEW_PASSWORD)
    assert answer.headers["location"] == "/"  # no longer sent to the password page


def test_the_accounts_screen_says_who_must_change_their_password(web: Web) -> None:
    adam = admin_client(web)
    made_up = reset_by_admin(web, "hana")
    assert "Must change password" in adam.get("/accounts").text
    row = adam.get("/accounts").text.split(">hana</a>")[1].split("</tr>")[0]
    assert "Must change password" in row
    hana, _ = form_sign_in(web, "hana", made_up)
    change(hana, made_up)
    assert "Must change password" not in adam.get("/accounts").text


def test_the_page_that_shows_a_made_up_password_says_it_must_be_changed(web: Web) -> None:
    adam = admin_client(web)
    added = adam.post(
        "/accounts",
        data={
            "username": "jsmith",
            "display_name": "Jo Smith",
            "roles": "analyst",
            "personal": "no",
        },
    )
    reset = adam.post(f"/accounts/{account(web, 'hana').id}/password", data=CONFIRM)
    for reply in (added, reset):
        assert reply.status_code == 200
        assert "must change it to one of their own when they first sign in" in reply.text
    assert account(web, "jsmith").password_must_change
    assert account(web, "hana").password_must_change
