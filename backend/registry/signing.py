"""The key that signs registry tokens, and the tokens themselves (RS256 JWTs).

Docker Distribution verifies a token against the certificate in its `rootcertbundle`:
2.8 (Debian's) by the libtrust key id in the header (`kid`) or by the `x5c` chain,
3.x by `x5c` or a JWKS, so every token carries both. The key and a self-signed
certificate of it are made on first use, mode 600, created atomically so the API, the
worker and the stack scripts can race to make them.
"""

import base64
import datetime as dt
import hashlib
import json
import os
import uuid
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.x509.oid import NameOID

CERT_DAYS = 3650
KEY_FILE, CERT_FILE = "token-key.pem", "token-cert.pem"


def write_once(path: Path, data: bytes) -> None:
    """Create `path` (mode 600) with `data` unless it exists; never a half-written file."""
    tmp = path.with_suffix(f".{os.getpid()}.{uuid.uuid4().hex[:6]}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
    try:
        os.link(tmp, path)  # fails if another process won the race: theirs stands
    except FileExistsError:
        pass
    finally:
        tmp.unlink()


def libtrust_kid(public_key: rsa.RSAPublicKey) -> str:
    """libtrust's key id: base32 of the first 240 bits of SHA-256(DER SPKI), `:`-grouped."""
    der = public_key.public_bytes(serialization.Encoding.DER,
                                  serialization.PublicFormat.SubjectPublicKeyInfo)
    b32 = base64.b32encode(hashlib.sha256(der).digest()[:30]).decode().rstrip("=")
    return ":".join(b32[i:i + 4] for i in range(0, len(b32), 4))


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _self_signed(key: rsa.RSAPrivateKey) -> x509.Certificate:
    name = x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Dockyard"),
                      x509.NameAttribute(NameOID.COMMON_NAME, "Dockyard registry tokens")])
    now = dt.datetime.now(dt.UTC)
    return (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(minutes=5))
            .not_valid_after(now + dt.timedelta(days=CERT_DAYS))
            .add_extension(x509.KeyUsage(digital_signature=True, key_cert_sign=False,
                                         crl_sign=False, content_commitment=False,
                                         key_encipherment=False, data_encipherment=False,
                                         key_agreement=False, encipher_only=False,
                                         decipher_only=False), critical=True)
            .sign(key, hashes.SHA256()))


def ensure_files(directory: Path) -> tuple[Path, Path]:
    """Make the signing key and its certificate unless they exist; their paths."""
    key_path, cert_path = directory / KEY_FILE, directory / CERT_FILE
    if key_path.exists() and cert_path.exists():
        return key_path, cert_path
    directory.mkdir(parents=True, exist_ok=True, mode=0o700)
    if not key_path.exists():
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        write_once(key_path, key.private_bytes(serialization.Encoding.PEM,
                                               serialization.PrivateFormat.PKCS8,
                                               serialization.NoEncryption()))
    if not cert_path.exists():
        loaded = serialization.load_pem_private_key(key_path.read_bytes(), password=None)
        assert isinstance(loaded, rsa.RSAPrivateKey)
        write_once(cert_path, _self_signed(loaded).public_bytes(serialization.Encoding.PEM))
    return key_path, cert_path


@dataclass(frozen=True)
class Claims:
    issuer: str
    subject: str
    audience: str
    access: list[dict[str, Any]]
    issued_at: dt.datetime
    ttl_s: int
    skew_s: int = 60  # registries whose clock runs behind still accept the token

    def payload(self) -> dict[str, Any]:
        iat = int(self.issued_at.timestamp())
        return {"iss": self.issuer, "sub": self.subject, "aud": self.audience,
                "exp": iat + self.ttl_s, "nbf": iat - self.skew_s, "iat": iat,
                "jti": uuid.uuid4().hex, "access": self.access}


class TokenSigner:
    """Signs registry tokens with the key of one data directory."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    @cached_property
    def _material(self) -> tuple[rsa.RSAPrivateKey, dict[str, Any]]:
        key_path, cert_path = ensure_files(self.directory)
        key = serialization.load_pem_private_key(key_path.read_bytes(), password=None)
        assert isinstance(key, rsa.RSAPrivateKey)
        cert = x509.load_pem_x509_certificate(cert_path.read_bytes())
        der = cert.public_bytes(serialization.Encoding.DER)
        header = {"typ": "JWT", "alg": "RS256", "kid": libtrust_kid(key.public_key()),
                  "x5c": [base64.b64encode(der).decode()]}
        return key, header

    def sign(self, claims: Claims) -> str:
        key, header = self._material
        head = _b64url(json.dumps(header, separators=(",", ":")).encode())
        body = _b64url(json.dumps(claims.payload(), separators=(",", ":")).encode())
        signature = key.sign(f"{head}.{body}".encode(), padding.PKCS1v15(), hashes.SHA256())
        return f"{head}.{body}.{_b64url(signature)}"
