"""Fetch exactly one commit of a repository, shallow, into a work directory.

`git init; git fetch --depth 1 origin <sha or ref>; git checkout FETCH_HEAD`: no history,
no other branches. The URL was validated when saved and again here (scheme, no leading
'-', host allowed); it reaches git only as a configured remote, never as an argument git
could read as an option. ssh:// uses the repository's deploy key from a 0600 temp file and
a known_hosts file per repository (accept-new: the first key seen is pinned).
"""

import asyncio
import os
import shlex
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path

from backend.core.config import BackendSettings
from backend.repositories import git_hosts, rules

Output = Callable[[str], Awaitable[None]]
GIT_TIMEOUT_S = 600.0


class CloneError(Exception):
    """Why the source could not be fetched, in words a person can act on."""


@dataclass(frozen=True)
class Source:
    url: str
    ref: str  # branch or tag name
    ref_type: str  # branch | tag | auto (look it up: branches first, then tags)
    commit: str | None = None  # exact sha when known (webhooks); else the ref's tip
    deploy_key: str | None = None


@dataclass(frozen=True)
class Fetched:
    commit: str
    ref_type: str  # branch | tag, as found


async def fetch(settings: BackendSettings, source: Source, dest: Path, ssh_dir: Path,
                out: Output) -> Fetched:
    """Check the commit out into dest; return its full sha and what the ref was."""
    if err := rules.git_url_error(source.url):
        raise CloneError(f"the repository's git URL is refused: {err}")
    if err := await git_hosts.host_error(settings, source.url):
        raise CloneError(f"the repository's git host is refused: {err}")
    if err := rules.ref_name_error(source.ref, "branch or tag"):
        raise CloneError(f"{source.ref!r}: {err}")
    await asyncio.to_thread(dest.mkdir, parents=True, exist_ok=True)
    env = _env(source, ssh_dir, dest)
    await _git(["init", "-q"], dest, env, out)
    await _git(["remote", "add", "--", "origin", source.url], dest, env, out)
    ref_type = source.ref_type
    if ref_type not in ("branch", "tag"):
        ref_type = await _look_up(source.ref, dest, env, out)
    full_ref = f"refs/{'tags' if ref_type == 'tag' else 'heads'}/{source.ref}"
    wanted = source.commit or full_ref
    try:
        await _git(["fetch", "--depth", "1", "--no-tags", "origin", wanted], dest, env, out)
    except CloneError:
        if source.commit is None:
            raise
        # A server that refuses fetching by sha: take the ref, and it must still be there.
        await _git(["fetch", "--depth", "1", "--no-tags", "origin", full_ref], dest, env, out)
    sha = (await _git(["rev-parse", "FETCH_HEAD^{commit}"], dest, env, out, quiet=True)).strip()
    if source.commit and sha != source.commit:
        raise CloneError(f"commit {source.commit[:12]} is no longer at {full_ref} "
                         f"(it is at {sha[:12]}); build the current one")
    await _git(["-c", "advice.detachedHead=false", "checkout", "-q", "FETCH_HEAD"],
               dest, env, out)
    await out(f"checked out {sha} ({ref_type} {source.ref})\n")
    return Fetched(commit=sha, ref_type=ref_type)


async def _look_up(ref: str, dest: Path, env: dict[str, str], out: Output) -> str:
    listed = await _git(["ls-remote", "origin", f"refs/heads/{ref}", f"refs/tags/{ref}"],
                        dest, env, out)
    names = {line.split("\t", 1)[-1] for line in listed.splitlines()}
    if f"refs/heads/{ref}" in names:
        return "branch"
    if f"refs/tags/{ref}" in names:
        return "tag"
    raise CloneError(f"the repository has no branch or tag named {ref!r}")


def _env(source: Source, ssh_dir: Path, dest: Path) -> dict[str, str]:
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(dest.parent),
           "GIT_TERMINAL_PROMPT": "0", "GIT_CONFIG_NOSYSTEM": "1", "LC_ALL": "C",
           # Only the transports the URL rules allow (ext::, file:// stay off).
           "GIT_ALLOW_PROTOCOL": "https:http:git:ssh"}
    if rules.is_ssh(source.url):
        if not source.deploy_key:
            raise CloneError("the repository has no deploy key for ssh://: create one and "
                             "add its public half to the git host")
        ssh_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        key = dest.parent / "deploy_key"
        fd = os.open(key, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(source.deploy_key.strip() + "\n")
        env["GIT_SSH_COMMAND"] = shlex.join([
            "ssh", "-i", str(key), "-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes",
            "-o", "StrictHostKeyChecking=accept-new",
            "-o", f"UserKnownHostsFile={ssh_dir / 'known_hosts'}", "-F", "/dev/null"])
    return env


async def _git(args: list[str], cwd: Path, env: dict[str, str], out: Output,
               quiet: bool = False) -> str:
    if not quiet:
        await out("$ git " + " ".join(shlex.quote(a) for a in args) + "\n")
    proc = await asyncio.create_subprocess_exec(
        "git", *args, cwd=cwd, env=env, stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    try:
        stdout, stderr = await asyncio.wait_for(proc.communicate(), GIT_TIMEOUT_S)
    except (TimeoutError, asyncio.CancelledError):
        proc.kill()
        await proc.wait()
        raise
    if stderr:
        await out(stderr.decode(errors="replace"))
    if proc.returncode != 0:
        last = stderr.decode(errors="replace").strip().splitlines()[-1:] or ["no output"]
        raise CloneError(f"git {args[0]} failed ({last[0][:300]}): check the URL, the "
                         "branch or tag, and that the platform may read the repository")
    return stdout.decode(errors="replace")
