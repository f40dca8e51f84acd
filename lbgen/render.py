"""The whole nginx configuration from a model: pure, deterministic, sorted.

The generation is a hash of the rendered text, so the same routes always give the same
bytes (a fresh render after a lost watch compares equal) and nginx can say which config
it runs: `Host: lbgen.dockyard.invalid`, `GET /generation`.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from lbgen.model import Model, Route

PROBE_HOST = "lbgen.dockyard.invalid"
_GENERATION = "@@GENERATION@@"


@dataclass(frozen=True)
class Layout:
    """Where this nginx listens and keeps its files (settings, not routes)."""

    http_listen: str  # "127.0.0.1:8080"
    tls_listen: str | None  # "127.0.0.1:8443", None: no TLS port
    pid_file: str
    access_log: str
    temp_dir: str
    worker_processes: str = "auto"
    keepalive: int = 16
    # A connect on a LAN takes milliseconds: one still pending after 2 s goes to the next
    # container (proxy_next_upstream timeout) well before a client gives up.
    connect_timeout_s: int = 2
    read_timeout_s: int = 60


# Mozilla's "intermediate" TLS 1.2 suites (TLS 1.3 suites are not configurable here).
_CIPHERS = ":".join([
    "ECDHE-ECDSA-AES128-GCM-SHA256", "ECDHE-RSA-AES128-GCM-SHA256",
    "ECDHE-ECDSA-AES256-GCM-SHA384", "ECDHE-RSA-AES256-GCM-SHA384",
    "ECDHE-ECDSA-CHACHA20-POLY1305", "ECDHE-RSA-CHACHA20-POLY1305"])

_HEAD = """\
# Rendered by lbgen from etcd's /dockyard/routes/: every change here is overwritten.
# generation {generation}
worker_processes {workers};
worker_rlimit_nofile 16384;
pid {pid};
error_log stderr warn;

events {{
    worker_connections 4096;
}}

http {{
    server_tokens off;
    log_format dockyard_json escape=json '{{"time":"$time_iso8601","host":"$host",'
        '"method":"$request_method","uri":"$request_uri","status":$status,'
        '"bytes":$body_bytes_sent,"request_time":$request_time,'
        '"upstream":"$upstream_addr","upstream_status":"$upstream_status",'
        '"upstream_time":"$upstream_response_time",'
        '"upstream_connect_time":"$upstream_connect_time",'
        '"upstream_header_time":"$upstream_header_time","request_id":"$dockyard_request_id",'
        '"remote_addr":"$remote_addr","user_agent":"$http_user_agent"}}';
    access_log {access_log} dockyard_json;
    client_body_temp_path {temp}/client_body;
    proxy_temp_path {temp}/proxy;
    fastcgi_temp_path {temp}/fastcgi;
    uwsgi_temp_path {temp}/uwsgi;
    scgi_temp_path {temp}/scgi;
    server_names_hash_max_size 65536;
    server_names_hash_bucket_size 128;
    keepalive_timeout 65s;
    ssl_protocols TLSv1.2 TLSv1.3;
    ssl_ciphers {ciphers};
    ssl_prefer_server_ciphers off;
    ssl_session_cache shared:dockyard_tls:10m;

    # An empty Connection keeps upstream connections alive unless the client upgrades.
    map $http_upgrade $dockyard_connection {{
        default upgrade;
        "" "";
    }}
    # The client's request id goes through; nginx makes one when there is none.
    map $http_x_request_id $dockyard_request_id {{
        default $http_x_request_id;
        "" $request_id;
    }}

    proxy_http_version 1.1;
    proxy_set_header Host $host;
    proxy_set_header X-Real-IP $remote_addr;
    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
    proxy_set_header X-Forwarded-Proto $scheme;
    proxy_set_header X-Forwarded-Host $host;
    proxy_set_header X-Request-ID $dockyard_request_id;
    proxy_set_header Upgrade $http_upgrade;
    proxy_set_header Connection $dockyard_connection;
    proxy_connect_timeout {connect}s;
    proxy_send_timeout {read}s;
    proxy_read_timeout {read}s;
    # nginx never passes a non-idempotent request (POST, PATCH, LOCK) to a next server
    # unless "non_idempotent" is listed: only idempotent methods are retried.
    proxy_next_upstream error timeout http_502 http_503;
    proxy_next_upstream_tries 3;
    proxy_next_upstream_timeout 10s;
"""

_DEFAULT = """
    # Hosts no app claims.
    server {{
        listen {http} default_server;
        server_name _;
        location = /nginx-health {{
            access_log off;
            default_type text/plain;
            return 200 "ok\\n";
        }}
        location / {{
            default_type text/plain;
            return 404 "No app is served at this host name.\\n";
        }}
    }}
{tls_default}
    # lbgen asks which configuration runs (reserved name, RFC 6761 .invalid).
    server {{
        listen {http};
        server_name {probe};
        access_log off;
        location = /generation {{
            default_type text/plain;
            return 200 "{generation}\\n";
        }}
        location / {{
            return 404;
        }}
    }}
"""

_TLS_DEFAULT = """
    # TLS for names without a certificate: refuse the handshake.
    server {{
        listen {tls} ssl default_server;
        server_name _;
        ssl_reject_handshake on;
    }}
"""

_UNAVAILABLE = (
    '<!doctype html><title>503 No container serving</title>'
    '<h1>503</h1><p>No container of this app is serving right now.</p>\\n')


def _upstream(route: Route, keepalive: int) -> str:
    servers = "".join(f"        server {u} max_fails=1 fail_timeout=2s;\n"
                      for u in route.upstreams)
    return (f"\n    # app {route.app_id}\n    upstream {route.upstream_name} {{\n{servers}"
            f"        keepalive {keepalive};\n    }}\n")


def _location(route: Route) -> str:
    if route.upstreams:
        return (f"        location / {{\n            proxy_pass http://{route.upstream_name};\n"
                "        }\n")
    return ("        location / {\n            default_type text/html;\n"
            "            add_header Retry-After 5 always;\n"
            f"            return 503 '{_UNAVAILABLE}';\n        }}\n")


def _server(route: Route, domain: str, listen: str, tls: tuple[str, str] | None) -> str:
    head = f"\n    server {{\n        listen {listen}{' ssl' if tls else ''};\n"
    head += f"        server_name {domain};\n"
    if tls:
        head += f"        ssl_certificate {tls[0]};\n        ssl_certificate_key {tls[1]};\n"
    return head + _location(route) + "    }\n"


def _body(model: Model, layout: Layout) -> str:
    certs = {d: (c.cert_path, c.key_path) for d, c in model.certificates}
    parts = [_HEAD.format(generation=_GENERATION, workers=layout.worker_processes,
                          pid=layout.pid_file, access_log=layout.access_log,
                          temp=layout.temp_dir, ciphers=_CIPHERS, connect=layout.connect_timeout_s,
                          read=layout.read_timeout_s)]
    tls_default = _TLS_DEFAULT.format(tls=layout.tls_listen) if layout.tls_listen else ""
    parts.append(_DEFAULT.format(http=layout.http_listen, tls_default=tls_default,
                                 probe=PROBE_HOST, generation=_GENERATION))
    for route in sorted(model.routes, key=lambda r: r.app_id):
        if not route.domains:
            continue
        if route.upstreams:
            parts.append(_upstream(route, layout.keepalive))
        for domain in sorted(route.domains):
            parts.append(_server(route, domain, layout.http_listen, None))
            if layout.tls_listen and domain in certs:
                parts.append(_server(route, domain, layout.tls_listen, certs[domain]))
    parts.append("}\n")
    return "".join(parts)


def render(model: Model, layout: Layout) -> tuple[str, str]:
    """(config text, generation): the same model and layout always give the same bytes."""
    body = _body(model, layout)
    generation = hashlib.sha256(body.encode()).hexdigest()[:16]
    return body.replace(_GENERATION, generation), generation
