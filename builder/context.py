"""The build context tar: the checked-out source under src/, the rendered files beside it.

Built by hand (not from a directory on the engine's side) so that nothing in the source
can shadow the scripts or the Dockerfile, and deterministic (sorted, owner 0, mtime 0) so
an unchanged source gives the same COPY cache key as last time.
"""

import io
import os
import tarfile
from pathlib import Path

from builder.render import SOURCE_DIR, Rendered

DOCKERFILE = "Dockerfile"
SKIP = {".git"}


def make_tar(source: Path, rendered: Rendered) -> bytes:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.PAX_FORMAT) as tar:
        _add_bytes(tar, DOCKERFILE, rendered.dockerfile.encode())
        for name, body in sorted(rendered.files.items()):
            _add_bytes(tar, name, body, mode=0o755)
        _add_dir(tar, source, SOURCE_DIR)
    return buf.getvalue()


def _normalise(info: tarfile.TarInfo) -> tarfile.TarInfo:
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    info.mtime = 0
    return info


def _add_bytes(tar: tarfile.TarFile, name: str, body: bytes, mode: int = 0o644) -> None:
    info = tarfile.TarInfo(name)
    info.size, info.mode = len(body), mode
    tar.addfile(_normalise(info), io.BytesIO(body))


def _add_dir(tar: tarfile.TarFile, root: Path, prefix: str) -> None:
    tar.addfile(_normalise(tar.gettarinfo(str(root), prefix)))
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d not in SKIP)
        rel = Path(dirpath).relative_to(root)
        for name in [*dirnames, *sorted(filenames)]:
            path = Path(dirpath) / name
            info = _normalise(tar.gettarinfo(str(path), f"{prefix}/{rel / name}"))
            if info.isreg():
                with path.open("rb") as fh:
                    tar.addfile(info, fh)
            else:  # directories, symlinks (kept as links, never followed)
                tar.addfile(info)
