"""Input checks shared by every boundary (engine contract, services, API bodies).

PostgreSQL cannot store a NUL character in text, and no call handler types one: such input is
refused at the edge with the field named, never left to fail as a database error.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, model_validator


def find_nul(value: Any, path: str = "") -> str | None:
    """The dotted path of the first string holding a NUL character, if any."""
    if isinstance(value, str):
        return path if "\x00" in value else None
    if isinstance(value, dict):
        for key, item in value.items():
            found = find_nul(key, path) or find_nul(item, f"{path}.{key}" if path else str(key))
            if found is not None:
                return found
    if isinstance(value, list | tuple):
        for n, item in enumerate(value):
            found = find_nul(item, f"{path}.{n}" if path else str(n))
            if found is not None:
                return found
    return None


class NulFree(BaseModel):
    """A model whose input may hold no NUL character anywhere."""

    @model_validator(mode="before")
    @classmethod
    def _no_nul(cls, data: Any) -> Any:
        where = find_nul(data)
        if where is not None:
            raise ValueError(f"{where or 'input'} contains a NUL character, which is not allowed")
        return data
