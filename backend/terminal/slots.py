"""Session caps every API process and the ssh gateway agree on: leases in Redis.

Each live session holds a member in two sorted sets (its user's, its container's),
scored by when its lease runs out. A process that dies leaves leases that expire on
their own instead of holding slots for ever.
"""

from typing import Any

_ACQUIRE = """
local now, expiry = tonumber(ARGV[1]), tonumber(ARGV[2])
for i, key in ipairs(KEYS) do
  redis.call('ZREMRANGEBYSCORE', key, '-inf', now)
  if redis.call('ZCARD', key) >= tonumber(ARGV[3 + i]) then return i end
end
for _, key in ipairs(KEYS) do
  redis.call('ZADD', key, expiry, ARGV[3])
  redis.call('EXPIRE', key, math.ceil(expiry - now) + 60)
end
return 0
"""

PREFIX = "dockyard:terminal"


class Slots:
    def __init__(self, redis: Any, max_per_user: int, max_per_container: int,
                 lease_s: float) -> None:
        self.redis = redis
        self.max_per_user, self.max_per_container = max_per_user, max_per_container
        self.lease_s = lease_s

    @staticmethod
    def keys(user_id: object, container_id: object) -> list[str]:
        return [f"{PREFIX}:user:{user_id}", f"{PREFIX}:container:{container_id}"]

    async def acquire(self, session_id: str, user_id: object, container_id: object) -> str | None:
        """None when granted, else which cap is full ("user" or "container")."""
        now = await self._now()
        full = await self.redis.eval(
            _ACQUIRE, 2, *self.keys(user_id, container_id), now, now + self.lease_s,
            session_id, self.max_per_user, self.max_per_container)
        return None if int(full) == 0 else ("user", "container")[int(full) - 1]

    async def renew(self, session_id: str, user_id: object, container_id: object) -> None:
        until = await self._now() + self.lease_s
        for key in self.keys(user_id, container_id):
            await self.redis.zadd(key, {session_id: until}, xx=True)

    async def release(self, session_id: str, user_id: object, container_id: object) -> None:
        for key in self.keys(user_id, container_id):
            await self.redis.zrem(key, session_id)

    async def count(self, user_id: object, container_id: object) -> tuple[int, int]:
        now = await self._now()
        user_key, container_key = self.keys(user_id, container_id)
        return (await self.redis.zcount(user_key, now, "+inf"),
                await self.redis.zcount(container_key, now, "+inf"))

    async def _now(self) -> float:
        # Redis's clock, so processes on machines with skewed clocks agree.
        seconds, micros = await self.redis.time()
        return float(seconds) + float(micros) / 1e6
