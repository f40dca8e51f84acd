"""The platform's certificate authority for Docker engines reached over the network.

Each such host's engine gets a server certificate (issued at registration) and
requires client certificates from this CA (`dockerd --tlsverify`); the worker and
the API present one. Keys are EC P-256; files live in one directory, mode 600,
created atomically so several processes can share it.
"""

import datetime as dt
import ipaddress
import os
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

CA_DAYS, LEAF_DAYS = 3650, 825


def _name(common_name: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Dockyard"),
                      x509.NameAttribute(NameOID.COMMON_NAME, common_name)])


def _key_pem(key: ec.EllipticCurvePrivateKey) -> bytes:
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption())


def _write_once(path: Path, data: bytes) -> None:
    """Create `path` with `data` unless it exists; never a half-written file."""
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
    try:
        os.link(tmp, path)  # fails if another process won the race: theirs stands
    except FileExistsError:
        pass
    finally:
        tmp.unlink()


def _subject_names(names: list[str]) -> x509.SubjectAlternativeName:
    entries: list[x509.GeneralName] = []
    for name in names:
        try:
            entries.append(x509.IPAddress(ipaddress.ip_address(name)))
        except ValueError:
            entries.append(x509.DNSName(name))
    return x509.SubjectAlternativeName(entries)


class PlatformCA:
    def __init__(self, directory: Path):
        self.dir = directory
        self.ca_path, self.ca_key_path = directory / "ca.pem", directory / "ca-key.pem"

    def ensure(self) -> None:
        if self.ca_path.exists():
            return
        self.dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        key = ec.generate_private_key(ec.SECP256R1())
        now = dt.datetime.now(dt.UTC)
        cert = (x509.CertificateBuilder().subject_name(_name("Dockyard CA"))
                .issuer_name(_name("Dockyard CA")).public_key(key.public_key())
                .serial_number(x509.random_serial_number())
                .not_valid_before(now - dt.timedelta(minutes=5))
                .not_valid_after(now + dt.timedelta(days=CA_DAYS))
                .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
                .add_extension(x509.KeyUsage(digital_signature=True, key_cert_sign=True,
                                             crl_sign=True, content_commitment=False,
                                             key_encipherment=False, data_encipherment=False,
                                             key_agreement=False, encipher_only=False,
                                             decipher_only=False), critical=True)
                .sign(key, hashes.SHA256()))
        _write_once(self.ca_key_path, _key_pem(key))
        _write_once(self.ca_path, cert.public_bytes(serialization.Encoding.PEM))

    def ca_pem(self) -> bytes:
        self.ensure()
        return self.ca_path.read_bytes()

    def issue(self, common_name: str, *, server_names: list[str] | None = None
              ) -> tuple[bytes, bytes]:
        """A leaf certificate and its key (PEM): a server one if names are given."""
        self.ensure()
        ca_key = serialization.load_pem_private_key(self.ca_key_path.read_bytes(), None)
        ca_cert = x509.load_pem_x509_certificate(self.ca_path.read_bytes())
        assert isinstance(ca_key, ec.EllipticCurvePrivateKey)
        key = ec.generate_private_key(ec.SECP256R1())
        now = dt.datetime.now(dt.UTC)
        usage = ExtendedKeyUsageOID.SERVER_AUTH if server_names else \
            ExtendedKeyUsageOID.CLIENT_AUTH
        builder = (x509.CertificateBuilder().subject_name(_name(common_name))
                   .issuer_name(ca_cert.subject).public_key(key.public_key())
                   .serial_number(x509.random_serial_number())
                   .not_valid_before(now - dt.timedelta(minutes=5))
                   .not_valid_after(now + dt.timedelta(days=LEAF_DAYS))
                   .add_extension(x509.BasicConstraints(ca=False, path_length=None),
                                  critical=True)
                   .add_extension(x509.ExtendedKeyUsage([usage]), critical=False))
        if server_names:
            builder = builder.add_extension(_subject_names(server_names), critical=False)
        cert = builder.sign(ca_key, hashes.SHA256())
        return cert.public_bytes(serialization.Encoding.PEM), _key_pem(key)

    def server_files(self, name: str, server_names: list[str]) -> tuple[Path, Path]:
        """(cert, key) paths of a server certificate made once, e.g. etcd's."""
        cert_path, key_path = self.dir / f"{name}.pem", self.dir / f"{name}-key.pem"
        if not cert_path.exists():
            cert, key = self.issue(name, server_names=server_names)
            key_path.unlink(missing_ok=True)  # a key without its cert: from a crash, redo
            _write_once(key_path, key)
            _write_once(cert_path, cert)
        return cert_path, key_path

    def client_files(self) -> tuple[Path, Path]:
        """(ca, client) paths; client.pem holds the control plane's cert and its key.

        One file, written atomically: two processes racing here can never pair one's
        certificate with the other's key.
        """
        client = self.dir / "client.pem"
        if not client.exists():
            cert, key = self.issue("dockyard-control-plane")
            _write_once(client, cert + key)
        return self.ca_path, client
