"""Helpers for audit tests: write a chain, and tamper with it as an attacker with database
rights would (first switching off the append-only triggers)."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from rightcare.audit import record
from rightcare.storage.engine import make_sessionmaker


def write_chain(engine: Engine, count: int) -> None:
    with make_sessionmaker(engine).begin() as session:
        for n in range(1, count + 1):
            record(
                session,
                actor="ann",
                action="decision.recorded",
                entity="call",
                entity_id=f"call-{n}",
                details={"police_response": "attend", "n": n},
            )


def tamper(engine: Engine, statement: str) -> None:
    """Run `statement` on audit_entry with the append-only protection switched off."""
    with engine.begin() as connection:
        if engine.dialect.name == "postgresql":
            connection.exec_driver_sql("ALTER TABLE audit_entry DISABLE TRIGGER USER")
            connection.execute(sa.text(statement))
            connection.exec_driver_sql("ALTER TABLE audit_entry ENABLE TRIGGER USER")
        else:
            connection.exec_driver_sql("DROP TRIGGER IF EXISTS audit_entry_no_update")
            connection.exec_driver_sql("DROP TRIGGER IF EXISTS audit_entry_no_delete")
            connection.execute(sa.text(statement))
