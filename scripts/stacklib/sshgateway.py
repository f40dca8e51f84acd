"""The SSH gateway (backend.terminal.ssh_gateway): `ssh -p PORT <container>@127.0.0.1`."""

from __future__ import annotations

from .config import VENV_BIN
from .services import LOOPBACK, AppProcess, TcpService

# Fixed per profile, below 32768 (the ephemeral range); tests start their own gateway.
PORTS = {"dev": 2222, "test": 22222}


def port_of(profile: str) -> int:
    return PORTS.get(profile, PORTS["dev"])


class SshGateway(AppProcess, TcpService):
    name = "ssh"
    module = "backend.terminal.ssh_gateway"
    start_timeout = 30.0

    def port(self) -> int:
        return port_of(self.stack.profile.name)

    def command(self) -> list[str]:
        return [str(VENV_BIN / "python"), "-m", self.module]

    def env(self) -> dict[str, str]:
        return {**super().env(), "DOCKYARD_TERMINAL_SSH_HOST": LOOPBACK,
                "DOCKYARD_TERMINAL_SSH_PORT": str(self.port())}

    def ready(self) -> bool:
        return self.occupied()
