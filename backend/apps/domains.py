"""An app's domains as the edge serves them, and their TLS certificates."""

import uuid
from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncSession

from backend.apps import certificates, service
from backend.apps.schemas import CertificateRead, DomainRead, DomainState
from backend.apps.service import get_app
from backend.core import events
from backend.core.config import BackendSettings
from backend.core.errors import Conflict, NotFound
from backend.models import App, Role, User


class TlsNotConfigured(Conflict):
    title = "TLS not configured"


def _cert_read(facts: certificates.CertInfo | None) -> CertificateRead | None:
    if facts is None:
        return None
    return CertificateRead(names=facts.names, issuer=facts.issuer, not_before=facts.not_before,
                           expires_at=facts.not_after,
                           fingerprint_sha256=facts.fingerprint_sha256)


def _url(settings: BackendSettings, domain: str, tls: bool) -> str:
    scheme, port, default = ("https", settings.edge_tls_port, 443) if tls else (
        "http", settings.edge_http_port, 80)
    host = domain.replace("*.", "www.", 1)
    return f"{scheme}://{host}" + ("" if port == default else f":{port}") + "/"


async def list_domains(session: AsyncSession, settings: BackendSettings, user: User,
                       app_id: uuid.UUID) -> list[DomainRead]:
    app = await get_app(session, user, app_id)
    domains = await service.domain_names(session, app.id)
    live, serving = await service.container_counts(session, app.id)
    state = (DomainState.routed if serving else
             DomainState.no_serving_container if live else DomainState.not_deployed)
    out = []
    for domain in domains:
        cert = _cert_read(certificates.read(settings.edge_cert_dir, app.id, domain))
        out.append(DomainRead(domain=domain, url=_url(settings, domain, cert is not None),
                              state=state, serving=serving, certificate=cert))
    return out


async def _domain_of(session: AsyncSession, user: User, app_id: uuid.UUID, domain: str
                     ) -> App:
    app = await get_app(session, user, app_id, Role.developer)
    if await service.domain_owner(session, domain) != app.id:
        raise NotFound("This app has no such domain.")
    return app


def _cert_dir(settings: BackendSettings) -> Path:
    if settings.edge_cert_dir is None:
        raise TlsNotConfigured("This platform keeps no certificates: set "
                               "DOCKYARD_EDGE_CERT_DIR (and lbgen's LBGEN_CERT_DIR).")
    return settings.edge_cert_dir


async def set_certificate(session: AsyncSession, settings: BackendSettings, user: User,
                          app_id: uuid.UUID, domain: str, cert_pem: str, key_pem: str
                          ) -> App:
    app = await _domain_of(session, user, app_id, domain)
    cert_dir = _cert_dir(settings)
    facts = certificates.check(domain, cert_pem, key_pem)
    certificates.store(cert_dir, app.id, domain, cert_pem, key_pem)
    events.record(session, user, "app.certificate_set", "app", app.id, group_id=app.group_id,
                  domain=domain, expires_at=facts.not_after.isoformat(),
                  fingerprint_sha256=facts.fingerprint_sha256)
    return app


async def delete_certificate(session: AsyncSession, settings: BackendSettings, user: User,
                             app_id: uuid.UUID, domain: str) -> App:
    app = await _domain_of(session, user, app_id, domain)
    if not certificates.remove(_cert_dir(settings), app.id, domain):
        raise NotFound("This domain has no certificate.")
    events.record(session, user, "app.certificate_remove", "app", app.id,
                  group_id=app.group_id, domain=domain)
    return app
