"""Every operation by every kind of caller: nothing leaks, nothing is allowed too widely.

Each case names the least privilege that may call it. For group resources a member
below it gets 403, a non-member (platform admins included) 404, a caller without a
valid token 401. The table must cover every operation in the OpenAPI document.
"""

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from sqlalchemy.ext.asyncio import AsyncConnection

from backend.core.config import BackendSettings
from backend.main import create_app
from tests.conftest import auth
from tests.factories import World, uniq

ACTORS = ["owner", "admin", "developer", "viewer", "other", "platform", "anonymous", "revoked"]
RANK = {"viewer": 0, "developer": 1, "admin": 2, "owner": 3}
# Operations any caller may use without a token; tested in their own modules.
# Join-token routes authenticate with the token instead (tests/backend/test_onboarding.py).
PUBLIC = {"auth:login", "auth:signup", "health:get", "hosts:register", "hosts:install_script",
          "hosts:agent_source",
          # Basic credentials, as Docker sends them (tests/backend/registry/).
          "registry:token",
          # The git host's signature is the auth (tests/backend/webhooks/).
          "webhooks:git"}


@dataclass
class Case:
    op: str
    method: str
    path: Callable[[World], str]
    need: str  # viewer/developer/admin/owner (group role), "any", "platform", "self"
    ok: int
    body: Callable[[World], Any] | None = None
    query: dict[str, str] | None = None
    # Platform admins set quotas per group: they see which groups have one, by design.
    platform_sees_groups: bool = False


_SSH_KEY = ("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHzGT2v3eFNSGwrKbYdxAE9WyWmvqBF31c9ZCqkXU"
            "P9O matrix")
G = lambda w: f"/groups/{w.group.id}"  # noqa: E731
A = lambda w: f"/apps/{w.app.id}"  # noqa: E731
N = lambda w: f"/namespaces/{w.namespace.name}"  # noqa: E731
R = lambda w: f"/repositories/{w.repository.id}"  # noqa: E731

CASES = [
    Case("users:me", "GET", lambda w: "/users/me", "any", 200),
    Case("users:list", "GET", lambda w: "/users", "platform", 200),
    Case("users:create", "POST", lambda w: "/users", "platform", 201,
         lambda w: {"username": uniq("new"), "password": "long-enough-1"}),
    Case("users:get", "GET", lambda w: f"/users/{w.users['viewer'].id}", "platform", 200),
    Case("users:update", "PATCH", lambda w: f"/users/{w.users['viewer'].id}", "platform", 200,
         lambda w: {"is_active": True}),
    Case("users:reset_password", "POST", lambda w: f"/users/{w.users['viewer'].id}/password",
         "platform", 200, lambda w: {"password": "long-enough-2"}),
    Case("auth:logout", "POST", lambda w: "/auth/logout", "any", 204),
    Case("tokens:create", "POST", lambda w: "/tokens", "any", 201, lambda w: {"name": "ci"}),
    Case("tokens:list", "GET", lambda w: "/tokens", "any", 200),
    Case("tokens:revoke", "DELETE", lambda w: "/tokens/{owner_token}", "self", 204),
    Case("groups:list", "GET", lambda w: "/groups", "any", 200),
    Case("groups:create", "POST", lambda w: "/groups", "any", 201, lambda w: {"name": uniq("g")}),
    Case("groups:get", "GET", G, "viewer", 200),
    Case("groups:update", "PATCH", G, "admin", 200, lambda w: {"description": "x"}),
    Case("groups:delete", "DELETE", G, "owner", 409),  # allowed, refused: it has apps
    Case("groups:transfer", "POST", lambda w: f"{G(w)}/transfer", "owner", 200,
         lambda w: {"user_id": str(w.users["admin"].id)}),
    Case("members:list", "GET", lambda w: f"{G(w)}/members", "viewer", 200),
    Case("members:add", "POST", lambda w: f"{G(w)}/members", "admin", 201,
         lambda w: {"username": w.free_user.username, "role": "viewer"}),
    Case("members:update", "PATCH", lambda w: f"{G(w)}/members/{w.spare.id}", "admin", 200,
         lambda w: {"role": "developer"}),
    Case("members:remove", "DELETE", lambda w: f"{G(w)}/members/{w.spare.id}", "admin", 204),
    Case("apps:list", "GET", lambda w: f"{G(w)}/apps", "viewer", 200),
    Case("apps:create", "POST", lambda w: f"{G(w)}/apps", "developer", 201,
         lambda w: {"name": uniq("a")}),
    Case("apps:get", "GET", A, "viewer", 200),
    Case("apps:update", "PATCH", A, "developer", 200, lambda w: {"description": "d"}),
    Case("apps:delete", "DELETE", A, "admin", 409),  # allowed, refused: it has containers
    Case("apps:domains", "GET", lambda w: f"{A(w)}/domains", "viewer", 200),
    # allowed, refused: the app has no such domain (tests/backend/test_domains.py goes on)
    Case("apps:set_certificate", "PUT",
         lambda w: f"{A(w)}/domains/none.example.test/certificate", "developer", 404,
         lambda w: {"certificate": "x", "private_key": "y"}),
    Case("apps:delete_certificate", "DELETE",
         lambda w: f"{A(w)}/domains/none.example.test/certificate", "developer", 404),
    Case("versions:list", "GET", lambda w: f"{A(w)}/versions", "viewer", 200),
    Case("versions:create", "POST", lambda w: f"{A(w)}/versions", "developer", 201,
         lambda w: {"image": "busybox:1", "memory_mb": 32}),
    Case("versions:get", "GET", lambda w: f"{A(w)}/versions/1", "viewer", 200),
    Case("clusters:list", "GET", lambda w: "/clusters", "any", 200),
    Case("clusters:create", "POST", lambda w: "/clusters", "admin", 201,
         lambda w: {"name": uniq("c"), "group_id": str(w.group.id)}),
    Case("clusters:create", "POST", lambda w: "/clusters", "platform", 201,
         lambda w: {"name": uniq("pub")}),
    Case("clusters:get", "GET", lambda w: f"/clusters/{w.cluster.id}", "viewer", 200),
    Case("clusters:get", "GET", lambda w: f"/clusters/{w.public.id}", "any", 200),
    Case("clusters:update", "PATCH", lambda w: f"/clusters/{w.cluster.id}", "admin", 200,
         lambda w: {"description": "d"}),
    Case("clusters:update", "PATCH", lambda w: f"/clusters/{w.public.id}", "platform", 200,
         lambda w: {"description": "d"}),
    Case("clusters:delete", "DELETE", lambda w: f"/clusters/{w.cluster.id}", "admin", 409),
    Case("clusters:delete", "DELETE", lambda w: f"/clusters/{w.public.id}", "platform", 204),
    Case("hosts:list", "GET", lambda w: f"/clusters/{w.cluster.id}/hosts", "viewer", 200),
    Case("hosts:create", "POST", lambda w: f"/clusters/{w.cluster.id}/hosts", "admin", 201,
         lambda w: {"name": uniq("h"), "address": "10.250.0.5",
                    "docker_endpoint": "tcp://10.250.0.5:2375"}),
    Case("hosts:get", "GET", lambda w: f"/hosts/{w.host.id}", "viewer", 200),
    Case("hosts:update", "PATCH", lambda w: f"/hosts/{w.host.id}", "admin", 200,
         lambda w: {"cordoned": True}),
    Case("hosts:delete", "DELETE", lambda w: f"/hosts/{w.host.id}", "admin", 409),  # it has one
    Case("hosts:cordon", "POST", lambda w: f"/hosts/{w.host.id}/cordon", "admin", 200),
    Case("hosts:uncordon", "POST", lambda w: f"/hosts/{w.host.id}/uncordon", "admin", 200),
    Case("hosts:drain", "POST", lambda w: f"/hosts/{w.host.id}/drain", "admin", 202),
    Case("hosts:create_join_token", "POST", lambda w: f"/clusters/{w.cluster.id}/join-tokens",
         "admin", 201, lambda w: {"max_uses": 2}),
    Case("hosts:create_join_token", "POST", lambda w: f"/clusters/{w.public.id}/join-tokens",
         "platform", 201, lambda w: {}),
    Case("deployments:deploy", "POST", lambda w: f"{A(w)}/deploy", "developer", 202,
         lambda w: {"version": 1, "cluster_id": str(w.cluster.id), "replicas": 1}),
    Case("deployments:scale", "POST", lambda w: f"{A(w)}/scale", "developer", 202,
         lambda w: {"cluster_id": str(w.cluster.id), "replicas": 0}),
    # Allowed, then refused: the world's host reports no memory, so nothing fits.
    Case("deployments:add_container", "POST", lambda w: f"{A(w)}/containers", "developer", 409,
         lambda w: {"cluster_id": str(w.cluster.id), "version": 1}),
    Case("deployments:upgrade", "POST", lambda w: f"{A(w)}/upgrade", "developer", 202,
         lambda w: {"version": 1}),
    Case("deployments:rollback", "POST", lambda w: f"{A(w)}/rollback", "developer", 202,
         lambda w: {"version": 1}),
    Case("deployments:topology", "GET", lambda w: f"{A(w)}/topology", "viewer", 200),
    Case("containers:list", "GET", lambda w: f"{A(w)}/containers", "viewer", 200),
    Case("containers:get", "GET", lambda w: f"/containers/{w.container.id}", "viewer", 200),
    Case("containers:start", "POST", lambda w: f"/containers/{w.container.id}/start",
         "developer", 202),
    Case("containers:stop", "POST", lambda w: f"/containers/{w.container.id}/stop",
         "developer", 202),
    Case("containers:restart", "POST", lambda w: f"/containers/{w.container.id}/restart",
         "developer", 202),
    Case("containers:remove", "DELETE", lambda w: f"/containers/{w.container.id}",
         "developer", 202),
    # Allowed, then refused: the container has not started on a host.
    Case("containers:logs", "GET", lambda w: f"/containers/{w.container.id}/logs", "viewer", 409),
    Case("events:list", "GET", lambda w: "/events", "any", 200),
    Case("events:list", "GET", lambda w: "/events", "viewer", 200,
         query={"group_id": "{group}"}),  # another group's events: 404, not an empty list
    Case("quotas:list_for_cluster", "GET", lambda w: f"/clusters/{w.public.id}/quotas",
         "platform", 200, platform_sees_groups=True),
    Case("quotas:set", "PUT", lambda w: f"/clusters/{w.public.id}/quotas/{w.group.id}",
         "platform", 200, lambda w: {"memory_mb": 2048, "containers": 20}),
    Case("quotas:get", "GET", lambda w: f"/clusters/{w.public.id}/quotas/{w.group.id}",
         "platform", 200),
    Case("quotas:delete", "DELETE", lambda w: f"/clusters/{w.public.id}/quotas/{w.group.id}",
         "platform", 204),
    Case("quotas:list_for_group", "GET", lambda w: f"{G(w)}/quotas", "viewer", 200),
    Case("jobs:get", "GET", lambda w: f"/jobs/{w.job.id}", "viewer", 200),
    Case("keys:list", "GET", lambda w: "/users/me/keys", "any", 200),
    Case("keys:create", "POST", lambda w: "/users/me/keys", "any", 201,
         lambda w: {"name": "laptop", "public_key": _SSH_KEY}),
    Case("keys:delete", "DELETE", lambda w: "/users/me/keys/{owner_key}", "self", 204),
    Case("terminal:info", "GET", lambda w: "/terminal", "any", 200),
    Case("namespaces:list", "GET", lambda w: "/namespaces", "any", 200),
    Case("namespaces:create", "POST", lambda w: "/namespaces", "admin", 201,
         lambda w: {"name": uniq("ns"), "group_id": str(w.group.id)}),
    Case("namespaces:get", "GET", N, "viewer", 200),
    Case("namespaces:update", "PATCH", N, "admin", 200, lambda w: {"public": False}),
    Case("namespaces:delete", "DELETE", N, "admin", 409),  # allowed, refused: a repository
    Case("namespaces:list_members", "GET", lambda w: f"{N(w)}/members", "viewer", 200),
    Case("namespaces:add_member", "POST", lambda w: f"{N(w)}/members", "admin", 201,
         lambda w: {"username": w.spare.username, "access": "push"}),
    Case("namespaces:update_member", "PATCH", lambda w: f"{N(w)}/members/{w.free_user.id}",
         "admin", 200, lambda w: {"access": "push"}),
    Case("namespaces:remove_member", "DELETE", lambda w: f"{N(w)}/members/{w.free_user.id}",
         "admin", 204),
    Case("base_images:list", "GET", lambda w: "/base-images", "any", 200),
    # Allowed, then refused: the registry has no such tag.
    Case("base_images:create", "POST", lambda w: f"{N(w)}/base-images", "developer", 422,
         lambda w: {"image": f"{w.namespace.name}/none:1", "name": "none"}),
    Case("base_images:delete", "DELETE", lambda w: f"{N(w)}/base-images/{w.base_image.id}",
         "developer", 204),
    Case("repositories:list", "GET", lambda w: f"{N(w)}/repositories", "viewer", 200),
    # An address literal: the host check needs no DNS (a platform image needs no registry).
    Case("repositories:create", "POST", lambda w: f"{N(w)}/repositories", "developer", 201,
         lambda w: {"name": uniq("r"), "git_url": "https://1.1.1.1/team/app.git",
                    "base_image": f"{BackendSettings().registry_address}/library/busybox:1.35"}),
    Case("repositories:get", "GET", R, "viewer", 200),
    Case("repositories:update", "PATCH", R, "developer", 200,
         lambda w: {"build_on_push": False}),
    Case("repositories:regenerate_deploy_key", "POST", lambda w: f"{R(w)}/deploy-key",
         "developer", 200),
    Case("repositories:rotate_webhook_secret", "POST", lambda w: f"{R(w)}/webhook-secret",
         "developer", 200),
    Case("repositories:delete", "DELETE", R, "admin", 409),  # allowed, refused: a queued build
    Case("builds:create", "POST", lambda w: f"{R(w)}/builds", "developer", 201, lambda w: {}),
    Case("builds:list", "GET", lambda w: f"{R(w)}/builds", "viewer", 200),
    Case("builds:get", "GET", lambda w: f"/builds/{w.build.id}", "viewer", 200),
    Case("builds:cancel", "POST", lambda w: f"/builds/{w.build.id}/cancel", "developer", 200),
    Case("builds:list_tags", "GET", lambda w: f"{R(w)}/tags", "viewer", 200),
    Case("builds:log", "GET", lambda w: f"/builds/{w.build.id}/log", "viewer", 200),
]


def expected(case: Case, actor: str) -> int:
    if actor in ("anonymous", "revoked"):
        return 401
    if case.need == "any":
        return case.ok
    if case.need == "platform":
        return case.ok if actor == "platform" else 403
    if case.need == "self":
        return case.ok if actor == "owner" else 404
    if actor not in RANK:  # other, platform: not members of the group
        return 404
    return case.ok if RANK[actor] >= RANK[case.need] else 403


def test_every_operation_is_in_the_matrix() -> None:
    spec = create_app(lifespan=False).openapi()
    ops = {o["operationId"] for p in spec["paths"].values() for o in p.values()}
    covered = {c.op for c in CASES} | PUBLIC
    assert ops - covered == set(), "operations missing from the permission matrix"
    assert covered - ops == set(), "matrix names operations that do not exist"


async def _owner_token_id(client: Any, world: World) -> str:
    r = await client.get("/tokens", headers=auth(world.tokens["owner"]))
    return str(r.json()["items"][0]["id"])


async def _owner_key_id(client: Any, world: World) -> str:
    other = _SSH_KEY.replace("IHzGT2v3", "IHzGT2v4")
    r = await client.post("/users/me/keys", headers=auth(world.tokens["owner"]),
                          json={"name": "owner", "public_key": other})
    assert r.status_code == 201, r.text
    return str(r.json()["id"])


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c.op}-{c.need}")
async def test_permission_matrix(case: Case, client: Any, world: World,
                                 connection: AsyncConnection) -> None:
    path = case.path(world)
    if "{owner_token}" in path:
        path = path.replace("{owner_token}", await _owner_token_id(client, world))
    if "{owner_key}" in path:
        path = path.replace("{owner_key}", await _owner_key_id(client, world))
    query = {k: v.replace("{group}", str(world.group.id)) for k, v in (case.query or {}).items()}
    secrets = [str(world.group.id), str(world.app.id), str(world.cluster.id), world.group.name,
               world.namespace.name]
    failures = []
    for actor in ACTORS:
        headers = {} if actor == "anonymous" else auth(world.tokens[actor])
        nested = await connection.begin_nested()  # each call sees the untouched world
        try:
            body = case.body(world) if case.body else None
            r = await client.request(case.method, path, json=body, params=query, headers=headers)
        finally:
            await nested.rollback()
        want = expected(case, actor)
        if r.status_code != want:
            failures.append(f"{actor}: {r.status_code} (want {want}) {r.text[:200]}")
        if r.status_code >= 400:
            assert r.headers["content-type"].startswith("application/problem+json"), r.text
        member = actor in RANK
        exempt = actor == "platform" and case.platform_sees_groups
        if not member and not exempt and 200 <= r.status_code < 300 and r.content:
            text = json.dumps(r.json())
            leaked = [s for s in secrets if s in text and s not in path
                      and s not in json.dumps(query) and s not in json.dumps(body)]
            assert not leaked, f"{actor} sees {leaked} through {case.op}"
    assert not failures, "\n".join(failures)
