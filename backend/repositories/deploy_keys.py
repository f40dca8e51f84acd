"""Per-repository ssh deploy keys: Ed25519, both halves in OpenSSH format."""

from dataclasses import dataclass

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey


@dataclass(frozen=True)
class DeployKey:
    private: str  # stays in the database; the builder hands it to git over ssh
    public: str  # shown to paste into the git host, as a read-only deploy key


def generate(comment: str) -> DeployKey:
    key = Ed25519PrivateKey.generate()
    private = key.private_bytes(serialization.Encoding.PEM,
                                serialization.PrivateFormat.OpenSSH,
                                serialization.NoEncryption()).decode()
    public = key.public_key().public_bytes(serialization.Encoding.OpenSSH,
                                           serialization.PublicFormat.OpenSSH).decode()
    return DeployKey(private=private, public=f"{public} {comment}")
