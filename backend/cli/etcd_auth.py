"""`ensure-etcd-auth`: etcd's root, control-plane and lbgen users, then auth on."""

import asyncio
from pathlib import Path

from backend.cli.clusters import CliError
from backend.core.config import get_settings
from backend.hosts.pki import PlatformCA
from livestate import auth
from livestate.keys import DEFAULT


def ensure(lbgen_password_file: Path | None) -> None:
    settings = get_settings()
    files = {"root": settings.etcd_root_password_file,
             "control plane": settings.etcd_password_file}
    missing = [name for name, path in files.items() if path is None or not path.exists()]
    if missing or not settings.etcd_username:
        raise CliError(f"etcd credentials not configured ({', '.join(missing) or 'username'}): "
                       "set DOCKYARD_ETCD_USERNAME, DOCKYARD_ETCD_PASSWORD_FILE and "
                       "DOCKYARD_ETCD_ROOT_PASSWORD_FILE")
    users = {settings.etcd_username: (_read(settings.etcd_password_file),
                                      auth.control_plane_grants(DEFAULT))}
    if lbgen_password_file is not None:
        users[auth.LBGEN] = (_read(lbgen_password_file), auth.lbgen_grants(DEFAULT))
    host, port = settings.etcd_host_port
    asyncio.run(auth.bootstrap(host, port, _read(settings.etcd_root_password_file), users))


def _read(path: Path | None) -> str:
    assert path is not None
    return path.read_text().strip()


def ensure_tls(names: list[str]) -> None:
    """etcd's server certificate from the platform CA (made once); prints its paths."""
    cert, key = PlatformCA(get_settings().pki_dir).server_files("etcd-server", names)
    print(cert, key)
