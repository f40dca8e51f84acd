"""The stack's env file: KEY=VALUE lines that a shell can source and Python can read."""

from __future__ import annotations

import shlex
from pathlib import Path


def write(path: Path, values: dict[str, str]) -> None:
    lines = ["# Written by scripts/stack.py; sourced by the API, the worker and the tests."]
    lines += [f"{key}={shlex.quote(value)}" for key, value in values.items()]
    tmp = path.with_suffix(".tmp")
    tmp.write_text("\n".join(lines) + "\n")
    tmp.replace(path)  # readers never see half a file


def read(path: Path) -> dict[str, str]:
    values = {}
    for line in path.read_text().splitlines():
        if line and not line.startswith("#"):
            key, _, value = line.partition("=")
            values[key] = shlex.split(value)[0] if value else ""
    return values
