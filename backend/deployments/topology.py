"""App → clusters → versions → containers, with live state and hosts."""

import uuid
from collections import defaultdict

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from backend.apps.service import get_app
from backend.deployments import rules
from backend.deployments.schemas import (
    Topology,
    TopologyCluster,
    TopologyContainer,
    TopologyVersion,
)
from backend.models import AppDomain, Cluster, Container, Deployment, Host, User, Version


async def topology(session: AsyncSession, user: User, app_id: uuid.UUID) -> Topology:
    app = await get_app(session, user, app_id)
    domains = (await session.execute(select(AppDomain.domain).where(
        AppDomain.app_id == app.id).order_by(AppDomain.domain))).scalars().all()
    deployments = {d.cluster_id: d for d in (await session.execute(select(Deployment).where(
        Deployment.app_id == app.id))).scalars()}
    rows = (await session.execute(
        select(Container, Version, Host.name).join(Version, Version.id == Container.version_id)
        .outerjoin(Host, Host.id == Container.host_id)
        .where(Container.app_id == app.id, Container.desired_state.in_(rules.LIVE))
        .order_by(Container.created_at, Container.id))).all()
    tree: dict[uuid.UUID, dict[int, list[TopologyContainer]]] = defaultdict(
        lambda: defaultdict(list))
    images: dict[int, str] = {}
    for container, version, host_name in rows:
        images[version.number] = version.image
        tree[container.cluster_id][version.number].append(TopologyContainer(
            id=container.id, name=container.name, host_id=container.host_id,
            host_name=host_name, desired_state=container.desired_state,
            last_error=container.last_error, state=container.state, health=container.health,
            serving=rules.serving(container.desired_state, container.state, container.health,
                                  bool(version.health_check)), ports=container.ports or {}))
    cluster_ids = set(deployments) | set(tree)
    clusters = {c.id: c for c in (await session.execute(select(Cluster).where(
        Cluster.id.in_(cluster_ids)))).scalars()}
    wanted = {d.version_id for d in deployments.values()}
    numbers: dict[uuid.UUID, int] = dict((await session.execute(
        select(Version.id, Version.number).where(Version.id.in_(wanted)))).all())
    out = []
    for cid in sorted(cluster_ids, key=lambda i: clusters[i].name):
        d = deployments.get(cid)
        out.append(TopologyCluster(
            id=cid, name=clusters[cid].name,
            desired_version=numbers.get(d.version_id) if d else None,
            replicas=d.replicas if d else 0,
            versions=[TopologyVersion(number=n, image=images[n], containers=cs)
                      for n, cs in sorted(tree[cid].items(), reverse=True)]))
    return Topology(app_id=app.id, name=app.name, domains=list(domains), clusters=out)
