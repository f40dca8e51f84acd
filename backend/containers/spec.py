"""Pure: a version, its app and a host → the Docker create config for one container."""

import posixpath
from typing import Any

from livestate import labels

NS = 1_000_000_000  # Docker wants health-check durations in nanoseconds


def container_name(container_id: str) -> str:
    """Deterministic: a retried create finds the container the first attempt made."""
    return f"dy-{container_id}"


def health_test(check: dict[str, Any], ports: list[dict[str, Any]]) -> list[str]:
    """Run inside the container, so it uses tools images have: wget for HTTP, nc for TCP.

    No wget -T: Debian's static busybox crashes with it; Docker's own Timeout bounds
    the check anyway. busybox nc has no -z, so TCP connects with stdin closed.
    """
    port = check.get("port") or (ports[0]["container_port"] if ports else None)
    if check["type"] == "http":
        url = f"http://127.0.0.1:{port}{check.get('path') or '/'}"
        return ["CMD", "wget", "-q", "-O", "/dev/null", url]
    if check["type"] == "tcp":
        return ["CMD-SHELL", f"nc -w {check['timeout_s']} 127.0.0.1 {int(port or 0)} </dev/null"]
    return ["CMD", *check["command"]]


def healthcheck(check: dict[str, Any] | None, ports: list[dict[str, Any]]) -> dict[str, Any]:
    if not check:
        return {"Test": ["NONE"]}
    return {"Test": health_test(check, ports), "Interval": check["interval_s"] * NS,
            "Timeout": check["timeout_s"] * NS, "Retries": check["retries"],
            "StartPeriod": check["start_period_s"] * NS}


def binds(version: dict[str, Any], app_id: str, data_root: str) -> list[str]:
    out = []
    for v in version["volumes"]:
        mode = ":ro" if v.get("read_only") else ""
        if v.get("volume"):
            out.append(f"dy-{app_id}-{v['volume']}:{v['container_path']}{mode}")
        else:
            source = posixpath.join(data_root, app_id, v["data_dir"])
            out.append(f"{source}:{v['container_path']}{mode}")
    return out


def create_config(*, version: dict[str, Any], app_id: str, group_id: str, cluster_id: str,
                  container_id: str, host_address: str, data_root: str) -> dict[str, Any]:
    ports = version["ports"]
    exposed: dict[str, dict[str, Any]] = {
        f"{p['container_port']}/{p['protocol']}": {} for p in ports}
    bindings = {key: [{"HostIp": host_address, "HostPort": ""}] for key in exposed}
    config: dict[str, Any] = {
        "Image": version["image"],
        "Env": [f"{k}={v}" for k, v in sorted(version["env"].items())],
        "Labels": {labels.MANAGED: "true", labels.APP: app_id, labels.GROUP: group_id,
                   labels.CLUSTER: cluster_id, labels.CONTAINER: container_id,
                   labels.VERSION: str(version["number"])},
        "ExposedPorts": exposed,
        "Healthcheck": healthcheck(version.get("health_check"), ports),
        "StopTimeout": 10,
        "HostConfig": {
            "PortBindings": bindings,
            "Memory": version["memory_mb"] * 1024 * 1024,
            "CpuShares": version["cpu_shares"],
            "RestartPolicy": {"Name": "unless-stopped"},
            "Binds": binds(version, app_id, data_root),
            "Init": True,
        },
    }
    if version.get("command"):
        config["Cmd"] = version["command"]
    return config
