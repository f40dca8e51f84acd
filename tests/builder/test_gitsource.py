"""Source URLs and refs that must never reach git as options or transports."""

from pathlib import Path

import pytest

from backend.core.config import BackendSettings
from builder.gitsource import CloneError, Source, fetch


async def _nothing(_: str) -> None:
    return None


class TestRefused:
    @pytest.mark.parametrize(("url", "ref"), [
        ("ext::sh -c touch% /tmp/pwned", "main"),
        ("file:///etc", "main"),
        ("-u/tmp/x", "main"),
        ("--upload-pack=touch /tmp/pwned", "main"),
        ("git@example.test:team/app.git", "main"),
        ("git://127.0.0.1/x.git", "--upload-pack=touch /tmp/pwned"),
        ("git://127.0.0.1/x.git", "a..b"),
        ("git://127.0.0.1/x.git", "-main"),
    ])
    async def test_nothing_runs(self, url: str, ref: str, tmp_path: Path,
                                settings: BackendSettings) -> None:
        allow = settings.model_copy(update={"git_allow_private_hosts": True})
        with pytest.raises(CloneError):
            await fetch(allow, Source(url=url, ref=ref, ref_type="branch"), tmp_path / "src",
                        tmp_path / "ssh", _nothing)
        assert not (tmp_path / "src").exists()  # refused before any git ran

    async def test_private_host_refused_unless_allowed(
            self, tmp_path: Path, settings: BackendSettings) -> None:
        strict = settings.model_copy(update={"git_allow_private_hosts": False})
        with pytest.raises(CloneError, match="host is refused"):
            await fetch(strict, Source(url="git://127.0.0.1/x.git", ref="main",
                                       ref_type="branch"), tmp_path / "src", tmp_path, _nothing)

    async def test_ssh_without_a_deploy_key(self, tmp_path: Path,
                                            settings: BackendSettings) -> None:
        allow = settings.model_copy(update={"git_allow_private_hosts": True})
        with pytest.raises(CloneError, match="no deploy key"):
            await fetch(allow, Source(url="ssh://git@127.0.0.1:1/x.git", ref="main",
                                      ref_type="branch"), tmp_path / "src", tmp_path, _nothing)
