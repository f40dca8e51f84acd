"""The scheduler stays pure: standard library and its own modules only."""

import ast
import sys
from pathlib import Path

import backend.scheduler

PACKAGE = Path(backend.scheduler.__file__).parent


class TestImports:
    def test_only_stdlib_and_own_modules(self) -> None:
        for path in sorted(PACKAGE.glob("*.py")):
            for node in ast.walk(ast.parse(path.read_text())):
                if isinstance(node, ast.Import):
                    names = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                    names = [node.module]
                else:
                    continue
                for name in names:
                    top = name.split(".")[0]
                    assert name.startswith("backend.scheduler") or \
                        top in sys.stdlib_module_names, f"{path.name} imports {name}"
