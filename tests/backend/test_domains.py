"""Domains (RFC 1123, unique, wildcards only by platform admins), their edge state, and
TLS certificates: checked, kept mode 600 in a 700 dir, the key never returned."""

import datetime
import json
import stat
from pathlib import Path
from typing import Any

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from sqlalchemy.ext.asyncio import AsyncSession

from backend.core.config import BackendSettings
from backend.models import Member, Role
from tests.conftest import auth
from tests.factories import World, uniq


def pem_pair(names: list[str], days: int = 30, start_days: int = -1) -> tuple[str, str]:
    key = ec.generate_private_key(ec.SECP256R1())
    now = datetime.datetime.now(datetime.UTC)
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, names[0])])
    cert = (x509.CertificateBuilder().subject_name(subject).issuer_name(subject)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now + datetime.timedelta(days=start_days))
            .not_valid_after(now + datetime.timedelta(days=days))
            .add_extension(x509.SubjectAlternativeName([x509.DNSName(n) for n in names]),
                           critical=False)
            .sign(key, hashes.SHA256()))
    return (cert.public_bytes(serialization.Encoding.PEM).decode(),
            key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                              serialization.NoEncryption()).decode())


@pytest.fixture
def cert_dir(app: Any, settings: BackendSettings, tmp_path: Path) -> Path:
    app.state.settings = settings.model_copy(update={"edge_cert_dir": tmp_path / "certs"})
    return tmp_path / "certs"


async def with_domain(client: Any, world: World, domain: str) -> str:
    r = await client.patch(f"/apps/{world.app.id}", json={"domains": [domain]},
                           headers=auth(world.tokens["developer"]))
    assert r.status_code == 200, r.text
    return domain


class TestDomainRules:
    @pytest.mark.parametrize("bad", ["a_b.example.test", "Shop.example.test", "example",
                                     "-a.example.test", "a.*.example.test", "*.test",
                                     "a" * 64 + ".example.test"])
    async def test_not_a_host_name_is_422(self, client: Any, world: World, bad: str) -> None:
        r = await client.patch(f"/apps/{world.app.id}", json={"domains": [bad]},
                               headers=auth(world.tokens["developer"]))
        assert r.status_code == 422, (bad, r.text)

    async def test_a_wildcard_only_by_a_platform_admin(self, client: Any, world: World,
                                                       session: AsyncSession) -> None:
        body = {"domains": [f"*.{uniq('w')}.example.test"]}
        r = await client.patch(f"/apps/{world.app.id}", json=body,
                               headers=auth(world.tokens["owner"]))
        assert r.status_code == 403 and "wildcard" in r.json()["detail"]
        session.add(Member(group_id=world.group.id, user_id=world.users["platform"].id,
                           role=Role.developer))
        await session.commit()
        r = await client.patch(f"/apps/{world.app.id}", json=body,
                               headers=auth(world.tokens["platform"]))
        assert r.status_code == 200, r.text

    async def test_a_domain_belongs_to_one_app(self, client: Any, world: World) -> None:
        domain = await with_domain(client, world, f"{uniq('d')}.example.test")
        r = await client.post(f"/groups/{world.group.id}/apps",
                              json={"name": uniq("a"), "domains": [domain]},
                              headers=auth(world.tokens["developer"]))
        assert r.status_code == 409


class TestDomainList:
    async def test_state_and_link(self, client: Any, world: World, cert_dir: Path) -> None:
        domain = await with_domain(client, world, f"{uniq('d')}.example.test")
        r = await client.get(f"/apps/{world.app.id}/domains",
                             headers=auth(world.tokens["viewer"]))
        assert r.status_code == 200, r.text
        (read,) = r.json()
        # the world's one container is running but not serving (no health verdict yet)
        assert read["domain"] == domain and read["certificate"] is None
        assert read["state"] in ("no_serving_container", "routed", "not_deployed")
        assert read["url"].startswith(f"http://{domain}")


class TestCertificates:
    async def test_upload_shows_expiry_and_keeps_the_key_private(
            self, client: Any, world: World, cert_dir: Path, caplog: Any) -> None:
        domain = await with_domain(client, world, f"{uniq('d')}.example.test")
        cert, key = pem_pair([domain])
        r = await client.put(f"/apps/{world.app.id}/domains/{domain}/certificate",
                             json={"certificate": cert, "private_key": key},
                             headers=auth(world.tokens["developer"]))
        assert r.status_code == 200, r.text
        body = r.json()
        assert body["certificate"]["names"] == [domain] and body["url"].startswith("https://")
        assert "PRIVATE KEY" not in r.text and "PRIVATE KEY" not in caplog.text
        folder = cert_dir / str(world.app.id)
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
        for name in (f"{domain}.crt", f"{domain}.key"):
            assert stat.S_IMODE((folder / name).stat().st_mode) == 0o600
        listed = (await client.get(f"/apps/{world.app.id}/domains",
                                   headers=auth(world.tokens["viewer"]))).json()
        assert listed[0]["certificate"]["expires_at"] == body["certificate"]["expires_at"]
        store = BackendSettings().etcd_store()
        try:
            route = await store.get(f"/dockyard/routes/{world.app.id}")
            assert route is not None and json.loads(route.value)["tls"] == [domain]
            r = await client.delete(f"/apps/{world.app.id}/domains/{domain}/certificate",
                                    headers=auth(world.tokens["developer"]))
            assert r.status_code == 204
            route = await store.get(f"/dockyard/routes/{world.app.id}")
            assert route is not None and "tls" not in json.loads(route.value)
            await store.raw_delete(f"/dockyard/routes/{world.app.id}")
        finally:
            await store.close()
        assert not (folder / f"{domain}.key").exists()
        r = await client.delete(f"/apps/{world.app.id}/domains/{domain}/certificate",
                                headers=auth(world.tokens["developer"]))
        assert r.status_code == 404

    @pytest.mark.parametrize("problem", ["garbage", "other_key", "other_name", "expired",
                                         "not_yet"])
    async def test_bad_uploads_are_422_and_write_nothing(
            self, client: Any, world: World, cert_dir: Path, problem: str) -> None:
        domain = await with_domain(client, world, f"{uniq('d')}.example.test")
        cert, key = pem_pair([domain])
        if problem == "garbage":
            cert = "-----BEGIN CERTIFICATE-----\nnope\n-----END CERTIFICATE-----\n"
        elif problem == "other_key":
            key = pem_pair([domain])[1]
        elif problem == "other_name":
            cert, key = pem_pair(["elsewhere.example.test"])
        elif problem == "expired":
            cert, key = pem_pair([domain], days=-1, start_days=-10)
        else:
            cert, key = pem_pair([domain], days=30, start_days=2)
        r = await client.put(f"/apps/{world.app.id}/domains/{domain}/certificate",
                             json={"certificate": cert, "private_key": key},
                             headers=auth(world.tokens["developer"]))
        assert r.status_code == 422, r.text
        assert "PRIVATE KEY" not in r.text
        assert not (cert_dir / str(world.app.id)).exists()

    async def test_a_wildcard_certificate_covers_one_label(self, client: Any, world: World,
                                                           cert_dir: Path) -> None:
        parent = f"{uniq('p')}.example.test"
        domain = await with_domain(client, world, f"shop.{parent}")
        cert, key = pem_pair([f"*.{parent}"])
        r = await client.put(f"/apps/{world.app.id}/domains/{domain}/certificate",
                             json={"certificate": cert, "private_key": key},
                             headers=auth(world.tokens["developer"]))
        assert r.status_code == 200, r.text
        store = BackendSettings().etcd_store()
        try:
            await store.raw_delete(f"/dockyard/routes/{world.app.id}")
        finally:
            await store.close()
