"""The audit log table: append-only, each row hash-chained to the one before."""

from __future__ import annotations

import datetime as dt
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from rightcare.storage.base import Base

GENESIS_HASH = "0" * 64  # the prev_hash of entry 1


class AuditEntry(Base):
    """One state change. `seq` is assigned by `record`, 1, 2, 3... so a gap shows a deletion.

    The database refuses UPDATE and DELETE on this table (triggers added by the migration);
    `hash` = sha256 over the canonical JSON of the other columns, so an edit shows as well.
    """

    __tablename__ = "audit_entry"
    __table_args__ = (sa.Index("ix_audit_entry_entity", "entity", "entity_id"),)

    seq: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    at: Mapped[dt.datetime] = mapped_column(index=True)
    actor: Mapped[str] = mapped_column(sa.String(255), index=True)
    action: Mapped[str] = mapped_column(sa.String(100))
    entity: Mapped[str] = mapped_column(sa.String(64))
    entity_id: Mapped[str] = mapped_column(sa.String(64))
    details: Mapped[dict[str, Any]]
    prev_hash: Mapped[str] = mapped_column(sa.String(64))
    hash: Mapped[str] = mapped_column(sa.String(64), unique=True)
