"""Property tests for the version validators: what they accept is safe to run."""

import posixpath
import string

from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from backend.versions import rules
from backend.versions.schemas import VersionCreate

env_names = st.from_regex(r"[A-Za-z_][A-Za-z0-9_]{0,30}", fullmatch=True)


class TestEnvRules:
    @given(env_names, st.text(alphabet=st.characters(blacklist_characters="\n\r\x00"),
                              max_size=50))
    def test_valid_names_and_values_pass(self, name: str, value: str) -> None:
        spec = VersionCreate(image="busybox:1", env={name: value})
        assert spec.env == {name: value}

    @given(st.text(max_size=20))
    def test_names_accepted_only_when_shell_safe(self, name: str) -> None:
        ok = rules.env_name_error(name) is None
        expected = bool(name) and (name[0].isascii() and (name[0].isalpha() or name[0] == "_")) \
            and all(c in string.ascii_letters + string.digits + "_" for c in name)
        assert ok == expected

    @given(env_names, st.text(max_size=10), st.sampled_from(["\n", "\r", "\x00"]),
           st.text(max_size=10))
    def test_values_with_newlines_rejected(self, name: str, a: str, bad: str, b: str) -> None:
        assert rules.env_value_error(name, a + bad + b) is not None


class TestPathRules:
    @given(st.text(max_size=40))
    def test_accepted_container_paths_are_absolute_and_normal(self, path: str) -> None:
        if rules.container_path_error(path) is None:
            assert path.startswith("/") and posixpath.normpath(path) == path and path != "/"

    @given(st.text(max_size=40))
    def test_accepted_data_dirs_stay_inside_the_app_dir(self, sub: str) -> None:
        if rules.data_subpath_error(sub) is None:
            root = "/var/lib/dockyard/apps/app-1"
            joined = posixpath.normpath(posixpath.join(root, sub))
            assert joined.startswith(root + "/")

    @given(st.lists(st.sampled_from(["..", ".", "a", "b", ""]), min_size=1, max_size=6))
    def test_escapes_rejected(self, parts: list[str]) -> None:
        sub = "/".join(parts)
        if any(p in ("..", ".", "") for p in parts):
            assert rules.data_subpath_error(sub) is not None


class TestPortsAndMemory:
    @given(st.integers())
    def test_ports_in_range(self, port: int) -> None:
        try:
            VersionCreate(image="busybox:1", ports=[{"container_port": port}])  # type: ignore[list-item]
        except ValidationError:
            assert not 1 <= port <= 65535
        else:
            assert 1 <= port <= 65535

    @given(st.integers(min_value=-10, max_value=100000), st.integers(4, 1024))
    def test_memory_bounds(self, memory: int, cap: int) -> None:
        ok = rules.memory_error(memory, 4, cap) is None
        assert ok == (4 <= memory <= cap)
