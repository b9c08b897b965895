"""Tables owned by storage itself: idempotency keys for retried POSTs."""

from __future__ import annotations

import datetime as dt
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from rightcare.storage.base import Base, JSONDocument, utcnow


class IdempotencyKey(Base):
    """The stored reply to a POST carrying an `Idempotency-Key`, replayed on a retry.

    A retry with the same key and principal but a different request hash is refused (422),
    so a C&C system cannot reuse a key for a different call by mistake.
    """

    __tablename__ = "idempotency_key"
    __table_args__ = (sa.UniqueConstraint("principal", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    key: Mapped[str] = mapped_column(sa.String(255))
    principal: Mapped[str] = mapped_column(sa.String(255), doc="username or token:NAME")
    request_hash: Mapped[str] = mapped_column(sa.String(64), doc="sha256 of method, path, body")
    status_code: Mapped[int]
    response_body: Mapped[Any] = mapped_column(JSONDocument, nullable=True)
    response_headers: Mapped[dict[str, Any] | None] = mapped_column(
        doc="headers to replay (Location, ETag)"
    )
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow, index=True)
