import uuid
from typing import Annotated

from fastapi import Query, Request, Response, status
from fastapi.responses import PlainTextResponse

from backend.core.auth import CurrentUser
from backend.core.db import SessionDep
from backend.core.errors import problem_responses
from backend.core.pagination import Page, PageDep
from backend.core.routing import make_router
from backend.hosts import endpoint_rules, etcd_users, onboarding, service
from backend.hosts.install_script import render as render_install
from backend.hosts.pki import PlatformCA
from backend.hosts.schemas import (
    HostCreate,
    HostDrainStarted,
    HostRead,
    HostRegister,
    HostRegistered,
    HostTLS,
    HostUpdate,
    JoinTokenCreate,
    JoinTokenCreated,
)
from backend.models import Cluster, Host

router = make_router("hosts", responses=problem_responses(401, 404))
# Authenticated by a join token instead of a user's bearer token.
public = make_router("hosts")


def _read(host: Host, containers: int = 0) -> HostRead:
    return HostRead.model_validate(host).model_copy(
        update={"status": service.effective_status(host), "containers": containers})


@router.get("/clusters/{cluster_id}/hosts", name="list", response_model=Page[HostRead])
async def list_hosts(session: SessionDep, user: CurrentUser, cluster_id: uuid.UUID,
                     page: PageDep) -> Page[HostRead]:
    """List a cluster's hosts."""
    hosts, cursor = await service.list_hosts(session, user, cluster_id, page)
    counts = await service.container_counts(session, [h.id for h in hosts])
    return Page(items=[_read(h, counts.get(h.id, 0)) for h in hosts], next_cursor=cursor)


@router.post("/clusters/{cluster_id}/hosts", name="create", response_model=HostRead,
             status_code=status.HTTP_201_CREATED, responses=problem_responses(403, 409))
async def create_host(session: SessionDep, user: CurrentUser, cluster_id: uuid.UUID,
                      body: HostCreate) -> HostRead:
    """Register a Docker host in a cluster; a job probes its engine."""
    host, _ = await service.create_host(session, user, cluster_id, name=body.name,
                                        address=body.address,
                                        docker_endpoint=body.docker_endpoint, labels=body.labels)
    return _read(host)


@router.get("/hosts/{host_id}", name="get", response_model=HostRead)
async def get_host(session: SessionDep, user: CurrentUser, host_id: uuid.UUID) -> HostRead:
    """Get a host."""
    host = await service.get_host(session, user, host_id)
    return _read(host, (await service.container_counts(session, [host.id])).get(host.id, 0))


@router.patch("/hosts/{host_id}", name="update", response_model=HostRead,
              responses=problem_responses(403))
async def update_host(session: SessionDep, user: CurrentUser, host_id: uuid.UUID,
                      body: HostUpdate) -> HostRead:
    """Change a host's labels, or cordon / uncordon it."""
    return _read(await service.update_host(session, user, host_id, body.labels, body.cordoned))


@router.delete("/hosts/{host_id}", name="delete", status_code=status.HTTP_204_NO_CONTENT,
               responses=problem_responses(403, 409, 503))
async def delete_host(session: SessionDep, request: Request, user: CurrentUser,
                      host_id: uuid.UUID) -> Response:
    """Remove a host that runs no containers."""
    await service.delete_host(session, user, host_id)
    await etcd_users.revoke(request.app.state.settings, host_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post("/hosts/{host_id}/cordon", name="cordon", response_model=HostRead,
             responses=problem_responses(403))
async def cordon_host(session: SessionDep, user: CurrentUser, host_id: uuid.UUID) -> HostRead:
    """Stop placing new containers on a host."""
    return _read(await service.update_host(session, user, host_id, None, True))


@router.post("/hosts/{host_id}/uncordon", name="uncordon", response_model=HostRead,
             responses=problem_responses(403))
async def uncordon_host(session: SessionDep, user: CurrentUser, host_id: uuid.UUID) -> HostRead:
    """Allow placing containers on a host again."""
    return _read(await service.update_host(session, user, host_id, None, False))


@router.post("/hosts/{host_id}/drain", name="drain", response_model=HostDrainStarted,
             status_code=status.HTTP_202_ACCEPTED, responses=problem_responses(403))
async def drain_host(session: SessionDep, user: CurrentUser, host_id: uuid.UUID
                     ) -> HostDrainStarted:
    """Cordon a host and move its containers to other hosts of the cluster (a job)."""
    host, job = await service.drain_host(session, user, host_id)
    return HostDrainStarted(host=_read(host), job_id=job.id)


@router.post("/clusters/{cluster_id}/join-tokens", name="create_join_token",
             response_model=JoinTokenCreated, status_code=status.HTTP_201_CREATED,
             responses=problem_responses(403))
async def create_join_token(session: SessionDep, request: Request, user: CurrentUser,
                            cluster_id: uuid.UUID, body: JoinTokenCreate) -> JoinTokenCreated:
    """Make a token that adds hosts to a cluster with one command; shown once."""
    secret, token = await onboarding.create_join_token(session, user, cluster_id,
                                                       body.expires_in_s, body.max_uses)
    api = _public_url(request)
    return JoinTokenCreated(id=token.id, cluster_id=token.cluster_id, token=secret,
                            expires_at=token.expires_at, max_uses=token.max_uses,
                            install_command=f"curl -fsSL '{api}/api/v1/install.sh?token={secret}'"
                                            " | sh")


def _public_url(request: Request) -> str:
    configured = request.app.state.settings.public_url
    return str(configured or str(request.base_url)).rstrip("/")


TokenQuery = Annotated[str, Query(min_length=1, max_length=128, description="A join token.")]


@public.post("/hosts/register", name="register", response_model=HostRegistered,
             status_code=status.HTTP_201_CREATED,
             responses=problem_responses(401, 403, 409, 503))
async def register_host(session: SessionDep, request: Request, body: HostRegister
                        ) -> HostRegistered:
    """Register a new host with a join token (called by the agent, not by people)."""
    host = await onboarding.register_host(session, body.token, name=body.name,
                                          address=body.address,
                                          docker_endpoint=body.docker_endpoint, labels=body.labels)
    tls = None
    settings = request.app.state.settings
    if body.tls:
        ca = PlatformCA(settings.pki_dir)
        cert, key = ca.issue(f"engine {host.name}",
                             server_names=endpoint_rules.certificate_names(body.address))
        tls = HostTLS(ca_pem=ca.ca_pem().decode(), cert_pem=cert.decode(), key_pem=key.decode())
    etcd = await etcd_users.issue(settings, host.id)
    return HostRegistered(host_id=host.id, cluster_id=host.cluster_id, tls=tls, etcd=etcd)


@public.get("/install.sh", name="install_script", response_class=PlainTextResponse,
            responses={200: {"content": {"text/x-shellscript": {}}},
                       **problem_responses(401)})
async def install_script(session: SessionDep, request: Request, token: TokenQuery
                         ) -> PlainTextResponse:
    """The one-command host installer: `curl …/install.sh?token=… | sh`."""
    join = await onboarding.check_join_token(session, token)
    cluster = await session.get(Cluster, join.cluster_id)
    settings = request.app.state.settings
    script = render_install(api=_public_url(request), token=token,
                            etcd=settings.agent_etcd_endpoint or settings.etcd_endpoint,
                            cluster=cluster.name if cluster else "?",
                            requirements=onboarding.pinned_requirements())
    return PlainTextResponse(script, media_type="text/x-shellscript")


@public.get("/agent/source.tar.gz", name="agent_source",
            responses={200: {"content": {"application/gzip": {}}}, **problem_responses(401)})
async def agent_source(session: SessionDep, token: TokenQuery) -> Response:
    """The agent's code, for install.sh."""
    await onboarding.check_join_token(session, token)
    return Response(onboarding.agent_source(), media_type="application/gzip")
