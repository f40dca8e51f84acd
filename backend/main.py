"""The control plane's FastAPI application."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from arq import create_pool
from arq.connections import RedisSettings
from fastapi import FastAPI

from backend.apps.router import router as apps_router
from backend.auth.router import router as auth_router
from backend.base_images.router import router as base_images_router
from backend.builds.log_stream import router as build_logs_router
from backend.builds.router import router as builds_router
from backend.clusters.router import router as clusters_router
from backend.containers.docker_hosts import DockerClients
from backend.containers.router import router as containers_router
from backend.core.config import BackendSettings, get_settings
from backend.core.db import make_engine, make_sessionmaker
from backend.core.errors import install_error_handlers
from backend.core.jobs import JobSender
from backend.core.openapi import install as install_openapi
from backend.dashboard.serve import mount as mount_dashboard
from backend.deployments.router import router as deployments_router
from backend.events.router import router as events_router
from backend.groups.router import members as members_router
from backend.groups.router import router as groups_router
from backend.health.checks import http_client
from backend.health.router import router as health_router
from backend.hosts.router import public as hosts_public_router
from backend.hosts.router import router as hosts_router
from backend.jobs.router import router as jobs_router
from backend.namespaces.router import router as namespaces_router
from backend.quotas.router import router as quotas_router
from backend.registry.router import router as registry_router
from backend.repositories.router import router as repositories_router
from backend.sshkeys.router import router as sshkeys_router
from backend.terminal.protocol import TAGS
from backend.terminal.router import router as terminal_router
from backend.terminal.session import Deps as TerminalDeps
from backend.tokens.router import router as tokens_router
from backend.users.router import router as users_router
from backend.versions.router import router as versions_router
from backend.webhooks.router import router as webhooks_router

API_PREFIX = "/api/v1"
ROUTERS = [health_router, auth_router, users_router, tokens_router, groups_router,
           members_router, apps_router, versions_router, clusters_router, hosts_router,
           hosts_public_router, deployments_router, containers_router, events_router,
           jobs_router,
           sshkeys_router, terminal_router, registry_router,
           namespaces_router, base_images_router, quotas_router,
           repositories_router, builds_router, webhooks_router, build_logs_router]


async def open_resources(app: FastAPI, settings: BackendSettings) -> None:
    """Long-lived clients, built once and shared by every request."""
    state = app.state
    state.settings = settings
    state.engine = make_engine(settings)
    state.sessionmaker = make_sessionmaker(state.engine)
    state.redis = await create_pool(RedisSettings.from_dsn(settings.redis_url),
                                    default_queue_name=settings.job_queue_name)
    state.jobs = JobSender(state.redis)
    state.etcd = settings.etcd_store()
    state.http = http_client()
    state.docker = DockerClients(settings.pki_dir)
    state.terminal = TerminalDeps.build(settings, state.sessionmaker, state.docker,
                                        state.redis)


async def close_resources(app: FastAPI) -> None:
    state = app.state
    await state.http.aclose()
    await state.docker.close()
    await state.etcd.close()
    await state.redis.aclose()
    await state.engine.dispose()


def create_app(settings: BackendSettings | None = None, *, lifespan: bool = True) -> FastAPI:
    settings = settings or get_settings()

    @asynccontextmanager
    async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
        await open_resources(app, settings)
        try:
            yield
        finally:
            await close_resources(app)

    app = FastAPI(title="Dockyard", version="0.1.0",
                  description="Self-hosted container platform: build, deploy, route, roll back.",
                  openapi_url=f"{API_PREFIX}/openapi.json", docs_url=f"{API_PREFIX}/docs",
                  redoc_url=None, openapi_tags=TAGS, lifespan=_lifespan if lifespan else None)
    app.state.settings = settings
    install_error_handlers(app)
    install_openapi(app)
    for router in ROUTERS:
        app.include_router(router, prefix=API_PREFIX)
    mount_dashboard(app, settings.frontend_dist)
    return app
