"""backend.cli ensure-cluster / join-token, run as scripts/stack.py runs them, on committed
data next to the live API (whose `admin` they act as)."""

import subprocess
import sys
import uuid

import httpx

from tests.conftest import ROOT, Live, auth
from tests.factories import uniq


def cli(live: Live, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "backend.cli", *args], env=live.env, cwd=ROOT,
                          capture_output=True, text=True, timeout=60, check=False)


def register(live: Live, token: str) -> httpx.Response:
    n = int(uniq("").rsplit("-", 1)[-1], 16) % 60000
    address = f"10.253.{n // 250}.{n % 250 + 1}"
    return httpx.post(live.api("/hosts/register"), json={
        "token": token, "name": uniq("cli-node"), "address": address,
        "docker_endpoint": f"tcp://{address}:2375"})


class TestEnsureCluster:
    def test_creates_a_public_cluster_once(self, live: Live, admin_token: str) -> None:
        name = uniq("cli")
        first, second = cli(live, "ensure-cluster", name), cli(live, "ensure-cluster", name)
        assert first.returncode == 0 and second.returncode == 0, first.stderr + second.stderr
        cluster_id = uuid.UUID(first.stdout.strip())
        assert second.stdout.strip() == str(cluster_id)
        got = httpx.get(live.api(f"/clusters/{cluster_id}"), headers=auth(admin_token)).json()
        assert got["name"] == name and got["public"] is True

    def test_refuses_an_invalid_name(self, live: Live) -> None:
        result = cli(live, "ensure-cluster", "Not A Name")
        assert result.returncode == 1 and result.stdout == ""
        assert "name" in result.stderr


class TestJoinToken:
    def test_token_admits_as_many_hosts_as_its_uses(self, live: Live, admin_token: str) -> None:
        name = uniq("cli")
        cluster_id = cli(live, "ensure-cluster", name).stdout.strip()
        made = cli(live, "join-token", "--cluster", name, "--uses", "2", "--ttl", "120")
        assert made.returncode == 0, made.stderr
        token = made.stdout.strip()
        assert [register(live, token).status_code for _ in range(3)] == [201, 201, 401]
        events = httpx.get(live.api("/events"), headers=auth(admin_token), params={
            "target_type": "cluster", "target_id": cluster_id}).json()["items"]
        minted = [e for e in events if e["action"] == "cluster.join_token"]
        assert len(minted) == 1 and minted[0]["actor_name"] == "admin"
        assert minted[0]["detail"] == {"max_uses": 2, "expires_in_s": 120}

    def test_refuses_an_unknown_cluster_and_bad_limits(self, live: Live) -> None:
        missing = cli(live, "join-token", "--cluster", uniq("nowhere"))
        assert missing.returncode == 1 and "no cluster named" in missing.stderr
        too_short = cli(live, "join-token", "--cluster", "x", "--ttl", "5")
        assert too_short.returncode == 1 and "expires_in_s" in too_short.stderr
