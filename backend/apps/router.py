import logging
import uuid

from fastapi import Request, Response, status

from backend.apps import domains, service
from backend.apps.schemas import AppCreate, AppRead, AppUpdate, CertificateUpload, DomainRead
from backend.core.auth import CurrentUser
from backend.core.db import SessionDep
from backend.core.deps import SettingsDep
from backend.core.errors import problem_responses
from backend.core.pagination import Page, PageDep
from backend.core.routing import make_router
from backend.deployments.routes import delete_route, write_routes
from backend.repositories import auto_version
from livestate.store import EtcdError

log = logging.getLogger(__name__)
router = make_router("apps", responses=problem_responses(401, 404))


@router.get("/groups/{group_id}/apps", name="list", response_model=Page[AppRead])
async def list_apps(session: SessionDep, user: CurrentUser, group_id: uuid.UUID,
                    page: PageDep) -> Page[AppRead]:
    """List a group's apps."""
    apps, cursor = await service.list_app_reads(session, user, group_id, page)
    return Page(items=apps, next_cursor=cursor)


@router.post("/groups/{group_id}/apps", name="create", response_model=AppRead,
             status_code=status.HTTP_201_CREATED, responses=problem_responses(403, 409))
async def create_app(session: SessionDep, user: CurrentUser, group_id: uuid.UUID,
                     body: AppCreate) -> AppRead:
    """Create an app in a group (developers)."""
    app = await service.create_app(session, user, group_id, body.name, body.description,
                                   body.domains)
    return await service.get_app_read(session, user, app.id)


@router.get("/apps/{app_id}", name="get", response_model=AppRead)
async def get_app(session: SessionDep, user: CurrentUser, app_id: uuid.UUID) -> AppRead:
    """Get an app."""
    return await service.get_app_read(session, user, app_id)


@router.patch("/apps/{app_id}", name="update", response_model=AppRead,
              responses=problem_responses(403, 409))
async def update_app(session: SessionDep, user: CurrentUser, app_id: uuid.UUID,
                     body: AppUpdate) -> AppRead:
    """Change an app's description, domains or versions from builds (developers)."""
    app = await service.update_app(session, user, app_id, body.description, body.domains)
    if "auto_version" in body.model_fields_set:
        await auto_version.configure(session, user, app, body.auto_version)
    return await service.get_app_read(session, user, app.id)


@router.delete("/apps/{app_id}", name="delete", status_code=status.HTTP_204_NO_CONTENT,
               responses=problem_responses(403, 409))
async def delete_app(session: SessionDep, request: Request, user: CurrentUser,
                     app_id: uuid.UUID) -> Response:
    """Delete an app with no containers (group admins); its domains are free again."""
    await service.delete_app(session, user, app_id)
    # Its route goes too, or nginx would keep its domains. Should etcd be down now, the
    # reconciler removes routes of apps that no longer exist.
    await delete_route(request.app.state.etcd, app_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


async def _route(session: SessionDep, request: Request, settings: SettingsDep,
                 app_id: uuid.UUID) -> None:
    """Tell lbgen now; should etcd be away, the reconciler writes the route later."""
    try:
        await write_routes(session, request.app.state.etcd, app_id,
                           cert_dir=settings.edge_cert_dir)
    except (EtcdError, OSError, TimeoutError) as exc:
        log.warning("route of app %s not written now: %s", app_id, exc)


@router.get("/apps/{app_id}/domains", name="domains", response_model=list[DomainRead])
async def list_domains(session: SessionDep, settings: SettingsDep, user: CurrentUser,
                       app_id: uuid.UUID) -> list[DomainRead]:
    """An app's domains: link, routing state and TLS certificate expiry."""
    return await domains.list_domains(session, settings, user, app_id)


@router.put("/apps/{app_id}/domains/{domain}/certificate", name="set_certificate",
            response_model=DomainRead, responses=problem_responses(403, 409))
async def set_certificate(session: SessionDep, settings: SettingsDep, request: Request,
                          user: CurrentUser, app_id: uuid.UUID, domain: str,
                          body: CertificateUpload) -> DomainRead:
    """Serve a domain over TLS with this certificate and key (developers; key never shown)."""
    app = await domains.set_certificate(session, settings, user, app_id, domain,
                                        body.certificate, body.private_key.get_secret_value())
    await _route(session, request, settings, app.id)
    found = [d for d in await domains.list_domains(session, settings, user, app.id)
             if d.domain == domain]
    return found[0]


@router.delete("/apps/{app_id}/domains/{domain}/certificate", name="delete_certificate",
               status_code=status.HTTP_204_NO_CONTENT, responses=problem_responses(403, 409))
async def delete_certificate(session: SessionDep, settings: SettingsDep, request: Request,
                             user: CurrentUser, app_id: uuid.UUID, domain: str) -> Response:
    """Stop serving a domain over TLS and delete its certificate and key (developers)."""
    app = await domains.delete_certificate(session, settings, user, app_id, domain)
    await _route(session, request, settings, app.id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
