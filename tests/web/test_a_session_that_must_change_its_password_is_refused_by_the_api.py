"""While a browser session must change its password, the JSON API refuses it with a 403 problem
that says why and where to change it; API tokens are separate credentials and work as usual;
signing out still works. Once changed, the session is welcome again."""

from __future__ import annotations

from tests.web.conftest import Web
from tests.web.password_screens import NEW_PASSWORD, change, form_sign_in, reset_by_admin


def test_the_api_refuses_the_session_with_a_clear_problem(web: Web) -> None:
    made_up = reset_by_admin(web, "hana")
    script = web.client()
    login = script.post("/api/v1/auth/login", json={"username": "hana", "password": made_up})
    assert login.status_code == 200  # signing in is allowed: it is how they get to change it
    script.headers["X-CSRF-Token"] = login.json()["csrf_token"]
    for method, path in (("GET", "/api/v1/auth/me"), ("POST", "/api/v1/assess")):
        reply = script.request(method, path, json={} if method == "POST" else None)
        assert reply.status_code == 403, path
        assert reply.headers["content-type"].startswith("application/problem+json")
        problem = reply.json()
        assert problem["code"] == "password_change_required"
        assert "must be changed" in problem["detail"] and "/account/password" in problem["detail"]
    assert script.post("/api/v1/auth/logout").status_code == 204


def test_an_api_token_still_works_even_beside_such_a_session(web: Web) -> None:
    made_up = reset_by_admin(web, "hana")
    token = web.token_client("cad", ["policy:read"])
    assert token.get("/api/v1/policy").status_code == 200
    browser, _ = form_sign_in(web, "hana", made_up)
    browser.headers["Authorization"] = token.headers["Authorization"]
    assert browser.get("/api/v1/policy").status_code == 200  # the token is who is calling


def test_after_the_change_the_session_is_welcome_again(web: Web) -> None:
    made_up = reset_by_admin(web, "hana")
    browser, _ = form_sign_in(web, "hana", made_up)
    assert browser.get("/api/v1/auth/me").status_code == 403
    assert change(browser, made_up).status_code == 303
    assert browser.get("/api/v1/auth/me").json()["name"] == "hana"
    script = web.client()
    login = script.post("/api/v1/auth/login", json={"username": "hana", "password": NEW_PASSWORD})
    assert login.status_code == 200
    assert script.get("/api/v1/auth/me").status_code == 200
