"""The tag rule and the normalisation of git names into Docker tags, exhaustively."""

import random
import string

import pytest

from builder.tagname import MAX_TAG, VALID_TAG, image_tag, normalise, short_ref

ALLOWED = set(string.ascii_letters + string.digits + "_.-")
TO_DASH = {c: "-" for c in range(0x300) if chr(c) not in ALLOWED} | {ord("日"): "-"}
SHA = "3f9c2ab5d1e0f00112233445566778899aabbccd"


class TestImageTag:
    def test_issue_example(self) -> None:
        assert image_tag("v1.4.0", SHA, 7) == "v1.4.0-3f9c2ab-c7"

    def test_branch_ref(self) -> None:
        assert image_tag("refs/heads/main", SHA, 1) == "main-3f9c2ab-c1"

    def test_tag_ref(self) -> None:
        assert image_tag("refs/tags/v2", SHA, 12) == "v2-3f9c2ab-c12"

    def test_slash(self) -> None:
        assert image_tag("feature/x", SHA, 3) == "feature-x-3f9c2ab-c3"

    def test_long_ref_is_cut_to_fit(self) -> None:
        tag = image_tag("b" * 300, SHA, 123456)
        assert len(tag) == MAX_TAG and tag.endswith("-3f9c2ab-c123456")
        assert VALID_TAG.fullmatch(tag)

    @pytest.mark.parametrize("commit", ["", "3f9c2a", "XYZXYZX", "3f9c2ab;rm", "-" * 7])
    def test_bad_commit(self, commit: str) -> None:
        with pytest.raises(ValueError, match="not a git sha"):
            image_tag("main", commit, 1)

    def test_negative_revision(self) -> None:
        with pytest.raises(ValueError):
            image_tag("main", SHA, -1)


class TestNormalise:
    @pytest.mark.parametrize(("ref", "want"), [
        ("main", "main"),
        ("feature/x", "feature-x"),
        ("feature//x", "feature--x"),
        ("refs/heads/feature/x", "feature-x"),
        ("refs/tags/v1.0.0", "v1.0.0"),
        ("release 1", "release-1"),
        ("café", "caf-"),
        ("日本", "ref"),
        ("日x", "x"),
        (".hidden", "hidden"),
        ("-dash", "dash"),
        ("...", "ref"),
        ("", "ref"),
        ("a:b@c", "a-b-c"),
        ("_under", "_under"),
        ("x" * 200, "x" * 128),
    ])
    def test_table(self, ref: str, want: str) -> None:
        assert normalise(ref) == want

    @pytest.mark.parametrize("code", range(0, 0x250))
    def test_every_character(self, code: int) -> None:
        ch = chr(code)
        allowed = ch in ALLOWED
        assert normalise(f"a{ch}b") == (f"a{ch}b" if allowed else "a-b")
        alone = normalise(ch)
        assert VALID_TAG.fullmatch(alone)
        assert alone == (ch if allowed and ch not in ".-" else "ref")

    def test_random_names_hold_the_invariants(self) -> None:
        rng = random.Random(8)
        alphabet = string.printable + "äß日/\\:@ \t"
        for _ in range(20000):
            ref = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 200)))
            out = normalise(ref)
            assert VALID_TAG.fullmatch(out) and len(out) <= MAX_TAG, ref
            assert normalise(out) == out  # idempotent
            if VALID_TAG.fullmatch(ref) and not ref.startswith("refs/"):
                assert out == ref  # valid names pass unchanged
            # Position by position: the same character, or "-" for one Docker refuses.
            src = short_ref(ref).translate(TO_DASH).lstrip(".-")
            assert out == (src[:MAX_TAG] or "ref"), ref

    @pytest.mark.parametrize("limit", [1, 7, 50, 128])
    def test_limit(self, limit: int) -> None:
        assert len(normalise("z" * 500, limit)) == limit
