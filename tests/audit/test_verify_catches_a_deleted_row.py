from sqlalchemy.engine import Engine

from rightcare.audit import verify
from rightcare.storage.engine import make_sessionmaker
from tests.audit.chain import tamper, write_chain


def test_a_deleted_entry_is_reported_by_its_sequence_number(engine: Engine) -> None:
    write_chain(engine, 6)
    tamper(engine, "DELETE FROM audit_entry WHERE seq = 4")
    with make_sessionmaker(engine)() as session:
        result = verify(session)
    assert not result.ok
    assert result.broken_at == 4
    assert result.entries == 3
    assert "entry 4 is missing" in result.message


def test_several_deleted_entries_are_reported_from_the_first(engine: Engine) -> None:
    write_chain(engine, 6)
    tamper(engine, "DELETE FROM audit_entry WHERE seq IN (2, 3)")
    with make_sessionmaker(engine)() as session:
        result = verify(session)
    assert result.broken_at == 2
    assert "entries 2 to 3 are missing" in result.message


def test_deleting_the_first_entry_is_caught(engine: Engine) -> None:
    write_chain(engine, 3)
    tamper(engine, "DELETE FROM audit_entry WHERE seq = 1")
    with make_sessionmaker(engine)() as session:
        result = verify(session)
    assert result.broken_at == 1


def test_a_deleted_entry_renumbered_to_close_the_gap_is_caught(engine: Engine) -> None:
    write_chain(engine, 5)
    tamper(engine, "DELETE FROM audit_entry WHERE seq = 3")
    tamper(engine, "UPDATE audit_entry SET seq = seq - 1 WHERE seq > 3")
    with make_sessionmaker(engine)() as session:
        result = verify(session)
    assert result.broken_at == 3
