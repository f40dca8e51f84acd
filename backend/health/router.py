from fastapi import Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel

from backend.core.routing import make_router
from backend.health.checks import run_checks

router = make_router("health")


class HealthRead(BaseModel):
    status: str
    checks: dict[str, str]


@router.get("/health", name="get", response_model=HealthRead,
            responses={503: {"model": HealthRead, "description": "A dependency is down."}})
async def health(request: Request) -> JSONResponse:
    """Whether every dependency answers: database, Redis, worker, etcd, registry, Docker, nginx."""
    checks = await run_checks(request.app.state)
    ok = all(v == "up" for v in checks.values())
    body = HealthRead(status="ok" if ok else "degraded", checks=checks)
    return JSONResponse(body.model_dump(), status_code=200 if ok else 503)
