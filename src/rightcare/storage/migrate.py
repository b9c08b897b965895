"""Run the Alembic migrations from code: no alembic.ini needed at run time.

upgrade(url)              bring a database to the newest schema (creates it if new)
downgrade(url, "base")    step back (every revision is reversible)
current_revision(url)     where a database is now; head_revision() where code expects it
new_revision(url, msg)    for developers: write a date-prefixed revision file (autogenerate)
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import URL, Connection

from rightcare.storage.engine import make_engine, parse_url

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
FILE_TEMPLATE = "%%(year)d_%%(month).2d_%%(day).2d_%%(rev)s_%%(slug)s"


def alembic_config(url: str | URL | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("file_template", FILE_TEMPLATE)
    config.set_main_option("timezone", "UTC")
    if url is not None:
        rendered = parse_url(url).render_as_string(hide_password=False)
        config.set_main_option("sqlalchemy.url", rendered.replace("%", "%%"))
    return config


@contextmanager
def _migration_connection(url: str | URL) -> Iterator[Connection]:
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            sqlite = connection.dialect.name == "sqlite"
            if sqlite:
                # Batch migrations copy tables; with foreign keys on, SQLite would cascade.
                connection.exec_driver_sql("PRAGMA foreign_keys = OFF")
            try:
                yield connection
                connection.commit()
            finally:
                if sqlite:
                    connection.exec_driver_sql("PRAGMA foreign_keys = ON")
    finally:
        engine.dispose()


def upgrade(url: str | URL, revision: str = "head") -> None:
    with _migration_connection(url) as connection:
        config = alembic_config(url)
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def downgrade(url: str | URL, revision: str) -> None:
    with _migration_connection(url) as connection:
        config = alembic_config(url)
        config.attributes["connection"] = connection
        command.downgrade(config, revision)


def current_revision(url: str | URL) -> str | None:
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            return MigrationContext.configure(connection).get_current_revision()
    finally:
        engine.dispose()


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if head is None:
        raise RuntimeError("no migrations found")
    return head


def new_revision(url: str | URL, message: str, *, rev_id: str | None = None) -> None:
    """Autogenerate a revision against a database at head (developers only; review the file)."""
    config = alembic_config(url)
    command.revision(config, message=message, autogenerate=True, rev_id=rev_id)
