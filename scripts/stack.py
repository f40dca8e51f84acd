#!/usr/bin/env python3
"""Start, stop and inspect Dockyard's service stack on loopback (stdlib only).

    scripts/stack.py up     [--profile dev|test] [--home DIR] [--services a,b] [--with-app]
    scripts/stack.py down   [--profile dev|test] [--home DIR] [--services a,b]
    scripts/stack.py status [--profile dev|test] [--home DIR]
    scripts/stack.py clean  [--profile dev|test] [--home DIR]   (down, then delete all data)

Units, in start order: pg redis etcd registry docker nginx (services), migrate admin
images (setup steps), api worker (the app, added by --with-app). Each profile has its own
ports, bridge and home (.dockyard/ or .dockyard-test/, or --home, or $DOCKYARD_HOME), so
a dev and a test stack run side by side. Everything started is tracked by pid file.
"""

from __future__ import annotations

import argparse
import fcntl
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from stacklib import envfile, procs
from stacklib.base import Service
from stacklib.config import PROFILES, REPO, VENV_BIN, Stack, resolve_home
from stacklib.engine import DockerEngine
from stacklib.services import Api, Etcd, Nginx, Postgres, Redis, Registry, Worker

SERVICES = ("pg", "redis", "etcd", "registry", "docker", "nginx")
STEPS = ("migrate", "admin", "images")
APP = ("api", "worker")
DEFAULT_UNITS = {
    "dev": (*SERVICES, "migrate", "admin", "images"),
    "test": (*SERVICES, "migrate", "images"),
}


def build_services(stack: Stack) -> dict[str, Service]:
    return {
        "pg": Postgres(stack),
        "redis": Redis(stack),
        "etcd": Etcd(stack),
        "registry": Registry(stack),
        "docker": DockerEngine(stack, stack.host(0)),
        "nginx": Nginx(stack),
        "api": Api(stack),
        "worker": Worker(stack),
    }


def extra_engines(stack: Stack) -> list[Service]:
    """Engines of further hosts (scripts/hosts), found by their pid files."""
    indexes = sorted(
        int(path.stem[len("docker"):])
        for path in stack.pid_dir.glob("docker*.pid")
        if path.stem[len("docker"):].isdigit()
    )
    return [DockerEngine(stack, stack.host(i)) for i in indexes if i > 0]


def env_values(stack: Stack) -> dict[str, str]:
    ports, host = stack.ports, stack.host(0)
    nginx = Nginx(stack)
    return {
        "DOCKYARD_DATA_DIR": str(stack.home),
        "DOCKYARD_DATABASE_URL": f"postgresql+asyncpg://dockyard@127.0.0.1:{ports.pg}/dockyard",
        "DOCKYARD_REDIS_URL": f"redis://127.0.0.1:{ports.redis}/0",
        "DOCKYARD_ETCD_ENDPOINT": f"127.0.0.1:{ports.etcd}",
        "DOCKYARD_REGISTRY_URL": f"http://127.0.0.1:{ports.registry}",
        "DOCKYARD_REGISTRY_HOST": f"127.0.0.1:{ports.registry}",
        "DOCKYARD_DOCKER_HOST": host.docker_host,
        "DOCKYARD_NGINX_URL": f"http://127.0.0.1:{ports.nginx}",
        "DOCKYARD_NGINX_CONF_DIR": str(nginx.conf_d),
        "DOCKYARD_NGINX_PID_FILE": str(nginx.pidfile),
        "DOCKYARD_HOST_ADDRESS": host.address,
        "DOCKYARD_API_URL": f"http://127.0.0.1:{ports.api}",
    }


# --- setup steps ---------------------------------------------------------------------


def _backend(stack: Stack, *args: str) -> None:
    python = VENV_BIN / "python"
    if not python.exists():
        raise procs.StackError(f"{python} is missing: run scripts/bootstrap first")
    env = {**os.environ, **envfile.read(stack.env_file)}
    result = subprocess.run([str(python), "-m", "backend.cli", *args], env=env, cwd=REPO,
                            check=False)
    if result.returncode != 0:
        raise procs.StackError(f"backend.cli {args[0]} failed ({result.returncode})")


def step_migrate(stack: Stack) -> None:
    _backend(stack, "migrate")


def step_admin(stack: Stack) -> None:
    _backend(stack, "ensure-admin", "--password-file", str(stack.home / "admin-password"))


def step_images(stack: Stack) -> None:
    script = REPO / "scripts" / "base_images.sh"
    registry = f"127.0.0.1:{stack.ports.registry}"
    result = subprocess.run(["bash", str(script), str(stack.host(0).socket), registry],
                            check=False)
    if result.returncode != 0:
        raise procs.StackError(f"{script.name} failed ({result.returncode})")


STEP_FUNCS: dict[str, Callable[[Stack], None]] = {
    "migrate": step_migrate,
    "admin": step_admin,
    "images": step_images,
}


# --- commands --------------------------------------------------------------------------


def say(name: str, message: str) -> None:
    print(f"{name:<9} {message}", flush=True)


def start_batch(batch: list[Service]) -> None:
    """Start every service of the batch, then wait for each: their startups overlap."""
    for service in batch:
        service.check_free()  # before starting any, so a conflict leaves nothing behind
    started = [(service, time.monotonic(), service.start()) for service in batch]
    for service, t0, proc in started:
        service.wait(proc)
        if proc is None:
            say(service.name, f"already running (pid {service.pid()}) at {service.address()}")
        else:
            took = time.monotonic() - t0
            say(service.name, f"started (pid {proc.pid}) at {service.address()} in {took:.1f} s")


def cmd_up(stack: Stack, units: list[str]) -> None:
    t0 = time.monotonic()
    for path in (stack.home, stack.log_dir, stack.pid_dir):
        path.mkdir(parents=True, exist_ok=True)
    stack.marker_file.write_text(stack.profile.name + "\n")
    envfile.write(stack.env_file, env_values(stack))
    services = build_services(stack)
    batch: list[Service] = []
    for unit in units:
        if unit in STEP_FUNCS:
            start_batch(batch)
            batch = []
            step_t0 = time.monotonic()
            STEP_FUNCS[unit](stack)
            say(unit, f"done in {time.monotonic() - step_t0:.1f} s")
        else:
            batch.append(services[unit])
    start_batch(batch)
    print(f"{stack.profile.name} stack up in {time.monotonic() - t0:.1f} s; "
          f"env: {stack.env_file}", flush=True)


def cmd_down(stack: Stack, units: list[str]) -> None:
    services = build_services(stack)
    chosen = [services[u] for u in reversed(units) if u in services]
    if set(units) >= set(SERVICES):
        chosen = extra_engines(stack) + chosen
    for service in chosen:
        t0 = time.monotonic()
        outcome = service.stop()
        say(service.name, f"{outcome} in {time.monotonic() - t0:.1f} s")


def cmd_status(stack: Stack) -> None:
    services = list(build_services(stack).values()) + extra_engines(stack)
    for service in services:
        pid, state = service.state()
        say(service.name, f"{pid or '-':>7}  {state:<9}  {service.address()}")


def cmd_clean(stack: Stack) -> None:
    if stack.home.exists() and not stack.marker_file.exists():
        raise procs.StackError(f"{stack.home} is not a stack home (no profile file): not removing")
    cmd_down(stack, [*SERVICES, *APP])
    for path in (stack.home, stack.state_dir, stack.run_dir):
        procs.unmount_under(path)
        if path.exists():
            shutil.rmtree(path)
            say("clean", f"removed {path}")


# --- command line ------------------------------------------------------------------


@contextmanager
def locked(stack: Stack) -> Iterator[None]:
    """One up/down/clean at a time per stack: two `make up`s must not race."""
    stack.pid_dir.mkdir(parents=True, exist_ok=True)
    with (stack.pid_dir / ".lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def check_profile(stack: Stack) -> None:
    if stack.marker_file.exists():
        owner = stack.marker_file.read_text().strip()
        if owner != stack.profile.name:
            raise procs.StackError(
                f"{stack.home} holds a {owner!r} stack, not {stack.profile.name!r}: "
                f"pick another --home"
            )


def select_units(args: argparse.Namespace) -> list[str]:
    order = [*SERVICES, *STEPS, *APP]
    if args.services:
        wanted = {name.strip() for name in args.services.split(",") if name.strip()}
        unknown = wanted - set(order)
        if unknown:
            raise procs.StackError(f"unknown units {sorted(unknown)}; known: {order}")
    elif args.command == "up":
        wanted = set(DEFAULT_UNITS[args.profile]) | (set(APP) if args.with_app else set())
    else:
        wanted = set(SERVICES) | set(APP)
    return [unit for unit in order if unit in wanted]


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["up", "down", "status", "clean"])
    parser.add_argument("--profile", choices=sorted(PROFILES), default="dev")
    parser.add_argument("--home", default=os.environ.get("DOCKYARD_HOME") or None,
                        help="data directory (default: .dockyard/ or .dockyard-test/)")
    parser.add_argument("--services", help="comma-separated units to act on")
    parser.add_argument("--with-app", action="store_true", help="also run the API and worker")
    parser.add_argument("--hosts", type=int, default=1,
                        help="simulated Docker hosts (only 1 until scripts/hosts exists)")
    return parser.parse_args(argv)


def main(argv: list[str]) -> int:
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # `stack.py status | head` is no error
    args = parse_args(argv)
    profile = PROFILES[args.profile]
    stack = Stack(profile, resolve_home(profile, args.home))
    try:
        check_profile(stack)
        if args.command == "status":
            cmd_status(stack)
            return 0
        if args.hosts > 1:
            print(f"note: --hosts {args.hosts}: only host 0 is started for now", flush=True)
        if args.command != "up" and not stack.home.exists():
            print(f"no stack at {stack.home}", flush=True)
            if args.command == "clean":
                cmd_clean(stack)
            return 0
        with locked(stack):
            if args.command == "up":
                cmd_up(stack, select_units(args))
            elif args.command == "down":
                cmd_down(stack, select_units(args))
            else:
                cmd_clean(stack)
    except procs.StackError as err:
        print(f"stack.py: {err}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
