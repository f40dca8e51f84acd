"""Each host's own etcd user: made at registration, deleted with the host.

The user's role reaches exactly /dockyard/hosts/<id> and /dockyard/containers/<id>/, so
whoever holds a host's credential (its agent, or an attacker on that host) can write
nothing of any other host, container or route.
"""

import asyncio
import logging
import uuid

from pydantic import BaseModel

from backend.core.config import BackendSettings
from backend.hosts.errors import EtcdUnavailable
from backend.hosts.pki import PlatformCA
from livestate import auth
from livestate.keys import DEFAULT
from livestate.store import EtcdError

log = logging.getLogger(__name__)
# etcd refuses a user change made on a stale auth revision ("auth store revision is
# old") when two are made at once: one at a time per process, and retried once.
_lock = asyncio.Lock()


class HostEtcd(BaseModel):
    """The host's own etcd credential (shown once, to the registering agent)."""

    endpoint: str
    username: str
    password: str
    ca_pem: str | None = None  # set when the endpoint is TLS: the platform CA to check it


async def issue(settings: BackendSettings, host_id: uuid.UUID) -> HostEtcd | None:
    """A fresh user for the host; None when etcd runs without auth (nothing to issue)."""
    root = settings.etcd_root_store()
    if root is None:
        return None
    name, password = auth.host_user(host_id), auth.new_password()
    try:
        async with _lock:
            await auth.EtcdUsers(root).ensure_user(name, password,
                                                   auth.host_grants(DEFAULT, host_id))
    except (EtcdError, OSError, TimeoutError) as exc:
        log.warning("could not create etcd user %s: %s", name, exc)
        raise EtcdUnavailable("The live-state store did not accept the host's credential; "
                              "try again shortly.") from exc
    finally:
        await root.close()
    ca = PlatformCA(settings.pki_dir).ca_pem().decode() if settings.agent_etcd_tls else None
    return HostEtcd(endpoint=settings.agent_etcd_endpoint or settings.etcd_endpoint,
                    username=name, password=password, ca_pem=ca)


async def revoke(settings: BackendSettings, host_id: uuid.UUID) -> None:
    """Delete the host's user (and so its sessions); idempotent."""
    root = settings.etcd_root_store()
    if root is None:
        return
    try:
        async with _lock:
            await auth.EtcdUsers(root).delete_user(auth.host_user(host_id))
    except (EtcdError, OSError, TimeoutError) as exc:
        log.warning("could not delete etcd user of host %s: %s", host_id, exc)
        raise EtcdUnavailable("The live-state store did not remove the host's credential; "
                              "the host was kept. Try again shortly.") from exc
    finally:
        await root.close()
