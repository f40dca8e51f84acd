"""`python -m lbgen.bootstrap`: the config nginx starts on, before lbgen has read etcd.

Where nginx and lbgen share a container (compose.yaml's edge service), nginx must be
running before lbgen can reload it, and it needs a config to start. This writes the
empty one (unknown hosts get 404) unless lbgen already left a config there: the last
one it applied, which `nginx -t` accepted, is the best thing to start serving again.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from lbgen import model, render
from lbgen.settings import LbgenSettings

RENDERED = "# Rendered by lbgen"


def layout(settings: LbgenSettings) -> render.Layout:
    return render.Layout(
        http_listen=settings.http_listen, tls_listen=settings.tls_listen or None,
        pid_file=str(settings.nginx_pid_file), access_log=str(settings.nginx_access_log),
        temp_dir=str(settings.nginx_temp_dir), worker_processes=settings.nginx_workers)


def ensure_config(settings: LbgenSettings) -> bool:
    """Write the empty config unless lbgen's own is there; True when it wrote one."""
    conf = settings.nginx_conf
    if conf.is_file() and conf.read_text().startswith(RENDERED):
        return False
    for directory in (conf.parent, settings.nginx_temp_dir, settings.nginx_access_log.parent,
                      settings.nginx_pid_file.parent):
        Path(directory).mkdir(parents=True, exist_ok=True)
    text, _ = render.render(model.build([]), layout(settings))
    partial = conf.with_name(conf.name + ".tmp")
    partial.write_text(text)
    os.replace(partial, conf)  # nginx never reads half a file
    return True


if __name__ == "__main__":
    try:
        wrote = ensure_config(LbgenSettings.from_env())
    except ValueError as exc:  # a bad setting
        sys.exit(f"lbgen: {exc}")
    print("lbgen: wrote the empty config" if wrote else "lbgen: kept the last applied config")
