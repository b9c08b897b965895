from sqlalchemy.engine import Engine

from rightcare.audit import verify
from rightcare.audit.models import GENESIS_HASH, AuditEntry
from rightcare.storage.engine import make_sessionmaker
from tests.audit.chain import write_chain


def test_an_empty_log_is_intact(engine: Engine) -> None:
    with make_sessionmaker(engine)() as session:
        result = verify(session)
    assert result.ok
    assert result.entries == 0
    assert result.head_hash == GENESIS_HASH


def test_an_intact_chain_verifies_and_reports_its_length(engine: Engine) -> None:
    write_chain(engine, 5)
    with make_sessionmaker(engine)() as session:
        result = verify(session, batch=2)
        last = session.get(AuditEntry, 5)
    assert result.ok, result.message
    assert result.entries == 5
    assert last is not None and result.head_hash == last.hash
    assert result.message.startswith("ok: 5 entries, chain intact")


def test_each_entry_links_to_the_one_before(engine: Engine) -> None:
    write_chain(engine, 3)
    with make_sessionmaker(engine)() as session:
        entries = session.query(AuditEntry).order_by(AuditEntry.seq).all()
    assert [entry.seq for entry in entries] == [1, 2, 3]
    assert entries[0].prev_hash == GENESIS_HASH
    assert entries[1].prev_hash == entries[0].hash
    assert entries[2].prev_hash == entries[1].hash
    assert all(entry.at.tzinfo is not None for entry in entries)
