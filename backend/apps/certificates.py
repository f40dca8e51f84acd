"""TLS certificates per domain: checked, then kept as files lbgen reads.

Files rather than etcd, so no private key sits in etcd's snapshots: <cert_dir>/<app_id>/
<domain>.crt and .key, mode 600 in 700 dirs. Under the app's id, so a domain that moves
to another app never inherits a certificate. The key is never returned or logged.
"""

import datetime
import hashlib
import os
import uuid
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed448, ed25519, rsa

from backend.core.errors import Unprocessable

Key = rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey | ed25519.Ed25519PrivateKey | \
    ed448.Ed448PrivateKey


@dataclass(frozen=True)
class CertInfo:
    names: list[str]
    not_before: datetime.datetime
    not_after: datetime.datetime
    issuer: str
    fingerprint_sha256: str


def paths(cert_dir: Path, app_id: uuid.UUID, domain: str) -> tuple[Path, Path]:
    base = cert_dir / str(app_id)
    return base / f"{domain}.crt", base / f"{domain}.key"


def covers(names: list[str], domain: str) -> bool:
    """RFC 6125: an exact name, or a wildcard standing for exactly one leftmost label."""
    for name in (n.lower() for n in names):
        if name == domain:
            return True
        if (name.startswith("*.") and not domain.startswith("*.") and "." in domain
                and domain.split(".", 1)[1] == name[2:]):
            return True
    return False


def info(cert: x509.Certificate) -> CertInfo:
    try:
        san = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName)
        names = san.value.get_values_for_type(x509.DNSName)
    except x509.ExtensionNotFound:
        names = [a.value for a in cert.subject.get_attributes_for_oid(
            x509.oid.NameOID.COMMON_NAME) if isinstance(a.value, str)]
    return CertInfo(names=sorted(names), not_before=cert.not_valid_before_utc,
                    not_after=cert.not_valid_after_utc, issuer=cert.issuer.rfc4514_string(),
                    fingerprint_sha256=hashlib.sha256(
                        cert.public_bytes(serialization.Encoding.DER)).hexdigest())


def check(domain: str, cert_pem: str, key_pem: str) -> CertInfo:
    """The leaf's facts, or a 422 saying what is wrong (never echoing the key)."""
    try:
        chain = x509.load_pem_x509_certificates(cert_pem.encode())
    except ValueError:
        raise Unprocessable("The certificate is not PEM (-----BEGIN CERTIFICATE-----).") \
            from None
    try:
        key = serialization.load_pem_private_key(key_pem.encode(), password=None)
    except (ValueError, TypeError):
        raise Unprocessable("The private key is not an unencrypted PEM key.") from None
    leaf = chain[0]
    pub = serialization.PublicFormat.SubjectPublicKeyInfo
    if key.public_key().public_bytes(serialization.Encoding.DER, pub) != \
            leaf.public_key().public_bytes(serialization.Encoding.DER, pub):
        raise Unprocessable("The private key does not match the certificate.")
    facts = info(leaf)
    if not covers(facts.names, domain):
        raise Unprocessable(f"The certificate does not cover {domain} "
                            f"(it names {', '.join(facts.names) or 'nothing'}).")
    now = datetime.datetime.now(datetime.UTC)
    if not facts.not_before <= now <= facts.not_after:
        raise Unprocessable(f"The certificate is not valid now (valid {facts.not_before:%Y-%m-%d}"
                            f" to {facts.not_after:%Y-%m-%d}).")
    return facts


def _write(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


def store(cert_dir: Path, app_id: uuid.UUID, domain: str, cert_pem: str, key_pem: str) -> None:
    """Key first, then the certificate: lbgen renders a domain only when both exist."""
    cert_path, key_path = paths(cert_dir, app_id, domain)
    cert_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    key_path.parent.mkdir(mode=0o700, exist_ok=True)
    key_path.parent.chmod(0o700)
    _write(key_path, key_pem.encode())
    _write(cert_path, cert_pem.encode())


def remove(cert_dir: Path, app_id: uuid.UUID, domain: str) -> bool:
    cert_path, key_path = paths(cert_dir, app_id, domain)
    found = cert_path.exists()
    cert_path.unlink(missing_ok=True)
    key_path.unlink(missing_ok=True)
    return found


def read(cert_dir: Path | None, app_id: uuid.UUID, domain: str) -> CertInfo | None:
    if cert_dir is None:
        return None
    cert_path, _ = paths(cert_dir, app_id, domain)
    try:
        return info(x509.load_pem_x509_certificates(cert_path.read_bytes())[0])
    except (OSError, ValueError):
        return None


def tls_domains(cert_dir: Path | None, app_id: uuid.UUID, domains: list[str]) -> list[str]:
    """The domains that have both files, for the route record."""
    if cert_dir is None:
        return []
    return sorted(d for d in domains if all(p.is_file() for p in paths(cert_dir, app_id, d)))
