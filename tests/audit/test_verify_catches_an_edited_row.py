from sqlalchemy.engine import Engine

from rightcare.audit import verify
from rightcare.audit.service import hash_of
from rightcare.storage.engine import make_sessionmaker
from tests.audit.chain import tamper, write_chain


def test_an_edited_entry_no_longer_matches_its_hash(engine: Engine) -> None:
    write_chain(engine, 5)
    tamper(engine, "UPDATE audit_entry SET actor = 'mallory' WHERE seq = 3")
    with make_sessionmaker(engine)() as session:
        result = verify(session)
    assert not result.ok
    assert result.broken_at == 3
    assert result.entries == 2
    assert "entry 3 was changed" in result.message


def test_an_edited_entry_with_a_rewritten_hash_breaks_the_next_link(engine: Engine) -> None:
    write_chain(engine, 5)
    tamper(engine, "UPDATE audit_entry SET action = 'decision.deleted' WHERE seq = 2")
    with make_sessionmaker(engine)() as session:
        from rightcare.audit.models import AuditEntry

        edited = session.get(AuditEntry, 2)
        assert edited is not None
        forged = hash_of(edited)
    tamper(engine, f"UPDATE audit_entry SET hash = '{forged}' WHERE seq = 2")
    with make_sessionmaker(engine)() as session:
        result = verify(session)
    assert result.broken_at == 3
    assert "entry 3 does not follow entry 2" in result.message


def test_edited_details_are_caught(engine: Engine) -> None:
    write_chain(engine, 4)
    if engine.dialect.name == "postgresql":
        statement = "UPDATE audit_entry SET details = '{\"n\": 4}'::jsonb WHERE seq = 4"
    else:
        statement = "UPDATE audit_entry SET details = '{\"n\": 4}' WHERE seq = 4"
    tamper(engine, statement)
    with make_sessionmaker(engine)() as session:
        result = verify(session)
    assert result.broken_at == 4
