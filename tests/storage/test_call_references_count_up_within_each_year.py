from concurrent.futures import ThreadPoolExecutor

from sqlalchemy.engine import Engine

from rightcare.calls.models import allocate_call_reference
from rightcare.storage.engine import make_sessionmaker


def test_references_count_up_and_restart_each_year(engine: Engine) -> None:
    with make_sessionmaker(engine).begin() as session:
        first = allocate_call_reference(session, year=2026)
        second = allocate_call_reference(session, year=2026)
        next_year = allocate_call_reference(session, year=2027)
    assert (first, second, next_year) == ("RC-2026-000001", "RC-2026-000002", "RC-2027-000001")


def test_concurrent_writers_never_get_the_same_reference(engine: Engine) -> None:
    sessions = make_sessionmaker(engine)

    def allocate(_: int) -> str:
        with sessions.begin() as session:
            return allocate_call_reference(session, year=2026)

    with ThreadPoolExecutor(max_workers=4) as pool:
        references = list(pool.map(allocate, range(20)))
    assert sorted(references) == [f"RC-2026-{n:06d}" for n in range(1, 21)]
