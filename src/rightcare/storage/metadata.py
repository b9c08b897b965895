"""Every table rightcare defines, gathered on one MetaData (for migrations and tests)."""

from __future__ import annotations

import sqlalchemy as sa

from rightcare.storage.base import Base


def load_all_models() -> sa.MetaData:
    """Import every models module so its tables join `Base.metadata`, and return it."""
    import rightcare.audit.models
    import rightcare.auth.models
    import rightcare.calls.models
    import rightcare.storage.models
    import rightcare.training.models  # noqa: F401

    return Base.metadata
