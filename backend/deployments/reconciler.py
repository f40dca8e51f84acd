"""The one place where desired state (PostgreSQL) and actual state meet.

Every few seconds, and in one transaction per pass:
1. containers on hosts NotReady past the grace period are given up (rescheduled);
2. each deployment gets containers started or removed until its replica count holds
   (this also restarts the work of a worker that died mid-deploy);
3. containers that should run but do not (a create that died half-way) are driven again;
4. containers that should be gone but still run (a host came back) are removed;
then every app's route is written from the containers that serve.
"""

import asyncio
import contextlib
import logging
import time
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import String, and_, cast, exists, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlmodel import col

from backend.containers import queue
from backend.core import events
from backend.core.config import BackendSettings
from backend.core.jobs import JobSender
from backend.deployments import edge_events, rules
from backend.deployments.routes import sweep_routes, write_routes
from backend.deployments.service import Capacity, converge
from backend.hosts.drain import DRAIN_JOB
from backend.models import App, Cluster, Container, Deployment, Host, HostStatus, Job, JobState
from livestate.keys import DEFAULT
from livestate.store import EtcdError, EtcdStore

log = logging.getLogger(__name__)
ACTIVE = (JobState.queued, JobState.running)
MIN_GAP_S = 0.25
# Routes this worker wrote for apps deleted since (etcd away at the delete) go this often.
ROUTE_SWEEP_S = 60.0


def _active_targets(kind: str) -> Any:
    """The target ids (as text) of the queued or running jobs of one kind."""
    return select(Job.target_id).where(Job.kind == kind, Job.state.in_(ACTIVE))


def _active_job(container_id: Any, stuck_after: timedelta) -> Any:
    """A job queued or started recently already aims at this container.

    Older ones count as lost (their worker died, or their message never left): the
    container is driven again by a new job, which is safe as every action is idempotent.
    """
    recent = datetime.now(UTC) - stuck_after
    return exists().where(Job.target_id == cast(container_id, String), or_(
        and_(Job.state == JobState.queued, Job.created_at > recent),
        and_(Job.state == JobState.running, col(Job.started_at) > recent)))


class Reconciler:
    def __init__(self, maker: async_sessionmaker[AsyncSession], etcd: EtcdStore,
                 sender: JobSender, settings: BackendSettings):
        self.maker, self.etcd, self.sender, self.settings = maker, etcd, sender, settings
        self.routes: dict[uuid.UUID, bytes] = {}
        self.shortfalls: dict[uuid.UUID, str] = {}
        self.wake = asyncio.Event()
        self.swept_at = -ROUTE_SWEEP_S  # the first pass sweeps
        self.edge_rejected: dict[str, str] = {}  # lbgen instance -> refusal recorded

    async def run(self) -> None:
        while True:
            try:
                await self.once()
            except Exception:  # log and continue: the next pass starts from scratch
                log.exception("reconcile pass failed")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.wake.wait(), self.settings.reconcile_interval_s)
            # Woken by live-state changes, but at most every MIN_GAP_S: a burst of health
            # reports must not turn into back-to-back passes.
            await asyncio.sleep(MIN_GAP_S)
            self.wake.clear()

    async def once(self) -> None:
        # One short transaction per step (and per deployment), never holding container
        # rows while waiting for a cluster lock: the API takes cluster, then containers.
        for step in (self.give_up_lost_hosts, self.redrive, self.remove_orphans,
                     self.edge_events):
            async with self.maker() as session:
                await step(session)
                await session.commit()
                await self.sender.flush_after_commit(session)
        await self.close_gaps()
        async with self.maker() as session:
            app_ids = (await session.execute(select(Deployment.app_id).distinct())).scalars()
            for app_id in app_ids:
                await write_routes(session, self.etcd, app_id, self.routes,
                                   cert_dir=self.settings.edge_cert_dir)
            if time.monotonic() - self.swept_at > ROUTE_SWEEP_S:
                if removed := await sweep_routes(session, self.etcd, self.routes):
                    log.info("removed %d route(s) of deleted apps", removed)
                self.swept_at = time.monotonic()

    async def edge_events(self, session: AsyncSession) -> None:
        """An lbgen whose newest config nginx refused is an event (its recovery too)."""
        try:
            items, _ = await self.etcd.get_prefix(DEFAULT.lb_status)
        except (EtcdError, OSError, TimeoutError) as exc:
            log.warning("lb status not read: %s", exc)
            return
        statuses = edge_events.parse_statuses([(kv.key, kv.value) for kv in items])
        for instance, action, detail in edge_events.transitions(self.edge_rejected, statuses):
            events.record(session, None, action, "edge", instance,
                          outcome="failure" if action == edge_events.REJECTED else "success",
                          **detail)

    async def give_up_lost_hosts(self, session: AsyncSession) -> None:
        cutoff = datetime.now(UTC) - timedelta(seconds=self.settings.host_grace_s)
        lost = select(Host.id).where(Host.status == HostStatus.not_ready, or_(
            col(Host.last_seen_at) < cutoff,
            and_(col(Host.last_seen_at).is_(None), Host.created_at < cutoff)))
        stranded = (await session.execute(select(Container).where(
            Container.host_id.in_(lost), Container.desired_state.in_(rules.LIVE)))).scalars()
        for container in stranded:
            container.desired_state, container.state = "removed", "lost"
            container.updated_at = datetime.now(UTC)
            app = await session.get(App, container.app_id)
            events.record(session, None, "container.reschedule", "app", container.app_id,
                          group_id=app.group_id if app else None, container=str(container.id),
                          host=str(container.host_id), reason="host not ready")

    async def close_gaps(self) -> None:
        upgrading = _active_targets("deployments.upgrade")
        # A drain runs old and new side by side for a moment: leave its apps alone.
        draining = _active_targets(DRAIN_JOB)
        drained_apps = select(Container.app_id).where(
            cast(Container.host_id, String).in_(draining),
            Container.desired_state.in_(rules.LIVE))
        async with self.maker() as session:
            ids = (await session.execute(select(Deployment.id).where(
                cast(Deployment.app_id, String).not_in(upgrading),
                Deployment.app_id.not_in(drained_apps)))).scalars().all()
        for deployment_id in ids:
            async with self.maker() as session:
                await self._close_gap(session, deployment_id)
                await session.commit()
                await self.sender.flush_after_commit(session)

    async def _close_gap(self, session: AsyncSession, deployment_id: uuid.UUID) -> None:
        """Same lock order as the API: cluster, then deployment, then containers."""
        deployment = await session.get(Deployment, deployment_id)
        if deployment is None:
            return
        cluster = (await session.execute(select(Cluster).where(
            Cluster.id == deployment.cluster_id).with_for_update())).scalar_one()
        await session.refresh(deployment, with_for_update=True)
        app = await session.get(App, deployment.app_id)
        assert app is not None
        try:
            async with session.begin_nested():
                await converge(session, self.settings, None, app, cluster, deployment)
            self.shortfalls.pop(deployment.id, None)
        except Capacity as exc:
            if self.shortfalls.get(deployment.id) != str(exc):  # say it once, not each pass
                self.shortfalls[deployment.id] = str(exc)
                events.record(session, None, "app.reconcile", "app", app.id,
                              group_id=app.group_id, outcome="failure", reason=str(exc))

    async def redrive(self, session: AsyncSession) -> None:
        stuck_after = timedelta(seconds=self.settings.stuck_job_s)
        cutoff = datetime.now(UTC) - stuck_after / 3
        # Not running although it should, unchanged for a while, and nobody on it: a
        # create that died half-way (even with the Docker container made but not
        # started) or a container stopped behind our back. create_and_start fixes both.
        changed = func.coalesce(Container.updated_at, Container.created_at)
        stuck = (await session.execute(select(Container).where(
            Container.desired_state == "running", Container.state != "running",
            changed < cutoff, ~_active_job(Container.id, stuck_after)))
        ).scalars().all()
        for container in stuck:
            queue.schedule(session, "create", container, group_id=None, actor=None)

    async def remove_orphans(self, session: AsyncSession) -> None:
        ready = select(Host.id).where(Host.status == HostStatus.ready)
        # An upgrade or a host drain removes its old containers itself, after taking them
        # out of the route and a grace: a remove job of ours would race it to the stop.
        busy_apps, busy_hosts = _active_targets("deployments.upgrade"), _active_targets(DRAIN_JOB)
        orphans = (await session.execute(select(Container).where(
            Container.desired_state == "removed", Container.state.not_in(("removed", "failed")),
            Container.host_id.in_(ready),
            cast(Container.app_id, String).not_in(busy_apps),
            cast(Container.host_id, String).not_in(busy_hosts),
            ~_active_job(Container.id, timedelta(seconds=self.settings.stuck_job_s))))
        ).scalars().all()
        for container in orphans:
            queue.schedule(session, "remove", container, group_id=None, actor=None)
