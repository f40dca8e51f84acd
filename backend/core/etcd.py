"""Our small wrapper over aetcd, so the rest of the code never touches grpc types."""

import aetcd


class Etcd:
    def __init__(self, host: str, port: int, timeout: float = 5.0):
        self.host, self.port, self.timeout = host, port, timeout
        self._client: aetcd.Client | None = None

    async def client(self) -> aetcd.Client:
        if self._client is None:
            self._client = aetcd.Client(host=self.host, port=self.port, timeout=self.timeout)
            await self._client.connect()
        return self._client

    async def ping(self) -> None:
        client = await self.client()
        await client.status()

    async def close(self) -> None:
        if self._client is not None:
            await self._client.close()
            self._client = None
