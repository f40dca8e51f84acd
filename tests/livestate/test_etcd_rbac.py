"""etcd's users and roles on the test stack's real etcd (auth on)."""

import uuid
from collections.abc import AsyncIterator

import pytest

from backend.core.config import BackendSettings
from livestate import auth
from livestate.keys import Layout
from livestate.store import EtcdError, EtcdStore

L = Layout()


@pytest.fixture
async def users() -> AsyncIterator[auth.EtcdUsers]:
    root = BackendSettings().etcd_root_store()
    assert root is not None, "the test stack runs etcd with auth"
    yield auth.EtcdUsers(root)
    await root.close()


async def host_store(users: auth.EtcdUsers, host_id: uuid.UUID) -> EtcdStore:
    await users.ensure_user(auth.host_user(host_id), "pw-" + host_id.hex,
                            auth.host_grants(L, host_id))
    return EtcdStore(*BackendSettings().etcd_host_port, auth.host_user(host_id),
                     "pw-" + host_id.hex)


class TestRbac:
    async def test_anonymous_is_refused(self) -> None:
        anonymous = EtcdStore(*BackendSettings().etcd_host_port)
        with pytest.raises(EtcdError):
            await anonymous.raw_put(L.route(uuid.uuid4()), b"{}")
        with pytest.raises(EtcdError):
            await anonymous.get_prefix(L.root)
        await anonymous.close()

    async def test_a_host_writes_only_its_own_keys(self, users: auth.EtcdUsers) -> None:
        mine, theirs = uuid.uuid4(), uuid.uuid4()
        store = await host_store(users, mine)
        try:
            lease = await store.grant(5)
            await store.raw_put(L.host(mine), b"{}", lease)
            await store.raw_put(L.container(mine, "abc"), b"{}", lease)
            for key in (L.host(theirs), L.container(theirs, "abc"), L.route(mine),
                        L.host(mine) + "x", L.lb_instance("edge"), "/elsewhere"):
                with pytest.raises(EtcdError, match="permission denied"):
                    await store.raw_put(key, b"{}")
            with pytest.raises(EtcdError, match="permission denied"):
                await store.get_prefix(L.containers)  # cannot even read the others
            await store.revoke(lease)
        finally:
            await users.delete_user(auth.host_user(mine))
            await store.close()

    async def test_a_deleted_user_cannot_write(self, users: auth.EtcdUsers) -> None:
        host = uuid.uuid4()
        store = await host_store(users, host)
        await store.raw_put(L.host(host), b"{}")
        await users.delete_user(auth.host_user(host))
        await users.delete_user(auth.host_user(host))  # idempotent
        with pytest.raises(EtcdError):
            await store.raw_put(L.host(host), b"{}")
        await store.close()
        control = BackendSettings().etcd_store()
        await control.raw_delete(L.host(host))
        await control.close()

    async def test_lbgen_reads_routes_only(self) -> None:
        settings = BackendSettings()
        control = settings.etcd_store()
        app = uuid.uuid4()
        await control.raw_put(L.route(app), b'{"domains":[]}')
        root = settings.etcd_root_store()
        assert root is not None
        await auth.EtcdUsers(root).ensure_user("lbgen-test", "pw", auth.lbgen_grants(L))
        lbgen = EtcdStore(*settings.etcd_host_port, "lbgen-test", "pw")
        try:
            assert await lbgen.get(L.route(app)) is not None
            await lbgen.raw_put(L.lb_instance("t"), b"{}")
            for key in (L.route(app), L.host(app)):
                with pytest.raises(EtcdError, match="permission denied"):
                    await lbgen.raw_put(key, b"{}")
        finally:
            await auth.EtcdUsers(root).delete_user("lbgen-test")
            await control.raw_delete(L.route(app))
            await control.raw_delete(L.lb_instance("t"))
            for store in (lbgen, control, root):
                await store.close()
