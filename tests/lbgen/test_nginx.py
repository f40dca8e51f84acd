"""lbgen's config in a real nginx: routing, 404/503, request ids, TLS, refused configs."""

import asyncio
import datetime
import json
import socket
import ssl
import time
from collections import Counter
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from lbgen import model, render
from lbgen.nginx import ConfigRejected
from tests.lbgen.edge import Backend, EdgeNginx

A = "0a4b2c3d-0000-4000-8000-000000000001"
B = "0a4b2c3d-0000-4000-8000-000000000002"


def rec(app_id: str, domains: list[str], upstreams: list[str], tls: list[str] | None = None
        ) -> tuple[str, bytes]:
    value = {"domains": domains, "upstreams": upstreams, "tls": tls or []}
    return f"/dockyard/routes/{app_id}", json.dumps(value).encode()


async def apply(edge: EdgeNginx, records: list[tuple[str, bytes]],
                certs: dict[str, model.Certificate] | None = None) -> str:
    text, generation = render.render(model.build(records, certs), edge.layout)
    await edge.nginx.apply(text, generation)
    return generation


def self_signed(directory: Path, domain: str, valid: bool = True) -> model.Certificate:
    key = ec.generate_private_key(ec.SECP256R1())
    now = datetime.datetime.now(datetime.UTC)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, domain)])
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(minutes=1))
            .not_valid_after(now + datetime.timedelta(days=30))
            .add_extension(x509.SubjectAlternativeName([x509.DNSName(domain)]), critical=False)
            .sign(key, hashes.SHA256()))
    directory.mkdir(parents=True, exist_ok=True)
    cert_path, key_path = directory / f"{domain}.crt", directory / f"{domain}.key"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM) if valid
                          else b"-----BEGIN CERTIFICATE-----\nnot a certificate\n")
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                           serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    key_path.chmod(0o600)
    return model.Certificate(str(cert_path), str(key_path))


class TestRouting:
    async def test_each_container_is_reached_through_the_domain(
            self, edge: EdgeNginx, backends: list[Backend]) -> None:
        await apply(edge, [rec(A, ["web.example.test"], [b.address for b in backends])])
        seen = Counter(edge.get("/", "web.example.test")[1].split()[0] for _ in range(30))
        assert set(seen) == {"b0", "b1", "b2"}

    async def test_unknown_host_gets_404(self, edge: EdgeNginx, backends: list[Backend]) -> None:
        await apply(edge, [rec(A, ["web.example.test"], [backends[0].address])])
        status, body = edge.get("/", "nobody.example.test")
        assert status == 404 and "No app" in body

    async def test_app_without_containers_gets_503(self, edge: EdgeNginx) -> None:
        await apply(edge, [rec(A, ["quiet.example.test"], [])])
        status, body = edge.get("/", "quiet.example.test")
        assert status == 503 and "No container" in body

    async def test_request_id_is_made_or_passed_on(self, edge: EdgeNginx,
                                                   backends: list[Backend]) -> None:
        await apply(edge, [rec(A, ["web.example.test"], [backends[0].address])])
        made = edge.get("/", "web.example.test")[1].split()
        assert len(made) == 2 and len(made[1]) == 32
        log = edge.root / "access.log"
        end = time.monotonic() + 5  # nginx logs after it answered
        while time.monotonic() < end:
            if made[1] in log.read_text():
                break
            await asyncio.sleep(0.02)
        entry = json.loads(log.read_text().splitlines()[-1])
        assert entry["host"] == "web.example.test" and entry["request_id"] == made[1]

    async def test_wildcard_domain(self, edge: EdgeNginx, backends: list[Backend]) -> None:
        await apply(edge, [rec(A, ["*.apps.example.test"], [backends[1].address])])
        assert edge.get("/", "x.apps.example.test")[1].startswith("b1")


class TestRefusedConfig:
    async def test_a_config_nginx_refuses_is_never_applied(
            self, edge: EdgeNginx, backends: list[Backend]) -> None:
        good = await apply(edge, [rec(A, ["web.example.test"], [backends[0].address])])
        live = edge.conf.read_text()
        broken = self_signed(edge.root / "certs" / B, "bad.example.test", valid=False)
        with pytest.raises(ConfigRejected):
            await apply(edge, [rec(A, ["web.example.test"], [backends[1].address]),
                               rec(B, ["bad.example.test"], [backends[2].address],
                                   tls=["bad.example.test"])],
                        {"bad.example.test": broken})
        assert edge.conf.read_text() == live
        assert await edge.nginx.generation() == good
        assert edge.get("/", "web.example.test")[1].startswith("b0")

    async def test_the_old_config_survives_an_nginx_restart(
            self, edge: EdgeNginx, backends: list[Backend]) -> None:
        await apply(edge, [rec(A, ["web.example.test"], [backends[0].address])])
        with pytest.raises(ConfigRejected):
            await edge.nginx.apply("http { this is not nginx }\n", "x")
        edge.stop()
        edge.start()
        assert edge.get("/", "web.example.test")[1].startswith("b0")


class TestTls:
    async def test_a_domain_with_a_certificate_answers_on_the_tls_port(
            self, edge: EdgeNginx, backends: list[Backend]) -> None:
        cert = self_signed(edge.root / "certs" / A, "secure.example.test")
        await apply(edge, [rec(A, ["secure.example.test"], [backends[0].address],
                               tls=["secure.example.test"])], {"secure.example.test": cert})
        context = ssl.create_default_context(cafile=cert.cert_path)
        assert edge.tls_port is not None
        with socket.create_connection(("127.0.0.1", edge.tls_port), timeout=5) as raw, \
                context.wrap_socket(raw, server_hostname="secure.example.test") as tls:
            tls.sendall(b"GET / HTTP/1.0\r\nHost: secure.example.test\r\n\r\n")
            answer = tls.recv(4096)
        assert answer.startswith(b"HTTP/1.1 200") and b"b0 " in answer
        unknown = ssl.create_default_context()
        unknown.check_hostname, unknown.verify_mode = False, ssl.CERT_NONE
        with socket.create_connection(("127.0.0.1", edge.tls_port), timeout=5) as raw, \
                pytest.raises(ssl.SSLError):
            unknown.wrap_socket(raw, server_hostname="other.example.test")
