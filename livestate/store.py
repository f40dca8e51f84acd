"""Our one module over aetcd: credentials, leases, guarded writes, reads and watches.

Every write the agent makes is a transaction guarded by the host key's mod revision,
which only this incarnation of the agent knows. If the lease expired while the agent
was paused, the host key is gone (its mod revision reads 0) or was rewritten by a
newer incarnation, so the compare fails and the stale write is refused; the put also
carries the lease, which etcd refuses once expired.
"""

import contextvars
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from typing import Any, TypeVar

import aetcd
import aetcd.exceptions
import grpc
from aetcd import rpc
from aetcd import transactions as tx

EtcdError = aetcd.exceptions.ClientError
Compacted = aetcd.exceptions.RevisionCompactedError


T = TypeVar("T")
# etcd forgets a simple token after --auth-token-ttl of disuse, and refuses a token minted
# before a user or role changed; both heal by logging in again.
_STALE_AUTH = ("invalid auth token", "auth: revision in header is old", "user name is empty")


def stale_auth(exc: BaseException) -> bool:
    return isinstance(exc, EtcdError) and any(s in str(exc) for s in _STALE_AUTH)


class LeaseLost(Exception):
    """Our lease expired or another incarnation claimed the host: start over."""


@dataclass
class KV:
    key: str
    value: bytes
    mod_revision: int


@dataclass
class Change:
    key: str
    value: bytes | None  # None: deleted
    revision: int


# aetcd only opens plaintext channels. Hosts on other machines reach etcd over TLS: the
# channel factory aetcd calls is ours, and it opens a TLS channel when the connecting
# task says so (a context variable, so concurrent plaintext clients are unaffected).
_tls: contextvars.ContextVar[grpc.ChannelCredentials | None] = contextvars.ContextVar(
    "etcd_tls", default=None)
_plain_channel = grpc.aio.insecure_channel


def _channel(target: str, options: Any = None, *args: Any, **kwargs: Any) -> Any:
    credentials = _tls.get()
    if credentials is None:
        return _plain_channel(target, options, *args, **kwargs)
    return rpc.secure_channel(target, credentials, options)


rpc.insecure_channel = _channel


class EtcdStore:
    """One etcd client, logged in as one user (None: etcd without auth), over TLS when
    given the CA that signed etcd's certificate."""

    def __init__(self, host: str, port: int, username: str | None = None,
                 password: str | None = None, timeout: float = 5.0,
                 ca_pem: bytes | None = None):
        self.host, self.port, self.timeout = host, port, timeout
        self.username, self.password = username, password
        self.tls = grpc.ssl_channel_credentials(root_certificates=ca_pem) if ca_pem else None
        self.client: aetcd.Client | None = None

    async def connect(self) -> aetcd.Client:
        if self.client is None:
            client = aetcd.Client(host=self.host, port=self.port, username=self.username,
                                  password=self.password, timeout=self.timeout)
            token = _tls.set(self.tls)
            try:
                await client.connect()
            finally:
                _tls.reset(token)
            self.client = client
        return self.client

    async def call(self, op: Callable[[aetcd.Client], Awaitable[T]]) -> T:
        """Run op on the client, logging in again once if etcd says the token is stale."""
        try:
            return await op(await self.connect())
        except EtcdError as exc:
            if not stale_auth(exc):
                raise
            await self.close()
            return await op(await self.connect())

    async def close(self) -> None:
        if self.client is not None:
            client, self.client = self.client, None
            await client.close()

    async def ping(self) -> None:
        await self.call(lambda c: c.status())

    # --- reads ---------------------------------------------------------------------

    async def get(self, key: str) -> KV | None:
        got = await self.call(lambda c: c.get(key.encode()))
        if got is None:
            return None
        return KV(key, got.value, got.mod_revision)

    async def get_prefix(self, prefix: str) -> tuple[list[KV], int]:
        """All keys under prefix and the store revision they were read at."""
        result = await self.call(lambda c: c.get_prefix(prefix.encode()))
        items = [KV(kv.key.decode(), kv.value, kv.mod_revision) for kv in result]
        return items, result.header.revision

    async def watch_prefix(self, prefix: str, start_revision: int) -> AsyncIterator[Change]:
        client = await self.connect()
        watch = await client.watch_prefix(prefix.encode(), start_revision=start_revision)
        try:
            async for event in watch:
                deleted = event.kind == aetcd.rtypes.EventKind.DELETE
                yield Change(event.kv.key.decode(), None if deleted else event.kv.value,
                             event.kv.mod_revision)
        finally:
            await watch.cancel()

    # --- leases ----------------------------------------------------------------------

    async def grant(self, ttl: int) -> int:
        lease = await self.call(lambda c: c.lease(ttl))
        return int(lease.id)

    async def keepalive(self, lease_id: int) -> int:
        """Refresh the lease; returns the TTL granted, 0 or less when it is gone."""
        reply = await self.call(lambda c: c.refresh_lease(lease_id))
        return int(reply.TTL) if reply is not None else 0

    async def revoke(self, lease_id: int) -> None:
        await self.call(lambda c: c.revoke_lease(lease_id))

    # --- writes by a lease holder ------------------------------------------------------

    async def raw_put(self, key: str, value: bytes, lease_id: int | None = None) -> None:
        await self.call(lambda c: c.put(key.encode(), value, lease=lease_id))

    async def raw_delete(self, key: str) -> None:
        await self.call(lambda c: c.delete(key.encode()))


class GuardedWriter:
    """Writes under one lease, each guarded by the host key's mod revision."""

    def __init__(self, store: EtcdStore, host_key: str, lease_id: int, host_mod: int):
        self.store, self.host_key, self.lease_id, self.host_mod = (
            store, host_key.encode(), lease_id, host_mod)
        self.writes = 0

    @classmethod
    async def claim(cls, store: EtcdStore, host_key: str, value: bytes, lease_id: int
                    ) -> "GuardedWriter":
        """Take the host key for this incarnation (after a restart the old one may linger)."""
        current = await store.get(host_key)
        writer = cls(store, host_key, lease_id, current.mod_revision if current else 0)
        await writer.put_host(value)
        return writer

    async def _txn(self, op: Any) -> int:
        try:
            ok, responses = await self.store.call(lambda c: c.transaction(
                compare=[tx.Mod(self.host_key) == self.host_mod], success=[op], failure=[]))
        except aetcd.exceptions.ClientError as exc:
            if "lease not found" in str(exc):
                raise LeaseLost(str(exc)) from exc
            raise
        if not ok:
            raise LeaseLost("the host key changed under us")
        self.writes += 1
        response = responses[0]
        header = (response.response_put.header if response.HasField("response_put")
                  else response.response_delete_range.header)
        return int(header.revision)

    async def put_host(self, value: bytes) -> None:
        self.host_mod = await self._txn(tx.Put(self.host_key, value, self.lease_id))

    async def put(self, key: str, value: bytes) -> None:
        await self._txn(tx.Put(key.encode(), value, self.lease_id))

    async def delete(self, key: str) -> None:
        await self._txn(tx.Delete(key.encode()))
