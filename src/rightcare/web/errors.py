"""Errors as RFC 9457 problem details (`application/problem+json`) that name the field.

Every error the API returns has the same shape, so a C&C system handles one format:

    {"type": "about:blank", "title": "Invalid request", "status": 422,
     "detail": "answers.risk_to_life: an answer must be yes, no or unknown",
     "field": "answers.risk_to_life", "code": "invalid",
     "errors": [{"field": "answers.risk_to_life", "message": "..."}]}

Service errors (`rightcare.calls.errors`) map by class: NotFound 404, Forbidden 403,
Conflict 412 (the request carried If-Match) or 409, RuleViolation 422.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from sqlalchemy.orm.exc import StaleDataError
from starlette.exceptions import HTTPException as StarletteHTTPException

from rightcare.engine.errors import CallError, did_you_mean

PROBLEM_JSON = "application/problem+json"
log = logging.getLogger("rightcare.web")

_TITLES = {
    400: "Bad request",
    401: "Sign-in needed",
    403: "Not allowed",
    404: "Not found",
    405: "Method not allowed",
    409: "Conflict",
    412: "Changed by someone else",
    413: "Request too large",
    415: "Unsupported media type",
    422: "Invalid request",
    428: "If-Match needed",
    429: "Too many attempts",
    500: "Internal error",
}


class FieldProblem(BaseModel):
    field: str
    message: str


class Problem(BaseModel):
    """An RFC 9457 problem document, with the field at fault when there is one."""

    type: str = "about:blank"
    title: str
    status: int
    detail: str
    instance: str | None = None
    code: str | None = Field(default=None, description="stable machine-readable error code")
    field: str | None = Field(default=None, description="the request field at fault, dotted")
    errors: list[FieldProblem] = Field(default_factory=list)


class ProblemError(Exception):
    """Raise from a route to answer with a problem document."""

    def __init__(
        self,
        status: int,
        detail: str,
        *,
        code: str | None = None,
        field: str | None = None,
        headers: Mapping[str, str] | None = None,
        title: str | None = None,
    ) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.code = code
        self.field = field
        self.headers = dict(headers or {})
        self.title = title


def problem_response(
    request: Request | None,
    status: int,
    detail: str,
    *,
    code: str | None = None,
    field: str | None = None,
    errors: Iterable[FieldProblem] = (),
    headers: Mapping[str, str] | None = None,
    title: str | None = None,
) -> JSONResponse:
    listed = list(errors)
    if field is not None and not listed:
        listed = [FieldProblem(field=field, message=detail)]
    body = Problem(
        title=title or _TITLES.get(status, "Error"),
        status=status,
        detail=detail,
        instance=str(request.url.path) if request is not None else None,
        code=code,
        field=field,
        errors=listed,
    )
    return JSONResponse(
        body.model_dump(mode="json", exclude_none=True),
        status_code=status,
        media_type=PROBLEM_JSON,
        headers=dict(headers or {}),
    )


def _loc_to_field(loc: Sequence[Any]) -> str:
    parts = [str(part) for part in loc]
    if parts and parts[0] in ("body", "query", "path", "header", "cookie"):
        parts = parts[1:]
    return ".".join(parts) or "body"


def _model_fields_at(model: type[BaseModel] | None, loc: Sequence[Any]) -> list[str]:
    """The field names a model accepts at `loc` (for a near-miss hint on an unknown field)."""
    current: Any = model
    for part in loc:
        fields = getattr(current, "model_fields", None)
        if fields is None or part not in fields:
            return []
        annotation = fields[part].annotation
        current = annotation if isinstance(annotation, type) else None
    fields = getattr(current, "model_fields", None)
    return list(fields) if fields else []


def validation_problems(
    errors: Sequence[Mapping[str, Any]], body_model: type[BaseModel] | None = None
) -> list[FieldProblem]:
    found: list[FieldProblem] = []
    for err in errors:
        loc = tuple(err.get("loc", ()))
        field = _loc_to_field(loc)
        kind = err.get("type", "")
        message = str(err.get("msg", "is not valid"))
        if kind == "extra_forbidden":
            inner = loc[1:] if loc[:1] == ("body",) else loc
            known = _model_fields_at(body_model, inner[:-1])
            message = f"unknown field{did_you_mean(str(loc[-1]), known)}"
        elif kind == "missing":
            message = "this field is required"
        elif kind == "json_invalid":
            message = "the body is not valid JSON"
        found.append(FieldProblem(field=field, message=message))
    return found


def _body_model(request: Request) -> type[BaseModel] | None:
    route = request.scope.get("route")
    body_field = getattr(route, "body_field", None)
    annotation = getattr(getattr(body_field, "field_info", None), "annotation", None)
    return (
        annotation if isinstance(annotation, type) and issubclass(annotation, BaseModel) else None
    )


async def _on_validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    problems = validation_problems(exc.errors(), _body_model(request))
    first = problems[0] if problems else FieldProblem(field="body", message="is not valid")
    return problem_response(
        request,
        422,
        f"{first.field}: {first.message}",
        code="invalid",
        field=first.field,
        errors=problems,
    )


async def _on_call_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, CallError)
    return problem_response(request, 422, str(exc), code="invalid", field=exc.field_path or "body")


async def _on_problem(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ProblemError)
    return problem_response(
        request,
        exc.status,
        exc.detail,
        code=exc.code,
        field=exc.field,
        headers=exc.headers,
        title=exc.title,
    )


async def _on_http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    detail = exc.detail if isinstance(exc.detail, str) else _TITLES.get(exc.status_code, "Error")
    if exc.status_code == 404 and detail == "Not Found":
        detail = f"nothing at {request.url.path}"
    return problem_response(request, exc.status_code, detail, headers=exc.headers)


async def _on_stale(request: Request, exc: Exception) -> JSONResponse:
    status = 412 if "if-match" in request.headers else 409
    return problem_response(
        request,
        status,
        "the call was changed by someone else while you were working on it: reload it and "
        "try again",
        code="stale",
    )


async def _on_unexpected(request: Request, exc: Exception) -> JSONResponse:
    log.exception("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
    return problem_response(
        request,
        500,
        "something went wrong on the server; nothing was saved. If this is a live call, "
        "treat it as police attend and ask a supervisor",
        code="internal",
    )


def _service_error_status(request: Request, exc: Exception) -> int:
    if type(exc).__name__ == "Conflict" or any(
        cls.__name__ == "Conflict" for cls in type(exc).__mro__
    ):
        return 412 if "if-match" in request.headers else 409
    status = getattr(exc, "http_status", 422)
    return status if isinstance(status, int) and 400 <= status < 500 else 422


async def _on_service_error(request: Request, exc: Exception) -> JSONResponse:
    status = _service_error_status(request, exc)
    message = getattr(exc, "message", None) or str(exc)
    return problem_response(
        request,
        status,
        str(message),
        code=getattr(exc, "code", None),
        field=getattr(exc, "field", None),
    )


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(RequestValidationError, _on_validation_error)
    app.add_exception_handler(CallError, _on_call_error)
    app.add_exception_handler(ProblemError, _on_problem)
    app.add_exception_handler(StarletteHTTPException, _on_http_error)
    app.add_exception_handler(StaleDataError, _on_stale)
    try:
        from rightcare.calls.errors import ServiceError
    except ImportError:  # the services are not installed yet
        pass
    else:
        app.add_exception_handler(ServiceError, _on_service_error)
    app.add_exception_handler(Exception, _on_unexpected)


PROBLEM_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"model": Problem, "content": {PROBLEM_JSON: {}}, "description": title}
    for status, title in (
        (401, "Sign-in needed"),
        (403, "Not allowed"),
        (422, "Invalid request: the problem names the field"),
    )
}
