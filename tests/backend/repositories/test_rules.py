"""The pure checks of a repository's build configuration."""

import pytest

from backend.builds.service import manual_ref
from backend.repositories import deploy_keys, rules


class TestGitUrlError:
    @pytest.mark.parametrize("url", [
        "https://git.example.com/team/app.git",
        "http://127.0.0.1:8418/app.git",
        "git://git.example.com/app",
        "ssh://git@git.example.com/team/app.git",
        "ssh://git@git.example.com:2222/team/app.git",
        "https://[::1]:3000/app.git",
        "HTTPS://git.example.com/x",
    ])
    def test_accepts(self, url: str) -> None:
        assert rules.git_url_error(url) is None

    @pytest.mark.parametrize(("url", "says"), [
        ("", "URL"),
        ("ext::sh -c touch% /tmp/pwned", "spaces"),
        ("ext::ssh", "only https"),
        ("file:///etc/passwd", "only https"),
        ("/srv/git/app.git", "only https"),
        ("-u/bin/sh", "'-'"),
        ("--upload-pack=touch /tmp/x", "'-'"),
        ("git@github.com:team/app.git", "only https"),
        ("https://git.example.com/a b", "spaces"),
        ("https://git.example.com/a\nb", "control"),
        ("https://git.example.com/a\tb", "control"),
        ("https://git.example.com/a\x7f", "control"),
        ("ssh://-oProxyCommand=touch%20x/app", "host"),
        ("ssh://git@-oProxyCommand=x/app", "host"),
        ("ssh://-oProxyCommand@git.example.com/app", "user"),
        ("https://user:secret@git.example.com/app.git", "password"),
        ("https://user@git.example.com/app.git", "only ssh"),
        ("https://git.example.com", "path"),
        ("https://git.example.com/", "path"),
        ("https://git.example.com:99999/app", "only https"),
        ("https:///app.git", "no host"),
        ("https://git.example.com/app#frag", "fragment"),
        ("https://" + "a" * 1100, "longer"),
    ])
    def test_refuses(self, url: str, says: str) -> None:
        err = rules.git_url_error(url)
        assert err is not None and says in err, err


class TestPrivateHosts:
    @pytest.mark.parametrize("address", [
        "127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "::1",
        "fe80::1", "fc00::1", "0.0.0.0", "100.64.0.1", "::ffff:127.0.0.1",  # noqa: S104
        "224.0.0.1", "fe80::1%eth0"])
    def test_non_public(self, address: str) -> None:
        assert rules.non_public_addresses([address]) == [address]
        assert "private" in (rules.private_host_error("h", [address]) or "")

    def test_public_passes(self) -> None:
        assert rules.private_host_error("h", ["140.82.121.3", "2606:4700::1111"]) is None

    def test_one_private_address_is_enough_to_refuse(self) -> None:
        assert rules.private_host_error("h", ["140.82.121.3", "10.0.0.1"]) is not None

    def test_unresolvable(self) -> None:
        assert "does not resolve" in (rules.private_host_error("nowhere", []) or "")


class TestOtherFields:
    def test_ports(self) -> None:
        assert rules.ports_error([80, 443]) is None
        assert "once" in (rules.ports_error([80, 80]) or "")
        assert rules.ports_error([0]) is not None
        assert rules.ports_error([65536]) is not None

    @pytest.mark.parametrize("path", ["data", "/data/../etc", "/a/./b", "/", "/a:b"])
    def test_bad_volume_paths(self, path: str) -> None:
        assert rules.volume_path_error(path) is not None

    def test_volumes(self) -> None:
        assert rules.volumes_error(["/data", "/cache"]) is None
        assert "once" in (rules.volumes_error(["/data", "/data"]) or "")

    def test_script_size(self) -> None:
        assert rules.script_error("build script", "x" * rules.MAX_SCRIPT) is None
        assert "KiB" in (rules.script_error("build script", "x" * (rules.MAX_SCRIPT + 1)) or "")
        # bytes, not characters: 3-byte characters fill 64 KiB sooner
        assert rules.script_error("s", "€" * (rules.MAX_SCRIPT // 3 + 1)) is not None

    def test_build_env(self) -> None:
        assert rules.build_env_error({"PIP_INDEX_URL": "https://x", "_A1": ""}) is None
        assert rules.build_env_error({"1A": "x"}) is not None
        assert rules.build_env_error({"A-B": "x"}) is not None
        big = {f"V{i}": "x" * 30000 for i in range(3)}  # each value fits, not all of them
        assert "64 KiB" in (rules.build_env_error(big) or "")

    @pytest.mark.parametrize("ref", ["main", "release/1.x", "v1.4.0", "feature_a"])
    def test_good_refs(self, ref: str) -> None:
        assert rules.ref_name_error(ref) is None

    @pytest.mark.parametrize("ref", ["", "-x", "a..b", "a b", "a~1", "x.lock", "a/", "a@{1}",
                                     "a:b", "/a", "x" * 256])
    def test_bad_refs(self, ref: str) -> None:
        assert rules.ref_name_error(ref) is not None


class TestManualRef:
    @pytest.mark.parametrize(("ref", "want"), [
        (None, ("main", "branch")),
        ("main", ("main", "branch")),
        ("refs/tags/v1.4.0", ("v1.4.0", "tag")),
        ("refs/heads/dev", ("dev", "branch")),
        ("v2", ("v2", "auto")),
    ])
    def test_resolution(self, ref: str | None, want: tuple[str, str]) -> None:
        assert manual_ref(ref, "main") == want


def test_deploy_key_is_openssh_ed25519() -> None:
    key = deploy_keys.generate("dockyard-deploy@ns/app")
    assert key.public.startswith("ssh-ed25519 AAAA")
    assert key.public.endswith(" dockyard-deploy@ns/app")
    assert key.private.startswith("-----BEGIN OPENSSH PRIVATE KEY-----")
    assert deploy_keys.generate("x").public != key.public
