"""Post-processing of the generated OpenAPI document."""

from typing import Any

from fastapi import FastAPI

from backend.core.config import BackendSettings
from backend.core.errors import PROBLEM_JSON

PROBLEM_REF = "#/components/schemas/Problem"


def problem_media_only(spec: dict[str, Any]) -> dict[str, Any]:
    """Errors are sent as application/problem+json only; say so, with their schema.

    FastAPI files a response model under application/json; clients generated from
    that would look for the wrong media type and type error bodies as unknown.
    """
    for ops in spec.get("paths", {}).values():
        for op in ops.values():
            for response in op.get("responses", {}).values():
                content = response.get("content", {})
                if PROBLEM_JSON in content:
                    content.pop("application/json", None)
                    content[PROBLEM_JSON] = {"schema": {"$ref": PROBLEM_REF}}
    return spec


def server_limits(spec: dict[str, Any], settings: BackendSettings) -> dict[str, Any]:
    """Bounds the service enforces from settings, stated in the document itself, so a
    client (the dashboard's generated limits.gen.ts) shows the limits that apply."""
    memory = spec.get("components", {}).get("schemas", {}).get("VersionCreate", {}) \
        .get("properties", {}).get("memory_mb")
    if memory is not None:
        memory["minimum"] = settings.min_memory_mb
        memory["maximum"] = settings.max_memory_mb
    return spec


def install(app: FastAPI) -> None:
    original = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = server_limits(problem_media_only(original()),
                                               app.state.settings)
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
