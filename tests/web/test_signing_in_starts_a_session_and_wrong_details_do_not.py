from __future__ import annotations

from tests.web.conftest import PASSWORD, Web


def test_the_json_sign_in_sets_a_secure_session_cookie_and_returns_a_csrf_token(web: Web) -> None:
    client = web.client()
    reply = client.post("/api/v1/auth/login", json={"username": "hana", "password": PASSWORD})
    assert reply.status_code == 200
    body = reply.json()
    assert body["name"] == "hana"
    assert body["roles"] == ["call_handler"]
    assert body["can_see_personal"] is False
    assert body["csrf_token"]
    cookie = reply.headers["set-cookie"].lower()
    assert "rightcare_session=" in cookie
    assert "httponly" in cookie
    assert "samesite=lax" in cookie
    assert client.get("/api/v1/auth/me").json()["name"] == "hana"


def test_the_session_cookie_is_marked_secure_away_from_this_machine(web: Web) -> None:
    client = web.client()
    client.base_url = "http://rightcare.example.police.uk"
    reply = client.post("/api/v1/auth/login", json={"username": "hana", "password": PASSWORD})
    assert reply.status_code == 200
    assert "secure" in reply.headers["set-cookie"].lower()


def test_a_wrong_password_is_refused_without_saying_which_part_was_wrong(web: Web) -> None:
    client = web.client()
    wrong = client.post("/api/v1/auth/login", json={"username": "hana", "password": "nope"})
    unknown = client.post("/api/v1/auth/login", json={"username": "nobody", "password": "x"})
    for reply in (wrong, unknown):
        assert reply.status_code == 401
        assert reply.headers["content-type"].startswith("application/problem+json")
        assert "set-cookie" not in reply.headers
    assert wrong.json()["detail"] == unknown.json()["detail"]
    assert client.get("/api/v1/auth/me").status_code == 401


def test_the_sign_in_form_signs_in_and_redirects_home(web: Web) -> None:
    client = web.client()
    page = client.get("/sign-in")
    assert page.status_code == 200
    token = page.text.split('name="csrf_token" value="')[1].split('"')[0]
    reply = client.post(
        "/sign-in",
        data={"username": "sam", "password": PASSWORD, "csrf_token": token},
        follow_redirects=False,
    )
    assert reply.status_code == 303
    assert reply.headers["location"] == "/"
    home = client.get("/")
    assert "Signed in as Sam" in home.text


def test_the_sign_in_form_with_a_wrong_password_shows_the_problem(web: Web) -> None:
    client = web.client()
    token = client.get("/sign-in").text.split('name="csrf_token" value="')[1].split('"')[0]
    reply = client.post(
        "/sign-in", data={"username": "sam", "password": "wrong", "csrf_token": token}
    )
    assert reply.status_code == 401
    assert "do not match an account" in reply.text


def test_signing_out_ends_the_session(web: Web) -> None:
    client = web.signed_in("hana")
    assert client.post("/api/v1/auth/logout").status_code == 204
    assert client.get("/api/v1/auth/me").status_code == 401


def test_a_changed_password_ends_existing_sessions(web: Web) -> None:
    from rightcare.auth.models import User
    from rightcare.auth.passwords import hash_password

    client = web.signed_in("hana")
    with web.session() as session:
        user = session.query(User).filter_by(username="hana").one()
        user.password_hash = hash_password("a brand new passphrase")
        session.commit()
    assert client.get("/api/v1/auth/me").status_code == 401
