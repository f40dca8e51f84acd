import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import and_, bindparam, delete, exists, func, select
from sqlalchemy.dialects.postgresql import aggregate_order_by
from sqlalchemy.ext.asyncio import AsyncSession

from backend.apps.errors import AppHasContainers, AppNameTaken, DomainTaken
from backend.apps.schemas import AppRead
from backend.core import events
from backend.core.access import load_scoped
from backend.core.errors import Forbidden, NotFound
from backend.core.pagination import PageParams, paginate
from backend.deployments import rules
from backend.groups.service import get_group
from backend.models import App, AppDomain, Container, Deployment, Member, Role, User, Version


async def get_app(session: AsyncSession, user: User, app_id: uuid.UUID,
                  need: Role = Role.viewer, *, for_update: bool = False) -> App:
    stmt = select(App).where(App.id == app_id)
    if for_update:
        stmt = stmt.with_for_update(of=App)
    app, _ = await load_scoped(session, stmt, App.group_id, user, need, "app")
    return app


def _summary() -> tuple[Any, Any]:
    """Domains and latest version as correlated subqueries: one round trip per read."""
    domains = (select(func.array_agg(aggregate_order_by(AppDomain.domain, AppDomain.domain)))
               .where(AppDomain.app_id == App.id).scalar_subquery())
    latest = select(func.max(Version.number)).where(Version.app_id == App.id).scalar_subquery()
    return domains, latest


def _read(app: App, domains: list[str] | None, latest: int | None) -> AppRead:
    return AppRead(id=app.id, group_id=app.group_id, name=app.name,
                   description=app.description, domains=domains or [],
                   config_revision=app.config_revision, latest_version=latest,
                   auto_version=app.auto_version,
                   created_at=app.created_at, updated_at=app.updated_at)


# The hottest read, built once with parameters (see backend/core/auth.py for why).
_GET_APP = (select(App, *_summary(), Member.role)
            .join(Member, and_(Member.group_id == App.group_id,
                               Member.user_id == bindparam("user_id")))
            .where(App.id == bindparam("app_id")))


async def get_app_read(session: AsyncSession, user: User, app_id: uuid.UUID) -> AppRead:
    row = (await session.execute(_GET_APP, {"user_id": user.id, "app_id": app_id})).first()
    if row is None:
        raise NotFound("No app with that id.")
    return _read(row[0], row[1], row[2])


async def list_app_reads(session: AsyncSession, user: User, group_id: uuid.UUID,
                         params: PageParams) -> tuple[list[AppRead], str | None]:
    await get_group(session, user, group_id)
    rows, cursor = await paginate(session, select(App, *_summary())
                                  .where(App.group_id == group_id), [App.name], params)
    return [_read(*row) for row in rows], cursor


async def _set_domains(session: AsyncSession, user: User, app: App, domains: list[str]
                       ) -> None:
    wildcards = sorted(d for d in domains if d.startswith("*."))
    if wildcards and not user.is_admin:
        raise Forbidden(f"Only platform admins may route wildcard domains: {', '.join(wildcards)}.")
    taken = (await session.execute(select(AppDomain.domain).where(
        AppDomain.domain.in_(domains), AppDomain.app_id != app.id))).scalars().all()
    if taken:
        raise DomainTaken(f"Already routed to another app: {', '.join(sorted(taken))}.")
    await session.execute(delete(AppDomain).where(AppDomain.app_id == app.id))
    session.add_all([AppDomain(domain=d, app_id=app.id) for d in domains])


async def create_app(session: AsyncSession, user: User, group_id: uuid.UUID, name: str,
                     description: str, domains: list[str]) -> App:
    await get_group(session, user, group_id, Role.developer)
    if await session.scalar(select(App.id).where(App.group_id == group_id, App.name == name)):
        raise AppNameTaken(f"This group has an app named {name!r} already.")
    app = App(group_id=group_id, name=name, description=description)
    session.add(app)
    await session.flush()
    await _set_domains(session, user, app, domains)
    events.record(session, user, "app.create", "app", app.id, group_id=group_id, name=name,
                  domains=domains)
    return app


async def update_app(session: AsyncSession, user: User, app_id: uuid.UUID,
                     description: str | None, domains: list[str] | None) -> App:
    app = await get_app(session, user, app_id, Role.developer, for_update=True)
    if description is not None:
        app.description = description
    if domains is not None:
        await _set_domains(session, user, app, domains)
    app.updated_at = datetime.now(UTC)
    events.record(session, user, "app.update", "app", app.id, group_id=app.group_id,
                  description=description is not None, domains=domains)
    return app


async def delete_app(session: AsyncSession, user: User, app_id: uuid.UUID) -> None:
    app = await get_app(session, user, app_id, Role.admin, for_update=True)
    if await session.scalar(select(exists().where(
            Container.app_id == app.id, Container.desired_state.in_(("running", "stopped"))))):
        raise AppHasContainers("Scale the app to zero in every cluster first.")
    events.record(session, user, "app.delete", "app", app.id, group_id=app.group_id,
                  name=app.name)
    # Removed containers and deployments are history of this app only: they go with it.
    await session.execute(delete(Container).where(Container.app_id == app.id))
    await session.execute(delete(Deployment).where(Deployment.app_id == app.id))
    await session.execute(delete(Version).where(Version.app_id == app.id))
    await session.delete(app)


async def domain_names(session: AsyncSession, app_id: uuid.UUID) -> list[str]:
    return list((await session.execute(select(AppDomain.domain).where(
        AppDomain.app_id == app_id).order_by(AppDomain.domain))).scalars())


async def domain_owner(session: AsyncSession, domain: str) -> uuid.UUID | None:
    return await session.scalar(select(AppDomain.app_id).where(AppDomain.domain == domain))


async def container_counts(session: AsyncSession, app_id: uuid.UUID) -> tuple[int, int]:
    """(live containers, those serving with an address): what the edge routes to."""
    rows = (await session.execute(select(Container, Version).join(
        Version, Version.id == Container.version_id).where(
        Container.app_id == app_id, Container.desired_state.in_(rules.LIVE)))).all()
    serving = sum(1 for c, v in rows
                  if rules.serving(c.desired_state, c.state, c.health, bool(v.health_check))
                  and rules.upstream(c.ports or {}, v.ports))
    return len(rows), serving
