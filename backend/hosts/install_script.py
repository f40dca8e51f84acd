"""The shell script behind `curl …/install.sh?token=… | sh` (pure rendering)."""

import shlex

TEMPLATE = r"""#!/bin/sh
# Dockyard host installer for cluster {cluster}. Generated for one join token; it
# installs Docker and the agent, registers this machine and starts the agent.
set -eu
API={api}
TOKEN={token}
ETCD={etcd}
PREFIX="${{DOCKYARD_INSTALL_PREFIX:-/opt/dockyard-agent}}"
NAME="${{DOCKYARD_AGENT_NAME:-$(hostname)}}"
ADDRESS="${{DOCKYARD_AGENT_ADDRESS:-$(hostname -I 2>/dev/null | awk '{{print $1}}')}}"
DOCKER_URL="${{DOCKYARD_AGENT_DOCKER_HOST:-unix:///run/docker.sock}}"
# Set to https://<address>:2376 when the control plane is on another machine: the
# engine then listens there with TLS, trusting only the platform's client certificates.
ENGINE_URL="${{DOCKYARD_ENGINE_URL:-}}"

say() {{ echo "dockyard: $*"; }}

if ! command -v dockerd >/dev/null 2>&1; then
  say "installing Docker"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker.io python3-venv curl
fi
mkdir -p "$PREFIX"
chmod 700 "$PREFIX"
PY="${{DOCKYARD_AGENT_PYTHON:-}}"
if [ -z "$PY" ]; then
  say "installing the agent into $PREFIX/venv"
  python3 -m venv "$PREFIX/venv"
  "$PREFIX/venv/bin/pip" install -q {requirements}
  PY="$PREFIX/venv/bin/python"
fi
curl -fsSL "$API/api/v1/agent/source.tar.gz?token=$TOKEN" | tar -xz -C "$PREFIX"

umask 077
cat > "$PREFIX/agent.env" <<ENV
DOCKYARD_AGENT_NAME=$NAME
DOCKYARD_AGENT_ADDRESS=$ADDRESS
DOCKYARD_AGENT_DOCKER_HOST=$DOCKER_URL
DOCKYARD_AGENT_ETCD_ENDPOINT=$ETCD
DOCKYARD_AGENT_API_URL=$API
DOCKYARD_AGENT_STATE_DIR=$PREFIX/state
DOCKYARD_AGENT_ENGINE_URL=$ENGINE_URL
ENV
say "registering $NAME ($ADDRESS)"
(cd "$PREFIX" && set -a && . ./agent.env && DOCKYARD_AGENT_JOIN_TOKEN="$TOKEN" \
  "$PY" -m agent.register_cli)

TLS="$PREFIX/state/tls"
if [ -n "$ENGINE_URL" ] && [ -f "$TLS/server-cert.pem" ]; then
  PORT="${{ENGINE_URL##*:}}"
  FLAGS="-H tcp://0.0.0.0:$PORT --tlsverify --tlscacert=$TLS/ca.pem"
  FLAGS="$FLAGS --tlscert=$TLS/server-cert.pem --tlskey=$TLS/server-key.pem"
  if [ -d /run/systemd/system ]; then
    say "exposing the Docker engine on port $PORT with TLS (platform CA only)"
    mkdir -p /etc/systemd/system/docker.service.d
    cat > /etc/systemd/system/docker.service.d/dockyard-tls.conf <<DROPIN
[Service]
ExecStart=
ExecStart=/usr/sbin/dockerd -H fd:// $FLAGS --containerd=/run/containerd/containerd.sock
DROPIN
    systemctl daemon-reload
    systemctl restart docker.service
  else
    say "no systemd: start dockerd with $FLAGS"
  fi
fi

if [ -d /run/systemd/system ]; then
  cat > /etc/systemd/system/dockyard-agent.service <<UNIT
[Unit]
Description=Dockyard agent
After=docker.service network-online.target
[Service]
WorkingDirectory=$PREFIX
EnvironmentFile=$PREFIX/agent.env
ExecStart=$PY -m agent
Restart=always
RestartSec=2
[Install]
WantedBy=multi-user.target
UNIT
  systemctl daemon-reload
  systemctl enable --now dockyard-agent.service
  say "agent running under systemd (dockyard-agent.service)"
else
  (cd "$PREFIX" && set -a && . ./agent.env && \
    nohup "$PY" -m agent >"$PREFIX/agent.log" 2>&1 </dev/null & echo $! >"$PREFIX/agent.pid")
  say "agent running in the background, pid $(cat "$PREFIX/agent.pid")"
fi
"""


def render(*, api: str, token: str, etcd: str, cluster: str, requirements: list[str]) -> str:
    return TEMPLATE.format(api=shlex.quote(api), token=shlex.quote(token),
                           etcd=shlex.quote(etcd), cluster=cluster,
                           requirements=" ".join(shlex.quote(r) for r in requirements))
