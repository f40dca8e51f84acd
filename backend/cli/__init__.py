"""Operator commands: `python -m backend.cli COMMAND` (see `--help`).

migrate, ensure-admin and openapi set a platform up; ensure-cluster and join-token let
scripts (scripts/stack.py) onboard hosts without a browser, acting as the platform
admin `admin` so the event log says who did it.
"""

import argparse
import asyncio
import sys
from pathlib import Path

from backend.cli import clusters, etcd_auth, registry, setup
from backend.core.config import get_settings


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="backend.cli")
    sub = p.add_subparsers(dest="cmd", required=True)
    sub.add_parser("migrate", help="upgrade the database to the newest schema")
    etcd = sub.add_parser("ensure-etcd-auth", help="etcd users (root, control plane, lbgen) "
                                                   "and auth on; idempotent")
    etcd.add_argument("--lbgen-password-file", type=Path, default=None)
    etcd_tls = sub.add_parser("etcd-tls", help="etcd's server certificate from the platform "
                                               "CA unless it exists; print its directory")
    etcd_tls.add_argument("--name", action="append", required=True,
                          help="an address or DNS name hosts reach etcd at (repeatable)")
    admin = sub.add_parser("ensure-admin", help="create the platform admin unless one exists")
    admin.add_argument("--password-file", type=Path, default=None)
    spec = sub.add_parser("openapi", help="write the OpenAPI spec")
    spec.add_argument("--out", type=Path, default=Path("openapi/openapi.json"))
    cluster = sub.add_parser("ensure-cluster", help="create a public cluster unless it exists; "
                                                    "print its id")
    cluster.add_argument("name")
    token = sub.add_parser("join-token", help="print a fresh join token of a cluster")
    token.add_argument("--cluster", required=True, help="the cluster's name")
    token.add_argument("--uses", type=int, default=1, help="hosts it may add (0: any number)")
    token.add_argument("--ttl", type=int, default=3600, help="seconds until it expires")
    sub.add_parser("registry-keys", help="make the registry token key and certificate "
                                          "unless they exist; print the certificate's path")
    rtoken = sub.add_parser("registry-token", help="print a short-lived platform token")
    rtoken.add_argument("--scope", action="append", required=True,
                        help="e.g. repository:library/busybox:pull,push (repeatable)")
    push = sub.add_parser("push-image", help="push a local image to the platform's registry")
    push.add_argument("--docker-host", required=True, help="e.g. unix:///run/docker.sock")
    push.add_argument("image")
    pull = sub.add_parser("pull-image", help="pull an image of the platform's registry")
    pull.add_argument("--docker-host", required=True, help="e.g. unix:///run/docker.sock")
    pull.add_argument("image")
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        run(args)
    except clusters.CliError as err:
        print(f"backend.cli {args.cmd}: {err}", file=sys.stderr)
        return 1
    return 0


def run(args: argparse.Namespace) -> None:
    if args.cmd == "migrate":
        setup.migrate()
    elif args.cmd == "ensure-etcd-auth":
        etcd_auth.ensure(args.lbgen_password_file)
    elif args.cmd == "etcd-tls":
        etcd_auth.ensure_tls(args.name)
    elif args.cmd == "ensure-admin":
        asyncio.run(setup.ensure_admin(args.password_file or
                                       get_settings().data_dir / "admin-password"))
    elif args.cmd == "openapi":
        setup.export_openapi(args.out)
    elif args.cmd == "ensure-cluster":
        asyncio.run(clusters.ensure_cluster(args.name))
    elif args.cmd == "join-token":
        asyncio.run(clusters.join_token(args.cluster, args.uses or None, args.ttl))
    elif args.cmd == "registry-keys":
        registry.ensure_keys()
    elif args.cmd == "registry-token":
        registry.platform_token(args.scope)
    elif args.cmd == "push-image":
        registry.run_push(args.docker_host, args.image)
    elif args.cmd == "pull-image":
        registry.run_pull(args.docker_host, args.image)
