from __future__ import annotations

from tests.web.conftest import Web


def test_an_assess_token_may_assess_and_nothing_else(web: Web) -> None:
    client = web.token_client("cad-assess", ["assess"])
    assert client.post("/api/v1/assess", json={}).status_code == 200
    assert client.get("/api/v1/calls").status_code == 403
    assert client.post("/api/v1/calls", json={"synthetic": True}).status_code == 403
    assert client.get("/api/v1/policy").status_code == 403


def test_a_calls_write_token_opens_and_assesses_calls_without_csrf(web: Web) -> None:
    client = web.token_client("cad", ["calls:write", "policy:read"])
    created = client.post("/api/v1/calls", json={"synthetic": True})
    assert created.status_code == 201
    assert created.json()["created_by"] == "token:cad"
    assert client.get("/api/v1/policy").status_code == 200
    assert client.get(created.headers["location"]).status_code == 200


def test_tokens_never_supervise_or_administer(web: Web) -> None:
    client = web.token_client("everything", ["assess", "calls:read", "calls:write", "policy:read"])
    assert client.get("/api/v1/supervisor/queue").status_code == 403
    assert client.post("/api/v1/decisions/x/sign-off", json={"approve": True}).status_code == 403
    assert client.get("/api/v1/tokens").status_code == 403


def test_a_token_sees_personal_details_only_with_the_personal_scope(web: Web) -> None:
    writer = web.token_client("cad", ["calls:write"])
    created = writer.post("/api/v1/calls", json={"synthetic": True, "caller_name": "Ann Example"})
    assert created.json()["caller_name"] != "Ann Example"
    assert created.json()["personal_masked"] is True
    reader = web.token_client("cad-personal", ["calls:read", "personal:read"])
    shown = reader.get(created.headers["location"]).json()
    assert shown["caller_name"] == "Ann Example"


def test_an_unknown_or_revoked_token_is_refused_with_401(web: Web) -> None:
    unknown = web.client(headers={"Authorization": "Bearer rc_not-a-real-token"})
    assert unknown.get("/api/v1/policy").status_code == 401
    malformed = web.client(headers={"Authorization": "Basic abc"})
    assert malformed.get("/api/v1/policy").status_code == 401

    admin = web.signed_in("adam")
    created = admin.post("/api/v1/tokens", json={"name": "cad-live", "scopes": ["policy:read"]})
    assert created.status_code == 201
    token = created.json()["token"]
    system = web.client(headers={"Authorization": f"Bearer {token}"})
    assert system.get("/api/v1/policy").status_code == 200
    listed = admin.get("/api/v1/tokens").json()
    assert [t["name"] for t in listed] == ["cad-live"]
    assert "token" not in listed[0]
    revoked = admin.post(f"/api/v1/tokens/{created.json()['id']}/revoke")
    assert revoked.status_code == 200
    assert system.get("/api/v1/policy").status_code == 401


def test_a_token_with_an_unknown_scope_cannot_be_created(web: Web) -> None:
    admin = web.signed_in("adam")
    reply = admin.post("/api/v1/tokens", json={"name": "x", "scopes": ["root"]})
    assert reply.status_code == 422
    assert reply.json()["field"] == "scopes.0"
