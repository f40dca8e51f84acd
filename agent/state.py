"""Pure pieces of what the agent reports about its host (records: livestate.records)."""


def memory_to_report(last: int | None, now: int, total: int, step: float) -> int:
    """Hysteresis: keep the last figure until free memory moves by `step` of the total."""
    if last is None or abs(now - last) >= step * max(total, 1):
        return now
    return last


def read_mem_available(meminfo: str) -> int:
    for line in meminfo.splitlines():
        if line.startswith("MemAvailable:"):
            return int(line.split()[1]) * 1024
    return 0
