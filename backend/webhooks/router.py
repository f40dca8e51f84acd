from fastapi import Request, status

from backend.core.db import SessionDep
from backend.core.deps import SettingsDep
from backend.core.errors import BadRequest, problem_responses
from backend.core.routing import make_router
from backend.webhooks import service
from backend.webhooks.errors import PayloadTooLarge
from backend.webhooks.events import NotJson, load_payload
from backend.webhooks.schemas import WebhookAnswer

# GitHub caps its own payloads at 25 MB, but a push's payload lists at most 20 commits
# (GitLab: 20, Gitea: 5 by default): real deliveries are kilobytes.
MAX_BODY = 5 * 1024 * 1024

router = make_router("webhooks", responses=problem_responses(401, 413))

_BODY = {"requestBody": {"required": True, "content": {
    "application/json": {"schema": {"type": "object"}},
    "application/x-www-form-urlencoded": {"schema": {
        "type": "object", "properties": {"payload": {"type": "string"}}}}}}}


async def read_bounded(request: Request, limit: int) -> bytes:
    length = request.headers.get("content-length", "")
    if length.isdigit() and int(length) > limit:
        raise PayloadTooLarge(f"Deliveries are limited to {limit // 1024 // 1024} MiB.")
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise PayloadTooLarge(f"Deliveries are limited to {limit // 1024 // 1024} MiB.")
    return bytes(body)


@router.post("/hooks/git/{repo_id}", name="git", response_model=WebhookAnswer,
             status_code=status.HTTP_202_ACCEPTED, openapi_extra=_BODY)
async def receive_git_webhook(request: Request, session: SessionDep, settings: SettingsDep,
                              repo_id: str) -> WebhookAnswer:
    """Receive a GitHub, Gitea or GitLab webhook delivery (no token: the signature is the auth).

    GitHub: `X-Hub-Signature-256` (HMAC-SHA256 of the raw body with the repository's
    webhook secret); Gitea: `X-Gitea-Signature` (hex HMAC-SHA256); GitLab:
    `X-Gitlab-Token` (the secret itself). A push to the repository's branch builds it
    (`build_on_push`), a new tag builds the tag once (`build_on_tag`); everything else is
    answered 202 with the reason nothing was built. A delivery id seen before builds
    nothing. The build runs in the background.
    """
    body = await read_bounded(request, MAX_BODY)
    repo, delivery = await service.authenticate(session, repo_id, body, request.headers)
    try:
        payload = load_payload(request.headers.get("content-type", ""), body)
    except NotJson as exc:
        raise BadRequest(str(exc)) from exc
    return await service.receive(session, settings, repo, delivery, payload, body)
