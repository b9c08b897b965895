import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from rightcare.storage.engine import make_engine
from rightcare.storage.metadata import load_all_models
from rightcare.storage.migrate import current_revision, downgrade, head_revision, upgrade

TABLES = {
    "api_token",
    "assessment",
    "audit_entry",
    "call",
    "call_reference_counter",
    "caller_advice",
    "decision",
    "handover",
    "idempotency_key",
    "supervisor_review",
    "user_account",
    "user_role",
    "training_attempt",
    "training_answer",
    "training_cohort",
    "training_cohort_member",
    "training_certificate",
    "xapi_statement",
}


def _tables(url: str) -> set[str]:
    engine = make_engine(url)
    try:
        return set(sa.inspect(engine).get_table_names()) - {"alembic_version"}
    finally:
        engine.dispose()


def test_migrations_upgrade_to_head_downgrade_to_base_and_upgrade_again(
    empty_database_url: str,
) -> None:
    url = empty_database_url
    upgrade(url)
    assert current_revision(url) == head_revision()
    assert _tables(url) == TABLES

    downgrade(url, "base")
    assert current_revision(url) is None
    assert _tables(url) == set()

    upgrade(url)
    assert current_revision(url) == head_revision()
    assert _tables(url) == TABLES


def test_the_migrated_schema_matches_the_models(database_url: str) -> None:
    engine = make_engine(database_url)
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            differences = compare_metadata(context, load_all_models())
    finally:
        engine.dispose()
    assert differences == []


def test_upgrading_a_database_already_at_head_changes_nothing(database_url: str) -> None:
    upgrade(database_url)
    assert current_revision(database_url) == head_revision()
