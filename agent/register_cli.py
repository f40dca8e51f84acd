"""`python -m agent.register_cli`: register this host once (used by install.sh)."""

import asyncio

from agent.register import load_host_id, register
from agent.settings import AgentSettings


def main() -> None:
    settings = AgentSettings.from_env()
    host_id = load_host_id(settings) or asyncio.run(register(settings))
    print(f"dockyard: registered as host {host_id}")


if __name__ == "__main__":
    main()
