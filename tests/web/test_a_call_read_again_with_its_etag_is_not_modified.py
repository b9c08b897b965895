"""A C&C system polling a call sends its ETag as If-None-Match: 304 while nothing changed."""

from __future__ import annotations

from tests.web.conftest import Web


def test_an_unchanged_call_read_with_its_etag_is_304_with_no_body(web: Web) -> None:
    client = web.signed_in("hana")
    created = client.post("/api/v1/calls", json={"synthetic": True})
    location, etag = created.headers["location"], created.headers["etag"]
    reply = client.get(location, headers={"If-None-Match": etag})
    assert reply.status_code == 304
    assert reply.content == b""
    assert reply.headers["etag"] == etag


def test_a_changed_call_is_sent_in_full_with_its_new_etag(web: Web) -> None:
    client = web.signed_in("hana")
    created = client.post("/api/v1/calls", json={"synthetic": True})
    location, etag = created.headers["location"], created.headers["etag"]
    client.post(
        location + "/assessments", json={"answers": {"crime": "no"}}, headers={"If-Match": etag}
    )
    reply = client.get(location, headers={"If-None-Match": etag})
    assert reply.status_code == 200
    assert reply.headers["etag"] != etag
    assert len(reply.json()["assessments"]) == 2
    again = client.get(location, headers={"If-None-Match": f'W/"0", {reply.headers["etag"]}'})
    assert again.status_code == 304
