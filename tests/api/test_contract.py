"""The committed contract matches the code: a stale spec or client fails here."""

import filecmp
import json
import subprocess
import sys
from pathlib import Path

from backend.main import create_app

ROOT = Path(__file__).resolve().parents[2]


def test_openapi_json_is_current() -> None:
    committed = json.loads((ROOT / "openapi" / "openapi.json").read_text())
    assert committed == create_app(lifespan=False).openapi(), "run `make openapi`"


def test_operation_ids_read_tag_colon_name() -> None:
    spec = create_app(lifespan=False).openapi()
    for path, ops in spec["paths"].items():
        for method, op in ops.items():
            tag, _, name = op["operationId"].partition(":")
            assert tag == op["tags"][0] and name, (method, path)


def _diff(a: filecmp.dircmp[str]) -> list[str]:
    out = [*a.left_only, *a.right_only, *a.diff_files]
    for sub in a.subdirs.values():
        out += _diff(sub)
    return out


def test_python_client_is_current(tmp_path: Path) -> None:
    out = tmp_path / "dockyard_client"
    generator = Path(sys.executable).parent / "openapi-python-client"
    subprocess.run([str(generator), "generate", "--path", str(ROOT / "openapi/openapi.json"),
                    "--config", str(ROOT / "openapi/client-config.yaml"), "--meta", "none",
                    "--output-path", str(out)], check=True, capture_output=True)
    cmp = filecmp.dircmp(out, ROOT / "openapi/python-client/dockyard_client",
                         ignore=["__pycache__"])
    assert _diff(cmp) == [], "run `make openapi`"
