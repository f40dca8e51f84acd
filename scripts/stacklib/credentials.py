"""The stack's generated credentials: one file per secret, mode 600, in <home>/secrets/.

Every service of the stack needs a credential (PostgreSQL, Redis, etcd); the processes
read them from these files through their settings (`*_PASSWORD_FILE`), never from argv
or the env file, so `ps` and the env file show no password.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from .config import Stack

NAMES = ("pg", "redis", "etcd-root", "etcd-dockyard", "etcd-lbgen")


def directory(stack: Stack) -> Path:
    return stack.home / "secrets"


def path(stack: Stack, name: str) -> Path:
    return directory(stack) / f"{name}-password"


def read(stack: Stack, name: str) -> str:
    return path(stack, name).read_text().strip()


def ensure_all(stack: Stack) -> None:
    """Make each missing secret once; existing ones are kept (data depends on them)."""
    folder = directory(stack)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    folder.chmod(0o700)
    for name in NAMES:
        target = path(stack, name)
        if target.exists():
            continue
        tmp = target.with_suffix(".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(secrets.token_urlsafe(24) + "\n")
        os.replace(tmp, target)  # never half a password, never world-readable
