from __future__ import annotations

from typing import Any

from tests.web.conftest import Web

PROBLEM = "application/problem+json"


def _problem(reply: Any, status: int) -> dict[str, Any]:
    assert reply.status_code == status, reply.text
    assert reply.headers["content-type"].startswith(PROBLEM)
    body: dict[str, Any] = reply.json()
    assert {"type", "title", "status", "detail"} <= body.keys()
    assert body["status"] == status
    return body


def test_an_answer_outside_yes_no_unknown_names_the_answer(web: Web) -> None:
    client = web.signed_in("hana")
    body = _problem(client.post("/api/v1/assess", json={"answers": {"risk_to_life": "maybe"}}), 422)
    assert body["field"] == "answers.risk_to_life"
    assert body["errors"][0]["field"] == "answers.risk_to_life"
    assert "answers.risk_to_life" in body["detail"]


def test_an_unknown_field_is_named_with_the_near_miss(web: Web) -> None:
    client = web.signed_in("hana")
    body = _problem(client.post("/api/v1/assess", json={"narative": "hello"}), 422)
    assert body["field"] == "narative"
    assert "did you mean `narrative`?" in body["detail"]


def test_an_unknown_question_is_named_with_the_near_miss(web: Web) -> None:
    client = web.signed_in("hana")
    body = _problem(client.post("/api/v1/assess", json={"answers": {"risk_to_lfe": "yes"}}), 422)
    assert body["field"] == "answers.risk_to_lfe"
    assert "risk_to_life" in body["detail"]


def test_the_stateless_assessment_follows_the_contract(web: Web) -> None:
    client = web.signed_in("tess")
    reply = client.post(
        "/api/v1/assess",
        json={"answers": {"risk_to_life": "yes"}, "context": {"force": "example-force"}},
    )
    assert reply.status_code == 200
    body = reply.json()
    assert body["contract"] == "1"
    assert body["police_response"] == "attend"
    assert body["policy"]["overlay"] == "example-force"
    assert body["policy"]["digest"].startswith("sha256:")


def test_an_unknown_route_and_a_missing_call_are_problems_too(web: Web) -> None:
    client = web.signed_in("hana")
    _problem(client.get("/api/v1/nothing-here"), 404)
    body = _problem(client.get("/api/v1/calls/no-such-call"), 404)
    assert body["field"] == "call_id"


def test_a_body_that_is_not_json_is_a_problem(web: Web) -> None:
    client = web.signed_in("hana")
    reply = client.post(
        "/api/v1/assess", content=b"{not json", headers={"content-type": "application/json"}
    )
    _problem(reply, 422)
