"""Scopes, grants and token signing: pure functions, table tests."""

import base64
import hashlib
import json
import os
import stat
from datetime import UTC, datetime
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa

from backend.core.config import BackendSettings
from backend.models import RegistryAccess, Role
from backend.registry.access import MANAGE, NOTHING, PULL, PUSH, actions_for
from backend.registry.scopes import (
    Scope,
    grant,
    namespace_of,
    narrow,
    parse_scope,
    parse_scopes,
    valid_repository,
)
from backend.registry.signing import Claims, TokenSigner, ensure_files, libtrust_kid
from backend.registry.tokens import basic_credentials, platform_auth


def _b64d(part: str) -> bytes:
    return base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))


class TestParseScope:
    @pytest.mark.parametrize(("text", "want"), [
        ("repository:team/web:pull", Scope("repository", "team/web", ("pull",))),
        ("repository:team/web:push,pull", Scope("repository", "team/web", ("pull", "push"))),
        ("repository:team/web:pull,pull", Scope("repository", "team/web", ("pull",))),
        ("registry:catalog:*", Scope("registry", "catalog", ("*",))),
        ("repository(plugin):team/p:pull", Scope("repository", "team/p", ("pull",))),
        ("repository:127.0.0.1:5000/team/web:pull",
         Scope("repository", "127.0.0.1:5000/team/web", ("pull",))),
        ("repository:team/web:", Scope("repository", "team/web", ())),
        ("repository", None),
        ("repository:team/web", None),
        (":team/web:pull", None),
        ("repository::pull", None),
    ])
    def test_table(self, text: str, want: Scope | None) -> None:
        assert parse_scope(text) == want

    def test_repeated_and_space_separated(self) -> None:
        got = parse_scopes(["repository:a/b:pull repository:c/d:push", "garbage",
                            "registry:catalog:*"])
        assert [s.name for s in got] == ["a/b", "c/d", "catalog"]


class TestRepositoryNames:
    @pytest.mark.parametrize(("name", "ok"), [
        ("team/web", True), ("team/sub/web", True), ("a.b/c__d/e-f--g", True),
        ("Team/web", False), ("team//web", False), ("team/-web", False), ("team/web-", False),
        ("team/a...b", False), ("team/a___b", False), ("", False), ("/web", False),
        ("team/" + "a" * 251, False),
    ])
    def test_grammar(self, name: str, ok: bool) -> None:
        assert valid_repository(name) is ok

    @pytest.mark.parametrize(("name", "namespace"), [
        ("team/web", "team"), ("team/sub/web", "team"), ("web", None), ("Team/web", None),
    ])
    def test_namespace_of(self, name: str, namespace: str | None) -> None:
        assert namespace_of(name) == namespace


class TestGrant:
    @pytest.mark.parametrize(("requested", "allowed", "want"), [
        (("pull", "push"), PULL, ("pull",)),
        (("pull", "push"), PUSH, ("pull", "push")),
        (("push",), NOTHING, ()),
        (("*",), PUSH, ()),
        (("*",), MANAGE, ("*",)),
        (("delete",), PUSH, ()),
        (("pull",), frozenset({"*"}), ("pull",)),
    ])
    def test_narrow(self, requested, allowed, want) -> None:
        assert narrow(requested, allowed) == want

    def test_intersection_leaves_out_empty_and_unknown(self) -> None:
        scopes = parse_scopes(["repository:a/b:pull,push,bogus", "repository:c/d:push"])
        allowed = {"a/b": PULL, "c/d": PULL}
        assert grant(scopes, lambda s: allowed[s.name]) == [
            {"type": "repository", "name": "a/b", "actions": ["pull"]}]


class TestActionsFor:
    @pytest.mark.parametrize(("role", "access", "public", "want"), [
        (Role.viewer, None, False, PULL),
        (Role.developer, None, False, PUSH),
        (Role.admin, None, False, MANAGE),
        (Role.owner, None, False, MANAGE),
        (None, RegistryAccess.pull, False, PULL),
        (None, RegistryAccess.push, False, PUSH),
        (Role.viewer, RegistryAccess.push, False, PUSH),
        (None, None, True, PULL),
        (None, None, False, NOTHING),
    ])
    def test_table(self, role, access, public, want) -> None:
        assert actions_for(role, access, public) == want


class TestBasicCredentials:
    @pytest.mark.parametrize(("header", "want"), [
        ("Basic " + base64.b64encode(b"ann:pw:with:colons").decode(), ("ann", "pw:with:colons")),
        ("basic " + base64.b64encode(b"ann:").decode(), ("ann", "")),
        ("Basic " + base64.b64encode(b":pw").decode(), None),
        ("Basic " + base64.b64encode(b"nocolon").decode(), None),
        ("Basic !!!", None),
        ("Bearer abc", None),
        (None, None),
    ])
    def test_table(self, header, want) -> None:
        assert basic_credentials(header) == want


class TestSigning:
    def test_files_are_private_and_made_once(self, tmp_path: Path) -> None:
        key, cert = ensure_files(tmp_path / "auth")
        first = key.read_bytes()
        for path in (key, cert):
            assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
        assert ensure_files(tmp_path / "auth") == (key, cert)
        assert key.read_bytes() == first

    def test_token_verifies_with_the_certificate(self, tmp_path: Path) -> None:
        signer = TokenSigner(tmp_path)
        now = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
        access = [{"type": "repository", "name": "team/web", "actions": ["pull"]}]
        token = signer.sign(Claims("dockyard", "ann", "dockyard-registry", access, now, 300))
        head, body, sig = token.split(".")
        header, claims = json.loads(_b64d(head)), json.loads(_b64d(body))
        _, cert_path = ensure_files(tmp_path)
        cert = x509.load_pem_x509_certificate(cert_path.read_bytes())
        assert header["alg"] == "RS256"
        assert base64.b64decode(header["x5c"][0]) == cert.public_bytes(
            serialization.Encoding.DER)
        public = cert.public_key()
        assert isinstance(public, rsa.RSAPublicKey)
        public.verify(_b64d(sig), f"{head}.{body}".encode(), padding.PKCS1v15(),
                      hashes.SHA256())  # raises if the signature is wrong
        iat = int(now.timestamp())
        assert claims["iss"] == "dockyard" and claims["aud"] == "dockyard-registry"
        assert (claims["iat"], claims["nbf"], claims["exp"]) == (iat, iat - 60, iat + 300)
        assert claims["access"] == access and claims["sub"] == "ann" and claims["jti"]

    def test_libtrust_kid(self, tmp_path: Path) -> None:
        key_path, _ = ensure_files(tmp_path)
        key = serialization.load_pem_private_key(key_path.read_bytes(), password=None)
        assert isinstance(key, rsa.RSAPrivateKey)
        kid = libtrust_kid(key.public_key())
        der = key.public_key().public_bytes(serialization.Encoding.DER,
                                            serialization.PublicFormat.SubjectPublicKeyInfo)
        raw = base64.b32encode(hashlib.sha256(der).digest()[:30]).decode()
        assert kid.replace(":", "") == raw  # 240 bits: 48 base32 characters, no padding
        assert [len(g) for g in kid.split(":")] == [4] * 12


class TestPlatformAuth:
    @pytest.mark.parametrize(("image", "repository"), [
        ("127.0.0.1:5000/team/web:v1", "team/web"),
        ("127.0.0.1:5000/library/busybox:1.35", "library/busybox"),
        ("127.0.0.1:5000/team/web", "team/web"),
        ("127.0.0.1:5000/team/web@sha256:" + "a" * 64, "team/web"),
        ("127.0.0.1:5001/team/web:v1", None),  # another registry: nothing sent to it
        ("docker.io/library/nginx:1", None),
    ])
    def test_a_token_for_that_repository_only(self, tmp_path: Path, image: str,
                                              repository: str | None) -> None:
        settings = BackendSettings(data_dir=tmp_path, registry_url="http://127.0.0.1:5000",
                                   registry_host=None)
        auth = platform_auth(settings, image)
        if repository is None:
            assert auth is None
            return
        assert auth is not None and set(auth) == {"registrytoken", "serveraddress"}
        claims = json.loads(_b64d(auth["registrytoken"].split(".")[1]))
        assert claims["access"] == [{"type": "repository", "name": repository,
                                     "actions": ["pull"]}]
        assert claims["exp"] - claims["iat"] == settings.registry_token_ttl_s
