"""Receive a git host's delivery: authenticate it, decide, queue at most one build.

The build itself runs in the background: `queue_build` enqueues after the request's
commit, so the git host gets its answer in milliseconds.
"""

import hashlib
import uuid
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from backend.builds.errors import AlreadyBuilt
from backend.builds.service import queue_build
from backend.core import events
from backend.core.config import BackendSettings
from backend.core.errors import BadRequest, Unprocessable
from backend.models import Build, ImageRepository, RegistryNamespace, WebhookDelivery
from backend.webhooks import dedupe, signatures
from backend.webhooks.errors import WebhookRefused
from backend.webhooks.events import (
    BuildRef,
    Delivery,
    Ignore,
    Malformed,
    Rules,
    decide,
    identify,
    valid_delivery_id,
)
from backend.webhooks.schemas import WebhookAnswer
from backend.webhooks.schemas import WebhookResult as R

ACTION = "repository.webhook"


async def authenticate(session: AsyncSession, repo_id: str, body: bytes,
                       headers: Mapping[str, str]) -> tuple[ImageRepository, Delivery]:
    """The repository whose secret signed this body; WebhookRefused otherwise."""
    delivery = identify(headers)
    repo = await _repository(session, repo_id)
    if repo is None:
        signatures.burn_time(body)
        raise WebhookRefused
    if delivery is None or not signatures.verify(delivery.provider, repo.webhook_secret, body,
                                                 headers):
        raise WebhookRefused
    if not valid_delivery_id(delivery.delivery_id):
        raise BadRequest("The delivery id header must be 1 to 255 printable characters.")
    return repo, delivery


async def _repository(session: AsyncSession, repo_id: str) -> ImageRepository | None:
    try:
        rid = uuid.UUID(repo_id)
    except ValueError:
        return None
    return await session.get(ImageRepository, rid)


async def receive(session: AsyncSession, settings: BackendSettings, repo: ImageRepository,
                  delivery: Delivery, payload: Any, body: bytes) -> WebhookAnswer:
    group_id = await _lock(session, repo)
    digest = hashlib.sha256(body).hexdigest()
    answer = await _answer(session, settings, repo, delivery, payload, digest)
    if answer.result is not R.seen:
        session.add(WebhookDelivery(repository_id=repo.id, delivery_id=delivery.delivery_id,
                                    body_sha256=digest, result=answer.result.value,
                                    build_id=answer.build_id))
    # The answer without secrets: the repository's secret never enters an event.
    events.record(session, None, ACTION, "repository", repo.id, group_id=group_id,
                  outcome="success" if answer.result is R.queued else "ignored",
                  provider=delivery.provider.value, event=delivery.event[:64],
                  **answer.model_dump(mode="json"))
    return answer


async def _lock(session: AsyncSession, repo: ImageRepository) -> uuid.UUID:
    """Deliveries of one repository one at a time, so the checks below see each other.

    GitHub sends a tag's `push` and `create` at the same moment; without the lock both
    could find no build of the tag and both queue one.
    """
    stmt = (select(RegistryNamespace.group_id)
            .join(ImageRepository, ImageRepository.namespace_id == RegistryNamespace.id)
            .where(ImageRepository.id == repo.id).with_for_update(of=ImageRepository))
    return (await session.execute(stmt)).scalar_one()


async def _answer(session: AsyncSession, settings: BackendSettings, repo: ImageRepository,
                  delivery: Delivery, payload: Any, digest: str) -> WebhookAnswer:
    did = delivery.delivery_id
    if (seen := await _seen(session, repo.id, did, digest)) is not None:
        return seen
    try:
        decision = decide(delivery, payload, Rules(branch=repo.branch,
                                                   build_on_push=repo.build_on_push,
                                                   build_on_tag=repo.build_on_tag))
    except Malformed as exc:
        raise Unprocessable(str(exc)) from exc
    if isinstance(decision, Ignore):
        return WebhookAnswer(result=R.ignored, reason=decision.reason, delivery_id=did)
    if decision.ref_type == "tag" and (prior := await _tag_built(session, repo.id,
                                                                 decision.ref)):
        return WebhookAnswer(result=R.duplicate, build_id=prior.id, delivery_id=did,
                             reason=f"Tag '{decision.ref}' was queued moments ago by the "
                                    "other event of the same push; it builds once.")
    return await _queue(session, settings, repo, decision, did)


async def _queue(session: AsyncSession, settings: BackendSettings, repo: ImageRepository,
                 want: BuildRef, did: str | None) -> WebhookAnswer:
    try:
        build = await queue_build(session, settings, repo, ref=want.ref,
                                  ref_type=want.ref_type, trigger=want.trigger,
                                  commit=want.commit, delivery_id=did)
    except AlreadyBuilt as exc:
        return WebhookAnswer(result=R.duplicate, reason=exc.detail or exc.title,
                             build_id=exc.build_id, delivery_id=did)
    at = f" at {want.commit[:7]}" if want.commit else ""
    return WebhookAnswer(result=R.queued, build_id=build.id, delivery_id=did,
                         reason=f"Build of {want.ref_type} '{want.ref}'{at} queued.")


async def _seen(session: AsyncSession, repo_id: uuid.UUID, did: str | None, digest: str
                ) -> WebhookAnswer | None:
    """A delivery answered before, known by its exact body or by its delivery id."""
    same = [WebhookDelivery.body_sha256 == digest]
    if did is not None:
        same.append(WebhookDelivery.delivery_id == did)
    prior = (await session.execute(
        select(WebhookDelivery).where(WebhookDelivery.repository_id == repo_id, or_(*same))
        .limit(1))).scalar_one_or_none()
    if prior is None:
        return None
    if did is not None and prior.delivery_id == did:
        reason = f"Delivery {did} was handled before; nothing new is built."
    else:
        reason = ("This exact body was delivered before under another delivery id "
                  "(a replay?); nothing new is built.")
    return WebhookAnswer(result=R.seen, build_id=prior.build_id, delivery_id=did,
                         reason=reason)


async def _tag_built(session: AsyncSession, repo_id: uuid.UUID, tag: str
                     ) -> dedupe.PriorBuild | None:
    now = datetime.now(UTC)
    rows = (await session.execute(
        select(Build.id, Build.created_at).where(
            Build.repository_id == repo_id, Build.ref_type == "tag", Build.ref == tag,
            Build.created_at > now - dedupe.TAG_WINDOW)
    )).all()
    return dedupe.duplicate_of([dedupe.PriorBuild(id=i, created_at=c) for i, c in rows], now)
