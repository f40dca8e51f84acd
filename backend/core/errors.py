"""Errors users can cause, rendered as RFC 9457 problem details by one handler."""

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from sqlalchemy.exc import DBAPIError, IntegrityError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

from backend.core.db import ROLLED_BACK_WHOLE, sqlstate
from backend.core.replay import REPLAYABLE, ReplayRolledBack

REPLAYABLE_HEADER = REPLAYABLE.decode()

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

    def __init__(self, detail: str | None = None, *, headers: dict[str, str] | None = None,
                 errors: list[dict[str, Any]] | None = None):
        super().__init__(detail or self.title)
        self.detail = detail
        self.headers = headers
        # Where in the request the problem is, as validation errors say it (`loc`), so a
        # form can show the message beside its field.
        self.errors = errors

    def problem(self) -> Problem:
        return Problem(type=f"/problems/{self.slug}", title=self.title, status=self.status,
                       detail=self.detail, errors=self.errors)


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


def _allowed_methods(request: Request) -> list[str]:
    """Every method some route serves on this path.

    FastAPI makes one route per method, and Starlette's 405 names only the first
    route that matched the path, so Allow would list just one method.
    """
    methods: set[str] = set()
    for route in request.app.router.routes:
        match, _ = route.matches({**request.scope, "method": "GET"})
        route_methods = getattr(route, "methods", None)
        if match != Match.NONE and route_methods:
            methods |= route_methods
    return sorted(methods)


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
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        headers = dict(getattr(exc, "headers", None) or {})
        if exc.status_code == 405:
            headers["Allow"] = ", ".join(_allowed_methods(request))
        return problem_response(Problem(title=str(exc.detail), status=exc.status_code), headers)

    @app.exception_handler(IntegrityError)
    async def _integrity(_: Request, exc: IntegrityError) -> JSONResponse:
        # Races past the service's own checks (two creates at once) end here, not as 500s.
        return problem_response(Problem(type="/problems/conflict", title="Conflict", status=409,
                                        detail="The change conflicts with existing data."))

    _install_db_handlers(app)
    # Outside the handlers, so it sees their responses: a rolled-back write runs again.
    app.add_middleware(ReplayRolledBack)


def _install_db_handlers(app: FastAPI) -> None:
    @app.exception_handler(DBAPIError)
    async def _data(request: Request, exc: DBAPIError) -> JSONResponse:
        # SQLSTATE class 22 is "data exception": a value the column cannot hold (NUL in
        # text, out-of-range number) that slipped past validation. The user's input,
        # not the server, is at fault; the transaction was rolled back.
        code = sqlstate(exc)
        if code.startswith("22"):
            return problem_response(Problem(type="/problems/invalid", title="Invalid input",
                                            status=422, detail="A value cannot be stored: "
                                            "check for NUL characters or numbers out of range."))
        if code in ROLLED_BACK_WHOLE:  # a deadlock's victim, say: nothing was written
            return problem_response(Problem(type="/problems/busy", title="Busy", status=503,
                                            detail="The change collided with concurrent work "
                                            "and was not applied; send it again."),
                                    {"Retry-After": "1", REPLAYABLE_HEADER: "1"})
        raise exc


# Declared on routes so generated clients know the error shape.
def problem_responses(*codes: int) -> dict[int | str, dict[str, Any]]:
    return {code: {"model": Problem, "content": {PROBLEM_JSON: {}}} for code in codes}
