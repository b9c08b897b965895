"""A NUL character (%00) in a path or query parameter is refused with a 400 that names the
part, on SQLite and on PostgreSQL (which cannot store one and used to fail as a server error)."""

from __future__ import annotations

import pytest

from tests.web.conftest import Web


@pytest.mark.parametrize(
    ("address", "part"),
    [
        ("/api/v1/calls/%00", "path"),
        ("/api/v1/calls/abc%00def/timeline", "path"),
        ("/api/v1/calls?q=%00", "query"),
        ("/api/v1/calls?q=a%00b", "query"),
        ("/calls?q=%00", "query"),
    ],
)
def test_a_nul_in_the_address_is_refused_by_name(web: Web, address: str, part: str) -> None:
    client = web.signed_in("sam")
    reply = client.get(address)
    assert reply.status_code == 400
    assert reply.headers["content-type"].startswith("application/problem+json")
    problem = reply.json()
    assert problem["field"] == part
    assert problem["code"] == "nul_character"


def test_an_address_without_a_nul_is_served_as_before(web: Web) -> None:
    client = web.signed_in("sam")
    assert client.get("/api/v1/calls?q=100").status_code == 200
    assert client.get("/api/v1/calls/no-such-call").status_code == 404
