"""The Dockerfile renderer against golden files, and its refusals.

Regenerate the golden files after an intended change:
BUILDER_UPDATE_GOLDEN=1 pytest tests/builder/test_render.py
"""

import os
from pathlib import Path

import pytest

from builder.render import BuildSpec, RenderError, quote, render

GOLDEN = Path(__file__).parent / "golden"
BUSYBOX = "127.0.0.1:5000/library/busybox:1.35"

CASES = {
    "busybox_httpd": BuildSpec(
        base_image=BUSYBOX,
        build_script="mkdir -p /www && cp index.html /www/\n",
        start_script="exec httpd -f -p 8080 -h /www",
        ports=[8080]),
    "python_all_settings": BuildSpec(
        base_image="127.0.0.1:5000/library/python:3-bookworm",
        build_script="pip install -r requirements.txt\n",
        start_script="exec python3 app.py\n",
        ports=[9000, 8080, 8080],
        volumes=["/data", "/var/lib/app/"],
        build_env={"PIP_INDEX_URL": "https://pypi.org/simple", "A_FLAG": "1"}),
    "no_build_script": BuildSpec(base_image=BUSYBOX, start_script="exec sleep 1000"),
    "hostile_env_values": BuildSpec(
        base_image=BUSYBOX, start_script="true",
        build_env={"DOLLAR": "$HOME ${PATH}", "QUOTES": "\"'`", "BACKSLASH": "a\\\\b\\",
                   "INSTRUCTION": "x\" \\\nRUN id", "EMPTY": ""}),
}
# INSTRUCTION above holds a line break: that case must be refused, not rendered.
REFUSED_CASE = "hostile_env_values"


class TestRender:
    @pytest.mark.parametrize("case", sorted(set(CASES) - {REFUSED_CASE}))
    def test_golden(self, case: str) -> None:
        rendered = render(CASES[case])
        text = rendered.dockerfile + "".join(
            f"\n# --- {name}\n{body.decode()}" for name, body in sorted(rendered.files.items()))
        path = GOLDEN / f"{case}.Dockerfile"
        if os.environ.get("BUILDER_UPDATE_GOLDEN"):
            path.write_text(text)
        assert text == path.read_text()

    def test_hostile_values_are_quoted(self) -> None:
        spec = CASES[REFUSED_CASE]
        env = {k: v for k, v in spec.build_env.items() if k != "INSTRUCTION"}
        out = render(BuildSpec(base_image=BUSYBOX, start_script="true", build_env=env))
        lines = out.dockerfile.splitlines()
        assert 'ARG DOLLAR="\\$HOME \\${PATH}"' in lines
        assert 'ARG QUOTES="\\"\'`"' in lines
        assert 'ARG BACKSLASH="a\\\\\\\\b\\\\"' in lines
        assert 'ARG EMPTY=""' in lines
        # One instruction per line: no value opened a new one.
        assert [line.split()[0] for line in lines[1:]] == [
            "FROM", "ARG", "ARG", "ARG", "ARG", "WORKDIR", "COPY", "COPY", "ENTRYPOINT"]

    def test_scripts_are_files_not_lines(self) -> None:
        evil = 'echo hi\nRUN rm -rf /\n" ] ; ENTRYPOINT ["x'
        out = render(BuildSpec(base_image=BUSYBOX, build_script=evil, start_script=evil))
        assert "rm -rf" not in out.dockerfile
        assert out.files["dockyard/build.sh"] == (evil + "\n").encode()

    def test_deterministic(self) -> None:
        spec = CASES["python_all_settings"]
        assert render(spec) == render(spec)


class TestRefusals:
    @pytest.mark.parametrize(("changes", "message"), [
        ({"base_image": "busybox\nRUN id"}, "base image"),
        ({"base_image": "127.0.0.1:5000/lib/x:$TAG"}, "base image"),
        ({"base_image": "--platform=x 127.0.0.1:5000/a/b"}, "base image"),
        ({"base_image": "127.0.0.1:5000/A/b"}, "base image"),
        ({"build_env": {"1BAD": "x"}}, "build_env name"),
        ({"build_env": {"A B": "x"}}, "build_env name"),
        ({"build_env": {"A=B": "x"}}, "build_env name"),
        ({"build_env": {"OK": "line\nbreak"}}, "line breaks"),
        ({"build_env": {"OK": "cr\rhere"}}, "line breaks"),
        ({"ports": [0]}, "port"),
        ({"ports": [70000]}, "port"),
        ({"ports": [True]}, "port"),
        ({"volumes": ["relative"]}, "volume"),
        ({"volumes": ["/"]}, "volume"),
        ({"volumes": ["/a/../etc"]}, "volume"),
        ({"volumes": ["/$HOME"]}, "volume"),
        ({"volumes": ['/a"]']}, "volume"),
        ({"volumes": ["/a b"]}, "volume"),
        ({"start_script": "  \n"}, "start_script is empty"),
        ({"build_script": "x" * (256 * 1024 + 1)}, "build_script"),
    ])
    def test_refused(self, changes: dict[str, object], message: str) -> None:
        base: dict[str, object] = {"base_image": BUSYBOX, "start_script": "true"}
        with pytest.raises(RenderError, match=message):
            render(BuildSpec(**{**base, **changes}))  # type: ignore[arg-type]

    def test_env_line_break_refused(self) -> None:
        with pytest.raises(RenderError, match="INSTRUCTION"):
            render(CASES[REFUSED_CASE])


class TestQuote:
    @pytest.mark.parametrize(("value", "want"), [
        ("plain", '"plain"'), ("$x", '"\\$x"'), ('"', '"\\""'), ("\\", '"\\\\"'),
        ("tab\there", '"tab\there"')])
    def test_quote(self, value: str, want: str) -> None:
        assert quote(value) == want
