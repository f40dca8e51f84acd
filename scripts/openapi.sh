#!/usr/bin/env bash
# Regenerate the API contract and its clients: `make openapi`.
# openapi/openapi.json is exported from the app; the Python client and the frontend's
# schema.gen.ts are generated from it. tests/api/test_contract.py fails when any is stale.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-.venv/bin/python}
"$PY" -m backend.cli openapi --out openapi/openapi.json
rm -rf openapi/python-client/dockyard_client
"$(dirname "$PY")/openapi-python-client" generate --path openapi/openapi.json \
  --config openapi/client-config.yaml --meta none \
  --output-path openapi/python-client/dockyard_client >/dev/null
if [[ -f frontend/package.json ]]; then
  npm run --silent gen --workspace frontend
fi
echo "openapi: spec, Python client and TypeScript schema regenerated"
