"""Errors users can cause, rendered as RFC 9457 problem details by one handler."""

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from sqlalchemy.exc import IntegrityError
from starlette.exceptions import HTTPException as StarletteHTTPException

PROBLEM_JSON = "application/problem+json"


class Problem(BaseModel):
    """RFC 9457 problem details."""

    type: str = "about:blank"
    title: str
    status: int
    detail: str | None = None
    errors: list[dict[str, Any]] | None = None


class DockyardError(Exception):
    status = 500
    title = "Internal error"
    slug = "internal"

    def __init__(self, detail: str | None = None, *, headers: dict[str, str] | None = None):
        super().__init__(detail or self.title)
        self.detail = detail
        self.headers = headers

    def problem(self) -> Problem:
        return Problem(type=f"/problems/{self.slug}", title=self.title, status=self.status,
                       detail=self.detail)


class BadRequest(DockyardError):
    status, title, slug = 400, "Bad request", "bad-request"


class Unauthorized(DockyardError):
    status, title, slug = 401, "Not authenticated", "unauthorized"

    def __init__(self, detail: str | None = None):
        super().__init__(detail, headers={"WWW-Authenticate": "Bearer"})


class Forbidden(DockyardError):
    status, title, slug = 403, "Forbidden", "forbidden"


class NotFound(DockyardError):
    status, title, slug = 404, "Not found", "not-found"


class Conflict(DockyardError):
    status, title, slug = 409, "Conflict", "conflict"


class Unprocessable(DockyardError):
    status, title, slug = 422, "Invalid input", "invalid"


def problem_response(problem: Problem, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(problem.model_dump(exclude_none=True), status_code=problem.status,
                        media_type=PROBLEM_JSON, headers=headers)


def _json_safe_errors(errors: Any) -> list[dict[str, Any]]:
    out = []
    for err in errors:
        out.append({"loc": list(err.get("loc", ())), "msg": str(err.get("msg", "")),
                    "type": str(err.get("type", ""))})
    return out


def _validation_detail(errors: list[dict[str, Any]]) -> str:
    parts = []
    for err in errors[:5]:
        loc = ".".join(str(p) for p in err["loc"] if p not in ("body", "query", "path"))
        parts.append(f"{loc}: {err['msg']}" if loc else err["msg"])
    return "; ".join(parts)


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(DockyardError)
    async def _dockyard(_: Request, exc: DockyardError) -> JSONResponse:
        return problem_response(exc.problem(), exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _validation(_: Request, exc: RequestValidationError) -> JSONResponse:
        errors = _json_safe_errors(exc.errors())
        return problem_response(Problem(type="/problems/invalid", title="Invalid input",
                                        status=422, detail=_validation_detail(errors),
                                        errors=errors))

    @app.exception_handler(StarletteHTTPException)
    async def _http(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        return problem_response(Problem(title=str(exc.detail), status=exc.status_code),
                                getattr(exc, "headers", None))

    @app.exception_handler(IntegrityError)
    async def _integrity(_: Request, exc: IntegrityError) -> JSONResponse:
        # Races past the service's own checks (two creates at once) end here, not as 500s.
        return problem_response(Problem(type="/problems/conflict", title="Conflict", status=409,
                                        detail="The change conflicts with existing data."))


# Declared on routes so generated clients know the error shape.
def problem_responses(*codes: int) -> dict[int | str, dict[str, Any]]:
    return {code: {"model": Problem, "content": {PROBLEM_JSON: {}}} for code in codes}
