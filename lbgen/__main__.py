"""python -m lbgen: watch the routes in etcd and keep the edge nginx serving them."""

from __future__ import annotations

import asyncio
import logging
import signal
import sys

from lbgen.service import Lbgen
from lbgen.settings import LbgenSettings
from livestate.store import EtcdStore


async def main() -> None:
    settings = LbgenSettings.from_env()
    host, port = settings.etcd_host_port
    store = EtcdStore(host, port, settings.etcd_username, settings.etcd_password())
    logging.getLogger("lbgen").info(
        "lbgen %s: etcd %s, nginx %s, edge http %s tls %s", settings.instance,
        settings.etcd_endpoint, settings.nginx_conf, settings.http_listen,
        settings.tls_listen or "off")
    service = Lbgen(settings, store)
    main_task = asyncio.current_task()
    assert main_task is not None
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, main_task.cancel)
    try:
        await service.run()
    except asyncio.CancelledError:
        # nginx keeps serving the last config; the status key goes with its lease.
        await asyncio.wait({asyncio.ensure_future(service.stop())}, timeout=3)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, stream=sys.stderr,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        asyncio.run(main())
    except ValueError as exc:  # a bad setting
        sys.exit(f"lbgen: {exc}")
