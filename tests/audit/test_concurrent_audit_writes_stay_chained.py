"""Several writers at once (two app workers, many handlers): the chain never forks."""

import threading

from sqlalchemy.engine import Engine

from rightcare.audit import record, verify
from rightcare.audit.models import AuditEntry
from rightcare.storage.engine import make_sessionmaker

WRITERS = 6
ENTRIES_EACH = 10


def test_concurrent_writers_append_one_unbroken_chain(engine: Engine) -> None:
    sessions = make_sessionmaker(engine)
    start = threading.Barrier(WRITERS)
    errors: list[BaseException] = []

    def write(writer: int) -> None:
        try:
            start.wait()
            for n in range(ENTRIES_EACH):
                with sessions.begin() as session:
                    session.query(AuditEntry.seq).limit(1).all()  # a read first, as services do
                    record(
                        session,
                        actor=f"handler-{writer}",
                        action="call.assessed",
                        entity="call",
                        entity_id=f"{writer}-{n}",
                    )
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(w,)) for w in range(WRITERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    with sessions() as session:
        result = verify(session)
        actors = {entry.actor for entry in session.query(AuditEntry)}
    assert result.ok, result.message
    assert result.entries == WRITERS * ENTRIES_EACH
    assert actors == {f"handler-{w}" for w in range(WRITERS)}
