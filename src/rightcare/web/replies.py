"""JSON replies built from Pydantic models without the generic encoder's detour."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse
from pydantic import BaseModel


class ModelJSONResponse(JSONResponse):
    """A JSON reply whose Pydantic content is serialised straight to bytes by pydantic-core:
    the same JSON `jsonable_encoder` then `json.dumps` would give, in a fraction of the time."""

    def render(self, content: Any) -> bytes:
        if isinstance(content, BaseModel):
            return content.model_dump_json(by_alias=True).encode("utf-8")
        return super().render(jsonable_encoder(content))


def json_reply(
    content: Any, *, status_code: int = 200, headers: Mapping[str, str] | None = None
) -> JSONResponse:
    return ModelJSONResponse(content, status_code=status_code, headers=dict(headers or {}))
