"""compose.yaml must stay a valid Compose file that configures the app like the loopback
stack does. Debian's docker-compose (installed by scripts/bootstrap) is the validator:
a missing one is a broken machine, not a reason to skip."""

import importlib
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def compose_config(*args: str) -> str:
    compose = shutil.which("docker-compose")
    assert compose, "docker-compose is not installed: run scripts/bootstrap"
    result = subprocess.run(
        [compose, "-f", str(ROOT / "compose.yaml"), "config", *args],
        capture_output=True, text=True, timeout=60, check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def stack_env_names() -> set[str]:
    """The variables scripts/stack.py writes into a stack's env file."""
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        stack = importlib.import_module("stack")
        config = importlib.import_module("stacklib.config")
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    home = ROOT / ".dockyard-test"
    return set(stack.env_values(config.Stack(config.PROFILES["test"], home)))


class TestComposeFile:
    def test_config_validates(self) -> None:
        compose_config("-q")

    def test_app_services_get_every_setting_the_stack_writes(self) -> None:
        services = yaml.safe_load(compose_config())["services"]
        # lbgen's own settings (LBGEN_*) belong to lbgen, not to the control plane.
        expected = {n for n in stack_env_names() if n.startswith("DOCKYARD_")}
        for name in ("migrate", "api", "worker"):
            assert set(services[name]["environment"]) == expected, name

    def test_no_literal_credentials(self) -> None:
        """Every credential comes from a generated secret file, never the YAML itself."""
        services = yaml.safe_load(compose_config())["services"]
        for name, service in services.items():
            env = service.get("environment") or {}
            for key, value in env.items():
                if "PASSWORD" in key:
                    assert key.endswith("_FILE") and str(value).startswith("/run/secrets/"), \
                        (name, key)
            assert "@" not in str(env.get("DOCKYARD_DATABASE_URL", "")).split("//")[-1] \
                .split("/")[0].replace("dockyard@", ""), name
