#!/usr/bin/env python3
"""Start, stop and inspect Dockyard's service stack on loopback (stdlib only).

    scripts/stack.py up     [--profile dev|test] [--home DIR] [--services a,b] [--with-app]
                            [--hosts N]
    scripts/stack.py down   [--profile dev|test] [--home DIR] [--services a,b]
    scripts/stack.py status [--profile dev|test] [--home DIR]
    scripts/stack.py clean  [--profile dev|test] [--home DIR]   (down, then delete all data)
    scripts/stack.py hosts up N | hosts down   (scripts/hosts: hosts of a running stack)

Units, in start order: pg redis etcd registry docker nginx (services), migrate admin
cluster images (setup steps), api worker builder ssh agents (the app, added by --with-app;
ssh is the SSH gateway into containers). Each
profile has its own ports, bridge and home (.dockyard/ or .dockyard-test/, or --home, or
$DOCKYARD_HOME), so a dev and a test stack run side by side. Everything started is
tracked by pid file.

Hosts: `docker` is the engines of hosts 0..N-1 (--hosts N, default 1), each with its own
bridge, data root and loopback address; `agents` (dev only: tests start their own) runs
one agent per host, registered through the API into the public cluster `default`.
`hosts up N` brings a running stack to hosts 0..N-1; `hosts down` stops every host but 0.
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

from stacklib import credentials, envfile, procs
from stacklib.agents import Agent, known_agents
from stacklib.base import Service
from stacklib.config import MAX_HOSTS, PROFILES, REPO, VENV_BIN, Stack, resolve_home
from stacklib.edge import EdgeNginx, Lbgen, edge_env
from stacklib.engine import DockerEngine
from stacklib.services import Api, Builder, Etcd, Postgres, Redis, Registry, Worker
from stacklib.sshgateway import SshGateway, port_of

SERVICES = ("pg", "redis", "etcd", "registry", "docker", "nginx")
STEPS = ("etcd-auth", "migrate", "admin", "cluster", "images")
APP = ("lbgen", "api", "worker", "builder", "ssh", "agents")
DEFAULT_UNITS = {
    "dev": (*SERVICES, "etcd-auth", "migrate", "admin", "cluster", "images"),
    "test": (*SERVICES, "etcd-auth", "migrate", "images", "lbgen"),
}
DEFAULT_CLUSTER = "default"  # the public cluster every host of a stack joins
JOIN_TOKEN_TTL_S = 600


def build_services(stack: Stack) -> dict[str, Service]:
    return {
        "pg": Postgres(stack),
        "redis": Redis(stack),
        "etcd": Etcd(stack),
        "registry": Registry(stack),
        "docker": DockerEngine(stack, stack.host(0)),
        "nginx": EdgeNginx(stack),
        "lbgen": Lbgen(stack),
        "api": Api(stack),
        "worker": Worker(stack),
        "builder": Builder(stack),
        "ssh": SshGateway(stack),
    }


def extra_engines(stack: Stack) -> list[Service]:
    """Engines of further hosts (scripts/hosts), found by their pid files."""
    indexes = sorted(
        int(path.stem[len("docker"):])
        for path in stack.pid_dir.glob("docker*.pid")
        if path.stem[len("docker"):].isdigit()
    )
    return [DockerEngine(stack, stack.host(i)) for i in indexes if i > 0]


def started_agents(stack: Stack, first: int = 0) -> list[Service]:
    return [a for a in known_agents(stack) if a.pidfile.exists() and a.host.index >= first]


def env_values(stack: Stack) -> dict[str, str]:
    ports, host = stack.ports, stack.host(0)
    return {
        **edge_env(stack),
        "DOCKYARD_DATA_DIR": str(stack.home),
        "DOCKYARD_DATABASE_URL": f"postgresql+asyncpg://dockyard@127.0.0.1:{ports.pg}/dockyard",
        "DOCKYARD_REDIS_URL": f"redis://127.0.0.1:{ports.redis}/0",
        "DOCKYARD_TERMINAL_SSH_PORT": str(port_of(stack.profile.name)),
        "DOCKYARD_ETCD_ENDPOINT": f"127.0.0.1:{ports.etcd}",
        "DOCKYARD_ETCD_TLS_ENDPOINT": f"127.0.0.1:{ports.etcd_tls}",
        "DOCKYARD_DATABASE_PASSWORD_FILE": str(credentials.path(stack, "pg")),
        "DOCKYARD_REDIS_PASSWORD_FILE": str(credentials.path(stack, "redis")),
        "DOCKYARD_ETCD_USERNAME": "dockyard",
        "DOCKYARD_ETCD_PASSWORD_FILE": str(credentials.path(stack, "etcd-dockyard")),
        "DOCKYARD_ETCD_ROOT_PASSWORD_FILE": str(credentials.path(stack, "etcd-root")),
        "LBGEN_ETCD_ENDPOINT": f"127.0.0.1:{ports.etcd}",
        "LBGEN_ETCD_USERNAME": "lbgen",
        "LBGEN_ETCD_PASSWORD_FILE": str(credentials.path(stack, "etcd-lbgen")),
        "DOCKYARD_REGISTRY_URL": f"http://127.0.0.1:{ports.registry}",
        "DOCKYARD_REGISTRY_HOST": f"127.0.0.1:{ports.registry}",
        "DOCKYARD_DOCKER_HOST": host.docker_host,
        "DOCKYARD_NGINX_URL": f"http://127.0.0.1:{ports.nginx}",
        "DOCKYARD_HOST_ADDRESS": host.address,
        "DOCKYARD_API_URL": f"http://127.0.0.1:{ports.api}",
        # All-in-one and tests build from git served on loopback.
        "DOCKYARD_GIT_ALLOW_PRIVATE_HOSTS": "true",
    }


# --- setup steps ---------------------------------------------------------------------


def _backend(stack: Stack, *args: str, capture: bool = False) -> str:
    """Run a backend.cli command with the stack's env; its stdout when captured."""
    python = VENV_BIN / "python"
    if not python.exists():
        raise procs.StackError(f"{python} is missing: run scripts/bootstrap first")
    env = {**os.environ, **envfile.read(stack.env_file)}
    result = subprocess.run([str(python), "-m", "backend.cli", *args], env=env, cwd=REPO,
                            check=False, stdout=subprocess.PIPE if capture else None, text=True)
    if result.returncode != 0:
        raise procs.StackError(f"backend.cli {args[0]} failed ({result.returncode})")
    return result.stdout or ""


def step_etcd_auth(stack: Stack) -> None:
    _backend(stack, "ensure-etcd-auth", "--lbgen-password-file",
             str(credentials.path(stack, "etcd-lbgen")))


def step_migrate(stack: Stack) -> None:
    _backend(stack, "migrate")


def step_admin(stack: Stack) -> None:
    _backend(stack, "ensure-admin", "--password-file", str(stack.home / "admin-password"))


def step_cluster(stack: Stack) -> None:
    _backend(stack, "ensure-cluster", DEFAULT_CLUSTER, capture=True)


def step_images(stack: Stack) -> None:
    script = REPO / "scripts" / "base_images.sh"
    registry = f"127.0.0.1:{stack.ports.registry}"
    env = {**os.environ, **envfile.read(stack.env_file)}  # the registry token key's home
    # The suite builds on every platform base image (a Python app installing a package
    # with pip is one of its tests): the test stack makes them all, once per registry;
    # `make up` makes busybox only (the rest with `make base-images`).
    which = ["all"] if stack.profile.name == "test" else []
    result = subprocess.run(["bash", str(script), str(stack.host(0).socket), registry, *which],
                            env=env, check=False)
    if result.returncode != 0:
        raise procs.StackError(f"{script.name} failed ({result.returncode})")


STEP_FUNCS: dict[str, Callable[[Stack], None]] = {
    "etcd-auth": step_etcd_auth,
    "migrate": step_migrate,
    "admin": step_admin,
    "cluster": step_cluster,
    "images": step_images,
}


def start_engines(stack: Stack, indexes: range) -> None:
    """One at a time: dockerds starting together race to create the iptables chains all
    engines share (`iptables -N DOCKER`: File exists), and the loser exits. Another
    stack's engine can still win such a race, hence one retry."""
    for i in indexes:
        engine = DockerEngine(stack, stack.host(i))
        try:
            start_batch([engine])
        except procs.StackError as err:
            if "CHAIN_USER_ADD failed" not in str(err):
                raise
            say(engine.name, "lost a race for the iptables chains; retrying")
            start_batch([engine])


def start_agents(stack: Stack, count: int) -> None:
    """Agents for hosts 0..count-1; those not registered yet share one join token."""
    agents = [Agent(stack, stack.host(i)) for i in range(count)]
    new = [a for a in agents if a.pid() is None and a.host_id() is None]
    if new:
        if not Api(stack).ready():
            raise procs.StackError("new agents register through the API, which is not "
                                   "running: start the stack with --with-app (make up)")
        token = _backend(stack, "join-token", "--cluster", DEFAULT_CLUSTER,
                         "--uses", str(len(new)), "--ttl", str(JOIN_TOKEN_TTL_S),
                         capture=True).strip()
        for agent in new:
            agent.join_token = token
    start_batch(list(agents))


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


def cmd_up(stack: Stack, units: list[str], hosts: int) -> None:
    t0 = time.monotonic()
    for path in (stack.home, stack.log_dir, stack.pid_dir):
        path.mkdir(parents=True, exist_ok=True)
    stack.marker_file.write_text(stack.profile.name + "\n")
    credentials.ensure_all(stack)
    envfile.write(stack.env_file, env_values(stack))
    services = build_services(stack)
    batch: list[Service] = []
    for unit in units:
        if unit in STEP_FUNCS or unit == "agents":
            start_batch(batch)
            if services["docker"] in batch:
                start_engines(stack, range(1, hosts))
            batch = []
            step_t0 = time.monotonic()
            if unit == "agents":
                start_agents(stack, hosts)
            else:
                STEP_FUNCS[unit](stack)
            say(unit, f"done in {time.monotonic() - step_t0:.1f} s")
        else:
            batch.append(services[unit])
    start_batch(batch)
    if services["docker"] in batch:
        start_engines(stack, range(1, hosts))
    print(f"{stack.profile.name} stack up in {time.monotonic() - t0:.1f} s; "
          f"env: {stack.env_file}", flush=True)


def cmd_down(stack: Stack, units: list[str]) -> None:
    services = build_services(stack)
    chosen = [services[u] for u in reversed(units) if u in services]
    if set(units) >= set(SERVICES):
        chosen = extra_engines(stack) + chosen
    if "agents" in units:
        chosen = started_agents(stack) + chosen  # first: each revokes its lease
    stop_all(chosen)


def stop_all(services: list[Service]) -> None:
    for service in services:
        t0 = time.monotonic()
        outcome = service.stop()
        say(service.name, f"{outcome} in {time.monotonic() - t0:.1f} s")


def cmd_status(stack: Stack) -> None:
    services = list(build_services(stack).values()) + extra_engines(stack)
    for service in services + list(known_agents(stack)):
        pid, state = service.state()
        say(service.name, f"{pid or '-':>7}  {state:<9}  {service.address()}")


def cmd_hosts(stack: Stack, action: str, count: int) -> None:
    """Bring a running stack to hosts 0..count-1 (up), or back to host 0 alone (down)."""
    if action == "down":
        stop_all(started_agents(stack, first=1) + extra_engines(stack))
        return
    if Etcd(stack).pid() is None:
        raise procs.StackError(f"no running {stack.profile.name} stack at {stack.home}: "
                               f"start it first (make up)")
    start_engines(stack, range(count))
    if stack.profile.agents:
        start_agents(stack, count)


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
        if not PROFILES[args.profile].agents:
            wanted.discard("agents")
    else:
        wanted = set(SERVICES) | set(APP)
    return [unit for unit in order if unit in wanted]


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["up", "down", "status", "clean", "hosts"])
    parser.add_argument("hosts_args", nargs="*", metavar="up N | down",
                        help="for `hosts`: bring the stack to N hosts, or back to one")
    parser.add_argument("--profile", choices=sorted(PROFILES), default="dev")
    parser.add_argument("--home", default=os.environ.get("DOCKYARD_HOME") or None,
                        help="data directory (default: .dockyard/ or .dockyard-test/)")
    parser.add_argument("--services", help="comma-separated units to act on")
    parser.add_argument("--with-app", action="store_true", help="also run the API and worker")
    parser.add_argument("--hosts", type=int, default=1,
                        help=f"simulated Docker hosts, 1 to {MAX_HOSTS} (default 1)")
    args = parser.parse_args(argv)
    args.hosts_action, count = _hosts_args(parser, args)
    args.hosts = args.hosts if count is None else count
    if not 1 <= args.hosts <= MAX_HOSTS:
        parser.error(f"hosts: 1 to {MAX_HOSTS}")
    return args


def _hosts_args(parser: argparse.ArgumentParser, args: argparse.Namespace
                ) -> tuple[str | None, int | None]:
    given = args.hosts_args
    if args.command != "hosts":
        if given:
            parser.error(f"unexpected arguments: {' '.join(given)}")
        return None, None
    if given == ["down"]:
        return "down", None
    if len(given) == 2 and given[0] == "up" and given[1].isdigit():
        return "up", int(given[1])
    parser.error("hosts takes `up N` or `down`")


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
        if args.command != "up" and not stack.home.exists():
            if args.hosts_action == "up":
                raise procs.StackError(f"no stack at {stack.home}: start it first (make up)")
            print(f"no stack at {stack.home}", flush=True)
            if args.command == "clean":
                cmd_clean(stack)
            return 0
        with locked(stack):
            if args.command == "up":
                cmd_up(stack, select_units(args), args.hosts)
            elif args.command == "hosts":
                cmd_hosts(stack, args.hosts_action, args.hosts)
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
