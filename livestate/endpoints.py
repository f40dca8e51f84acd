"""Docker engine and etcd endpoints as the agent and the control plane both spell them."""


def docker_url(endpoint: str) -> str:
    """aiodocker speaks unix:// and http(s)://; Docker's tcp:// means plain HTTP."""
    return "http://" + endpoint[len("tcp://"):] if endpoint.startswith("tcp://") else endpoint


def host_port(endpoint: str, default_port: int = 2379) -> tuple[str, int]:
    """`host:port` (or a bare host) as a pair; `http://` prefixes are tolerated."""
    endpoint = endpoint.split("://", 1)[-1].rstrip("/")
    host, sep, port = endpoint.rpartition(":")
    if not sep:
        return endpoint or "127.0.0.1", default_port
    return host.strip("[]") or "127.0.0.1", int(port)
