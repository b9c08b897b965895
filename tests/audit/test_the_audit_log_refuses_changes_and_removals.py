import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError

from rightcare.audit import verify
from rightcare.storage.engine import make_sessionmaker
from tests.audit.chain import write_chain


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE audit_entry SET actor = 'mallory' WHERE seq = 1",
        "DELETE FROM audit_entry WHERE seq = 1",
    ],
)
def test_the_database_refuses_to_change_or_remove_an_entry(engine: Engine, statement: str) -> None:
    write_chain(engine, 2)
    with pytest.raises(DBAPIError, match="append-only"), engine.begin() as connection:
        connection.execute(sa.text(statement))
    with make_sessionmaker(engine)() as session:
        assert verify(session).entries == 2


def test_postgresql_refuses_to_truncate_the_log(engine: Engine) -> None:
    if engine.dialect.name != "postgresql":
        pytest.skip("SQLite has no TRUNCATE; its DELETE trigger covers it")
    write_chain(engine, 1)
    with pytest.raises(DBAPIError, match="append-only"), engine.begin() as connection:
        connection.execute(sa.text("TRUNCATE audit_entry"))
