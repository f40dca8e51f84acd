"""A git server on loopback for tests: bare repositories served by `git daemon`, and a
helper that makes commits and tags in them (webhook flow tests reuse it)."""

import os
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

GIT_ENV = {"GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.test",
           "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.test",
           "GIT_CONFIG_NOSYSTEM": "1", "HOME": tempfile.gettempdir()}


def git(*args: str, cwd: Path) -> str:
    out = subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True,
                         env={**os.environ, **GIT_ENV})
    return out.stdout.strip()


@dataclass
class GitRepo:
    name: str
    bare: Path
    work: Path
    url: str  # git://127.0.0.1:<port>/<name>.git

    def commit(self, files: dict[str, str | bytes], message: str = "change",
               branch: str = "main") -> str:
        """Write files (path -> content; None-like "" keeps an empty file), commit on
        branch, push it; the new commit's full sha."""
        current = git("symbolic-ref", "--short", "HEAD", cwd=self.work)
        if current != branch:
            exists = subprocess.run(["git", "rev-parse", "--verify", "-q", branch],
                                    cwd=self.work, capture_output=True).returncode == 0
            git("checkout", "-q", *([] if exists else ["-b"]), branch, cwd=self.work)
        for path, content in files.items():
            target = self.work / path
            target.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                target.write_bytes(content)
            else:
                target.write_text(content)
        git("add", "-A", cwd=self.work)
        git("commit", "-q", "--allow-empty", "-m", message, cwd=self.work)
        git("push", "-q", "origin", f"{branch}:refs/heads/{branch}", cwd=self.work)
        return git("rev-parse", "HEAD", cwd=self.work)

    def tag(self, name: str, ref: str = "HEAD", annotated: bool = False) -> str:
        args = ["tag", *(["-a", "-m", name] if annotated else []), name, ref]
        git(*args, cwd=self.work)
        git("push", "-q", "origin", f"refs/tags/{name}", cwd=self.work)
        return git("rev-parse", f"{name}^{{commit}}", cwd=self.work)

    def head(self, branch: str = "main") -> str:
        return git("rev-parse", f"refs/heads/{branch}", cwd=self.bare)


class GitServer:
    """`git daemon` over a directory of bare repositories, on a loopback port."""

    def __init__(self, root: Path, port: int) -> None:
        self.root, self.port = root, port
        self.base = root / "srv"
        self.base.mkdir(parents=True, exist_ok=True)
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        self.proc = subprocess.Popen(
            ["git", "daemon", "--reuseaddr", "--export-all", "--listen=127.0.0.1",
             f"--port={self.port}", f"--base-path={self.base}", str(self.base)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        end = time.monotonic() + 10
        while time.monotonic() < end:
            probe = subprocess.run(["git", "ls-remote", f"git://127.0.0.1:{self.port}/none"],
                                   capture_output=True, text=True)
            if "Connection refused" not in probe.stderr:
                return
            time.sleep(0.1)
        raise RuntimeError("git daemon did not start")

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(timeout=10)

    def create(self, name: str, files: dict[str, str | bytes] | None = None,
               branch: str = "main") -> GitRepo:
        """A new repository with one commit of files on branch."""
        bare = self.base / f"{name}.git"
        git("init", "-q", "--bare", f"--initial-branch={branch}", str(bare), cwd=self.root)
        work = self.root / "work" / name
        work.mkdir(parents=True)
        git("init", "-q", f"--initial-branch={branch}", cwd=work)
        git("remote", "add", "origin", str(bare), cwd=work)
        repo = GitRepo(name=name, bare=bare, work=work,
                       url=f"git://127.0.0.1:{self.port}/{name}.git")
        repo.commit(files or {"README": "test\n"}, "initial", branch)
        return repo

    def cleanup(self) -> None:
        self.stop()
        shutil.rmtree(self.root, ignore_errors=True)
