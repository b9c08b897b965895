from __future__ import annotations

from fastapi.testclient import TestClient

from tests.web.conftest import Web


def _open(web: Web) -> tuple[TestClient, str, str]:
    client = web.signed_in("hana")
    created = client.post("/api/v1/calls", json={"synthetic": True})
    assert created.status_code == 201
    return client, created.headers["location"], created.headers["etag"]


def test_a_call_read_carries_its_version_as_a_weak_etag(web: Web) -> None:
    client, location, etag = _open(web)
    reply = client.get(location)
    assert reply.headers["etag"] == etag == f'W/"{reply.json()["version"]}"'


def test_an_assessment_with_the_current_etag_moves_the_version_on(web: Web) -> None:
    client, location, etag = _open(web)
    reply = client.post(
        location + "/assessments", json={"answers": {"crime": "no"}}, headers={"If-Match": etag}
    )
    assert reply.status_code == 201
    assert reply.headers["etag"] != etag
    assert client.get(location).headers["etag"] == reply.headers["etag"]


def test_an_assessment_with_a_stale_etag_is_refused_with_412(web: Web) -> None:
    client, location, etag = _open(web)
    first = client.post(
        location + "/assessments", json={"answers": {"crime": "no"}}, headers={"If-Match": etag}
    )
    assert first.status_code == 201
    stale = client.post(
        location + "/assessments", json={"answers": {"weapon": "no"}}, headers={"If-Match": etag}
    )
    assert stale.status_code == 412
    assert stale.headers["content-type"].startswith("application/problem+json")
    assert len(client.get(location).json()["assessments"]) == 2


def test_an_assessment_without_if_match_is_refused_with_428(web: Web) -> None:
    client, location, _etag = _open(web)
    reply = client.post(location + "/assessments", json={})
    assert reply.status_code == 428
    assert reply.json()["field"] == "If-Match"


def test_caller_advice_with_a_stale_etag_is_refused_with_412(web: Web) -> None:
    client, location, etag = _open(web)
    client.post(
        location + "/assessments", json={"answers": {"crime": "no"}}, headers={"If-Match": etag}
    )
    reply = client.post(
        location + "/caller-advice",
        json={
            "text": "Police are not attending; the crisis team will call.",
            "police_attending": False,
        },
        headers={"If-Match": etag},
    )
    assert reply.status_code == 412
