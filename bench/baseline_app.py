"""The same-run baseline: a bare Starlette JSON endpoint under the same uvicorn."""

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route


async def hello(_: Request) -> JSONResponse:
    return JSONResponse({"id": "00000000-0000-0000-0000-000000000000", "name": "baseline"})


app = Starlette(routes=[Route("/json", hello)])
