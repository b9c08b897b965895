"""Who is acting is settled once per request: the permission check and the idempotency
dependency both need the actor, and for a signed-in person settling it is a database read."""

from __future__ import annotations

import pytest

from rightcare.auth.models import Role
from rightcare.web import deps
from tests.web.conftest import BY_ROLE, Web

NEW_CALL = {"narrative": "Caller worried about a neighbour.", "synthetic": True}


def _count_user_reads(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    reads: list[int] = []
    real = deps._signed_in_user

    def counted(*args: object, **kwargs: object) -> object:
        reads.append(1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(deps, "_signed_in_user", counted)
    return reads


def test_a_signed_in_write_reads_the_person_once(web: Web, monkeypatch: pytest.MonkeyPatch) -> None:
    client = web.signed_in("hana")
    reads = _count_user_reads(monkeypatch)
    reply = client.post("/api/v1/calls", json=NEW_CALL, headers={"Idempotency-Key": "once-1"})
    assert reply.status_code == 201, reply.text
    assert len(reads) == 1


def test_each_request_settles_its_own_actor(web: Web, monkeypatch: pytest.MonkeyPatch) -> None:
    client = web.signed_in("hana")
    reads = _count_user_reads(monkeypatch)
    for n in range(3):
        assert client.post("/api/v1/calls", json=NEW_CALL).status_code == 201
        assert len(reads) == n + 1


def test_a_refused_role_is_still_refused_with_the_actor_settled_once(
    web: Web, monkeypatch: pytest.MonkeyPatch
) -> None:
    client = web.signed_in(BY_ROLE[Role.ANALYST])
    reads = _count_user_reads(monkeypatch)
    reply = client.post("/api/v1/calls", json=NEW_CALL, headers={"Idempotency-Key": "once-2"})
    assert reply.status_code == 403
    assert reply.json()["code"] == "forbidden"
    assert len(reads) == 1


def test_no_session_is_still_told_to_sign_in(web: Web) -> None:
    reply = web.client().post("/api/v1/calls", json=NEW_CALL)
    assert reply.status_code == 401
    assert reply.json()["code"] == "not_signed_in"
