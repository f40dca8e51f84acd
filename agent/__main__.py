"""`python -m agent`: register if needed, then report this host until stopped."""

import asyncio
import logging
import signal

from agent.agent import Agent
from agent.register import load_host_id, register
from agent.settings import AgentSettings


async def main() -> None:
    settings = AgentSettings.from_env()
    host_id = load_host_id(settings) or await register(settings)
    agent = Agent(settings, host_id)
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, agent.stopping.set)
    await agent.run()


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO,
                        format="%(asctime)s %(levelname)s %(name)s %(message)s")
    asyncio.run(main())
