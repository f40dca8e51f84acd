"""etcd users and roles: who may write which keys.

- `root`: user management only (its password lives in the data directory, mode 600).
- `dockyard`: the control plane, read-write on the whole prefix.
- `lbgen`: reads the routes, writes its own status.
- `host-<id>`: one per registered host, read-write on exactly its host key and its
  containers' prefix. A host holding its credential can touch nothing else.
"""

import secrets
from dataclasses import dataclass
from enum import IntEnum

from aetcd import rpc

from livestate.keys import Layout
from livestate.store import EtcdError, EtcdStore


class Perm(IntEnum):  # etcd's authpb.Permission.Type
    READ = 0
    WRITE = 1
    READWRITE = 2


@dataclass(frozen=True)
class Grant:
    key: str
    perm: Perm
    prefix: bool = False

    @property
    def range_end(self) -> bytes:
        """etcd's range end for a prefix: the key with its last byte incremented."""
        if not self.prefix:
            return b""
        raw = self.key.encode()
        return raw[:-1] + bytes([raw[-1] + 1])


ROOT = "root"
CONTROL_PLANE = "dockyard"
LBGEN = "lbgen"


def host_user(host_id: object) -> str:
    return f"host-{host_id}"


def host_grants(layout: Layout, host_id: object) -> list[Grant]:
    return [Grant(layout.host(str(host_id)), Perm.READWRITE),
            Grant(layout.host_containers(str(host_id)), Perm.READWRITE, prefix=True)]


def control_plane_grants(layout: Layout) -> list[Grant]:
    return [Grant(layout.root, Perm.READWRITE, prefix=True)]


def lbgen_grants(layout: Layout) -> list[Grant]:
    return [Grant(layout.routes, Perm.READ, prefix=True),
            Grant(layout.lb_status, Perm.READWRITE, prefix=True)]


def new_password() -> str:
    return secrets.token_urlsafe(24)


class EtcdUsers:
    """User management over a store logged in as root (or on an etcd without auth)."""

    def __init__(self, store: EtcdStore):
        self.store = store

    async def _auth(self, method: str, request: object) -> object:
        async def run(client: object) -> object:
            stub = rpc.AuthStub(client.channel)  # type: ignore[attr-defined]
            return await getattr(stub, method)(
                request, timeout=self.store.timeout,
                metadata=client.metadata)  # type: ignore[attr-defined]
        try:
            return await self.store.call(run)
        except EtcdError:
            raise
        except Exception as exc:  # grpc's own errors: give them our one error type
            raise EtcdError(str(exc)) from exc

    async def users(self) -> set[str]:
        reply = await self._auth("UserList", rpc.AuthUserListRequest())
        return set(reply.users)  # type: ignore[attr-defined]

    async def ensure_user(self, name: str, password: str, grants: list[Grant]) -> None:
        """Create (or reset) user `name` with a role of the same name holding `grants`."""
        if name in await self.users():
            await self._auth("UserChangePassword", rpc.AuthUserChangePasswordRequest(
                name=name, password=password))
        else:
            await self._auth("UserAdd", rpc.AuthUserAddRequest(name=name, password=password))
        await self.ensure_role(name, grants)
        await self._auth("UserGrantRole", rpc.AuthUserGrantRoleRequest(user=name, role=name))

    async def ensure_role(self, name: str, grants: list[Grant]) -> None:
        try:
            await self._auth("RoleAdd", rpc.AuthRoleAddRequest(name=name))
        except EtcdError as exc:
            if "role name already exists" not in str(exc):
                raise
        for grant in grants:
            permission = rpc.Permission(permType=int(grant.perm), key=grant.key.encode(),
                                        range_end=grant.range_end)
            await self._auth("RoleGrantPermission", rpc.AuthRoleGrantPermissionRequest(
                name=name, perm=permission))

    async def delete_user(self, name: str) -> None:
        """Remove the user and its role; a user already gone is fine (idempotent)."""
        for method, request in (("UserDelete", rpc.AuthUserDeleteRequest(name=name)),
                                ("RoleDelete", rpc.AuthRoleDeleteRequest(role=name))):
            try:
                await self._auth(method, request)
            except EtcdError as exc:
                if "not found" not in str(exc):
                    raise

    async def enable(self) -> None:
        await self._auth("AuthEnable", rpc.AuthEnableRequest())


async def auth_enabled(host: str, port: int) -> bool:
    """Whether etcd refuses an anonymous read (auth on)."""
    anonymous = EtcdStore(host, port)
    try:
        await anonymous.get("/dockyard/probe")
        return False
    except EtcdError as exc:
        if "user name is empty" in str(exc) or "permission denied" in str(exc):
            return True
        raise
    finally:
        await anonymous.close()


async def bootstrap(host: str, port: int, root_password: str,
                    users: dict[str, tuple[str, list[Grant]]]) -> None:
    """Idempotent: root and the given users exist with these passwords, and auth is on."""
    enabled = await auth_enabled(host, port)
    store = EtcdStore(host, port, ROOT, root_password) if enabled else EtcdStore(host, port)
    try:
        admin = EtcdUsers(store)
        if not enabled:
            await admin.ensure_user(ROOT, root_password, [])  # role root: etcd's superuser
        for name, (password, grants) in sorted(users.items()):
            await admin.ensure_user(name, password, grants)
        if not enabled:
            await admin.enable()
    finally:
        await store.close()
