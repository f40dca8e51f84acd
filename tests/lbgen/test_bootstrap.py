"""The config nginx starts on in compose's edge service, checked by the real nginx."""

import shutil
import subprocess
from pathlib import Path

from lbgen import bootstrap
from lbgen.settings import LbgenSettings


def settings(tmp_path: Path) -> LbgenSettings:
    return LbgenSettings(nginx_conf=tmp_path / "conf" / "nginx.conf",
                         nginx_pid_file=tmp_path / "run" / "nginx.pid",
                         nginx_access_log=tmp_path / "log" / "access.log",
                         nginx_temp_dir=tmp_path / "tmp", http_listen="127.0.0.1:18089",
                         tls_listen="127.0.0.1:18449")


def test_the_empty_config_passes_nginx_t(tmp_path: Path) -> None:
    s = settings(tmp_path)
    assert bootstrap.ensure_config(s)
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    done = subprocess.run([nginx, "-t", "-q", "-c", str(s.nginx_conf), "-e", "stderr"],
                          capture_output=True, text=True, timeout=30, check=False)
    assert done.returncode == 0, done.stderr
    assert "No app is served at this host name" in s.nginx_conf.read_text()


def test_the_last_applied_config_is_kept(tmp_path: Path) -> None:
    s = settings(tmp_path)
    s.nginx_conf.parent.mkdir(parents=True)
    s.nginx_conf.write_text("# Rendered by lbgen from etcd's /dockyard/routes/\n# the last one\n")
    assert not bootstrap.ensure_config(s)
    assert "the last one" in s.nginx_conf.read_text()


def test_a_foreign_config_is_replaced(tmp_path: Path) -> None:
    s = settings(tmp_path)
    s.nginx_conf.parent.mkdir(parents=True)
    s.nginx_conf.write_text("events {}\nhttp { server { listen 80; } }\n")
    assert bootstrap.ensure_config(s)
    assert s.nginx_conf.read_text().startswith(bootstrap.RENDERED)
