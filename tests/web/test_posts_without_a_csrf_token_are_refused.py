from __future__ import annotations

from tests.web.conftest import PASSWORD, Web


def test_the_sign_in_form_without_its_token_is_refused(web: Web) -> None:
    client = web.client()
    client.get("/sign-in")
    reply = client.post("/sign-in", data={"username": "sam", "password": PASSWORD})
    assert reply.status_code == 403
    assert "expired" in reply.text
    assert client.get("/api/v1/auth/me").status_code == 401


def test_the_sign_in_form_with_another_browsers_token_is_refused(web: Web) -> None:
    theirs = web.client()
    token = theirs.get("/sign-in").text.split('name="csrf_token" value="')[1].split('"')[0]
    mine = web.client()
    mine.get("/sign-in")
    reply = mine.post(
        "/sign-in", data={"username": "sam", "password": PASSWORD, "csrf_token": token}
    )
    assert reply.status_code == 403


def test_an_api_post_with_the_session_cookie_but_no_csrf_header_is_refused(web: Web) -> None:
    client = web.signed_in("hana")
    del client.headers["X-CSRF-Token"]
    reply = client.post("/api/v1/calls", json={"synthetic": True})
    assert reply.status_code == 403
    assert reply.json()["code"] == "csrf"
    client.headers["X-CSRF-Token"] = "0" * 64
    assert client.post("/api/v1/calls", json={"synthetic": True}).status_code == 403


def test_reads_need_no_csrf_header(web: Web) -> None:
    client = web.signed_in("hana")
    del client.headers["X-CSRF-Token"]
    assert client.get("/api/v1/calls").status_code == 200


def test_signing_out_by_form_needs_the_token(web: Web) -> None:
    client = web.signed_in("hana")
    reply = client.post("/sign-out", data={})
    assert reply.status_code == 403
    assert client.get("/api/v1/auth/me").status_code == 200
