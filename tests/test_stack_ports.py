"""The stacks' fixed ports stay out of the kernel's ephemeral range, and a taken port
names its holder (a port in that range can be taken by any outgoing connection)."""

import dataclasses
import socket
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from stacklib import config, procs  # noqa: E402
from stacklib.services import Redis  # noqa: E402


def ephemeral_range() -> tuple[int, int]:
    low, high = Path("/proc/sys/net/ipv4/ip_local_port_range").read_text().split()
    return int(low), int(high)


@pytest.mark.parametrize("profile", sorted(config.PROFILES))
def test_fixed_ports_are_below_the_ephemeral_range(profile: str) -> None:
    low, _ = ephemeral_range()
    ports = dataclasses.asdict(config.PROFILES[profile].ports)
    assert all(port < min(low, 32768) for port in ports.values()), ports
    assert len(set(ports.values())) == len(ports), "two services share a port"


def test_profiles_do_not_share_ports() -> None:
    dev, test = (set(dataclasses.asdict(config.PROFILES[p].ports).values())
                 for p in ("dev", "test"))
    assert not dev & test


def test_a_taken_port_names_its_holder(tmp_path: Path) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        port = sock.getsockname()[1]
        holder = procs.port_holder(port)
        assert holder is not None and holder.startswith("pid ") and "python" in holder

        profile = dataclasses.replace(config.PROFILES["test"], ports=dataclasses.replace(
            config.PROFILES["test"].ports, redis=port))
        redis = Redis(config.Stack(profile, tmp_path))
        with pytest.raises(procs.StackError, match=r"taken by pid \d+"):
            redis.check_free()
