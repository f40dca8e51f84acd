"""SSH public keys of the current user: formats, fingerprints, ownership."""

import subprocess
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa

from backend.sshkeys.keys import BadKey, parse
from tests.conftest import auth
from tests.factories import make_user


def openssh(key: object) -> str:
    return key.public_key().public_bytes(  # type: ignore[attr-defined]
        serialization.Encoding.OpenSSH, serialization.PublicFormat.OpenSSH).decode()


def ssh_keygen(tmp_path: Path, kind: str, bits: str | None = None) -> tuple[str, str]:
    """A key made by OpenSSH itself, and the fingerprint ssh-keygen -l prints for it."""
    path = tmp_path / f"id_{kind}_{bits}"
    argv = ["ssh-keygen", "-q", "-t", kind, "-N", "", "-C", "me@laptop", "-f", str(path)]
    subprocess.run(argv + (["-b", bits] if bits else []), check=True)
    listed = subprocess.run(["ssh-keygen", "-l", "-E", "sha256", "-f", f"{path}.pub"],
                            check=True, capture_output=True, text=True).stdout
    return Path(f"{path}.pub").read_text(), listed.split()[1]


class TestParse:
    @pytest.mark.parametrize(("kind", "bits"), [("ed25519", None), ("ecdsa", "256"),
                                                ("ecdsa", "521"), ("rsa", "2048")])
    def test_fingerprint_is_the_one_ssh_keygen_prints(self, tmp_path: Path, kind: str,
                                                     bits: str | None) -> None:
        line, fingerprint = ssh_keygen(tmp_path, kind, bits)
        parsed = parse(line)
        assert parsed.fingerprint == fingerprint
        assert parsed.public_key == " ".join(line.split()[:2])  # comment dropped

    def test_small_rsa_is_refused(self) -> None:
        small = rsa.generate_private_key(public_exponent=65537, key_size=1024)  # noqa: S505
        with pytest.raises(BadKey, match="2048"):
            parse(openssh(small))

    @pytest.mark.parametrize("line", ["", "ssh-ed25519", "ssh-dss AAAAB3NzaC1kc3MAAACBAP",
                                      "ssh-ed25519 !!!notbase64", "ssh-ed25519 AAAAC3Nz",
                                      "-----BEGIN OPENSSH PRIVATE KEY-----"])
    def test_garbage_is_refused(self, line: str) -> None:
        with pytest.raises(BadKey):
            parse(line)

    def test_type_must_match_the_blob(self) -> None:
        blob = openssh(ed25519.Ed25519PrivateKey.generate()).split()[1]
        with pytest.raises(BadKey):
            parse(f"ssh-rsa {blob}")


class TestKeysApi:
    async def test_add_list_delete(self, client, session) -> None:
        _, token = await make_user(session)
        line = openssh(ec.generate_private_key(ec.SECP256R1())) + " laptop"
        r = await client.post("/users/me/keys", headers=auth(token),
                              json={"name": "laptop", "public_key": line})
        assert r.status_code == 201, r.text
        key = r.json()
        assert key["key_type"] == "ecdsa-sha2-nistp256"
        assert key["fingerprint"].startswith("SHA256:")
        listed = (await client.get("/users/me/keys", headers=auth(token))).json()["items"]
        assert [k["id"] for k in listed] == [key["id"]]
        r = await client.delete(f"/users/me/keys/{key['id']}", headers=auth(token))
        assert r.status_code == 204
        assert (await client.get("/users/me/keys", headers=auth(token))).json()["items"] == []

    async def test_a_key_belongs_to_one_user(self, client, session) -> None:
        (_, mine), (_, theirs) = await make_user(session), await make_user(session)
        line = openssh(ed25519.Ed25519PrivateKey.generate())
        body = {"name": "k", "public_key": line}
        assert (await client.post("/users/me/keys", headers=auth(mine), json=body)
                ).status_code == 201
        again = await client.post("/users/me/keys", headers=auth(theirs), json=body)
        assert again.status_code == 409
        assert again.headers["content-type"] == "application/problem+json"

    async def test_someone_elses_key_is_not_found(self, client, session) -> None:
        (_, mine), (_, theirs) = await make_user(session), await make_user(session)
        line = openssh(ed25519.Ed25519PrivateKey.generate())
        key = (await client.post("/users/me/keys", headers=auth(mine),
                                 json={"name": "k", "public_key": line})).json()
        r = await client.delete(f"/users/me/keys/{key['id']}", headers=auth(theirs))
        assert r.status_code == 404
        listed = (await client.get("/users/me/keys", headers=auth(theirs))).json()["items"]
        assert listed == []

    async def test_bad_key_is_a_422_and_nothing_is_written(self, client, session) -> None:
        _, token = await make_user(session)
        small = openssh(rsa.generate_private_key(public_exponent=65537, key_size=1024))  # noqa: S505
        r = await client.post("/users/me/keys", headers=auth(token),
                              json={"name": "old", "public_key": small})
        assert r.status_code == 422 and "2048" in r.json()["detail"]
        assert (await client.get("/users/me/keys", headers=auth(token))).json()["items"] == []
