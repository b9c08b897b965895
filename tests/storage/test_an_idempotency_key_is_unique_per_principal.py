import pytest
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from rightcare.storage.engine import make_sessionmaker
from rightcare.storage.models import IdempotencyKey


def _key(principal: str) -> IdempotencyKey:
    return IdempotencyKey(
        key="retry-1",
        principal=principal,
        request_hash="0" * 64,
        status_code=201,
        response_body={"id": "c1"},
        response_headers={"Location": "/api/v1/calls/c1"},
    )


def test_two_principals_may_use_the_same_key(engine: Engine) -> None:
    with make_sessionmaker(engine).begin() as session:
        session.add_all([_key("token:cad"), _key("ann")])


def test_the_same_principal_cannot_store_a_key_twice(engine: Engine) -> None:
    with make_sessionmaker(engine).begin() as session:
        session.add(_key("token:cad"))
    with make_sessionmaker(engine)() as session:
        session.add(_key("token:cad"))
        with pytest.raises(IntegrityError):
            session.flush()


def test_the_stored_reply_reads_back_as_json(engine: Engine) -> None:
    with make_sessionmaker(engine).begin() as session:
        session.add(_key("token:cad"))
    with make_sessionmaker(engine)() as session:
        stored = session.query(IdempotencyKey).one()
        assert stored.response_body == {"id": "c1"}
        assert stored.created_at.tzinfo is not None
