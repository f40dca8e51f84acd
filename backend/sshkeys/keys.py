"""Parsing and fingerprinting OpenSSH public keys (pure)."""

import base64
import binascii
import hashlib
from dataclasses import dataclass

from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa
from cryptography.hazmat.primitives.serialization import load_ssh_public_key

MIN_RSA_BITS = 2048
TYPES = ("ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521",
         "ssh-rsa")


class BadKey(ValueError):
    pass


@dataclass(frozen=True)
class ParsedKey:
    key_type: str
    public_key: str  # "type base64", without the comment
    fingerprint: str


def fingerprint(blob: bytes) -> str:
    digest = base64.b64encode(hashlib.sha256(blob).digest()).decode().rstrip("=")
    return f"SHA256:{digest}"


def parse(line: str) -> ParsedKey:
    fields = line.strip().split()
    if len(fields) < 2 or fields[0] not in TYPES:
        raise BadKey(f"Give one OpenSSH public key line starting with one of {', '.join(TYPES)}.")
    key_type, data = fields[0], fields[1]
    try:
        blob = base64.b64decode(data, validate=True)
        key = load_ssh_public_key(f"{key_type} {data}".encode())
    except (binascii.Error, ValueError, TypeError) as exc:
        raise BadKey(f"That is not a valid {key_type} key.") from exc
    if isinstance(key, rsa.RSAPublicKey) and key.key_size < MIN_RSA_BITS:
        raise BadKey(f"RSA keys need at least {MIN_RSA_BITS} bits; this one has "
                     f"{key.key_size}.")
    if not isinstance(key, rsa.RSAPublicKey | ec.EllipticCurvePublicKey
                      | ed25519.Ed25519PublicKey):
        raise BadKey("Only ed25519, ECDSA and RSA keys are accepted.")
    return ParsedKey(key_type, f"{key_type} {data}", fingerprint(blob))
