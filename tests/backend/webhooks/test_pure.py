"""Signatures, event decisions and the tag dedupe rule, without I/O."""

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from backend.webhooks import signatures
from backend.webhooks.dedupe import TAG_WINDOW, PriorBuild, duplicate_of
from backend.webhooks.events import (
    BuildRef,
    Delivery,
    Ignore,
    Malformed,
    NotJson,
    Provider,
    Rules,
    decide,
    identify,
    load_payload,
    valid_delivery_id,
)

SHA = "6113728f27ae82c7b1a177c8d03f9e96e0adf246"
TAG_OBJECT = "a" * 40
ZERO = "0" * 40
RULES = Rules(branch="main", build_on_push=True, build_on_tag=True)
GH, GT, GL = Provider.github, Provider.gitea, Provider.gitlab


def gh(event: str) -> Delivery:
    return Delivery(GH, event, "d-1")


class TestGithubSignature:
    # GitHub's published test vector (docs: "Validating webhook deliveries").
    SECRET = "It's a Secret to Everybody"
    BODY = b"Hello, World!"
    SIGNATURE = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17"

    def test_published_vector(self) -> None:
        assert signatures.github_signature(self.SECRET, self.BODY) == self.SIGNATURE
        assert signatures.verify_github(self.SECRET, self.BODY, self.SIGNATURE)

    @pytest.mark.parametrize("header", [
        None, "", "sha256=", SIGNATURE.removeprefix("sha256="), SIGNATURE.upper(),
        "sha1=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17",
        SIGNATURE[:-1] + "f", "sha256=ünïcode"])
    def test_refuses(self, header: str | None) -> None:
        assert not signatures.verify_github(self.SECRET, self.BODY, header)

    def test_one_byte_changed(self) -> None:
        assert not signatures.verify_github(self.SECRET, b"Hello, World?", self.SIGNATURE)

    def test_other_secret(self) -> None:
        assert not signatures.verify_github("another", self.BODY, self.SIGNATURE)


class TestVerify:
    BODY = b'{"ref": "refs/heads/main"}'

    def test_gitea_bare_hex(self) -> None:
        good = signatures.hmac_hex("s3cret", self.BODY)
        assert signatures.verify(GT, "s3cret", self.BODY, {"x-gitea-signature": good})
        assert signatures.verify(GT, "s3cret", self.BODY, {"x-gitea-signature": good.upper()})
        assert not signatures.verify(GT, "s3cret", self.BODY + b" ", {"x-gitea-signature": good})
        # The GitHub-style header alone is not what a Gitea delivery is checked by.
        assert not signatures.verify(GT, "s3cret", self.BODY, {
            "x-hub-signature-256": signatures.github_signature("s3cret", self.BODY)})

    def test_gitlab_token_is_the_secret(self) -> None:
        assert signatures.verify(GL, "s3cret", self.BODY, {"x-gitlab-token": "s3cret"})
        assert not signatures.verify(GL, "s3cret", self.BODY, {"x-gitlab-token": "s3cre"})
        assert not signatures.verify(GL, "s3cret", self.BODY, {})

    def test_github(self) -> None:
        good = signatures.github_signature("s3cret", self.BODY)
        assert signatures.verify(GH, "s3cret", self.BODY, {"x-hub-signature-256": good})
        assert not signatures.verify(GH, "s3cret", self.BODY, {"x-gitlab-token": "s3cret"})

    def test_unknown_provider_never_verifies(self) -> None:
        assert not signatures.verify(None, "s3cret", self.BODY, {"x-gitlab-token": "s3cret"})


class TestIdentify:
    def test_providers_and_delivery_ids(self) -> None:
        assert identify({"x-github-event": "push", "x-github-delivery": "g"}) == \
            Delivery(GH, "push", "g")
        # Gitea sends GitHub's headers too; its own win.
        assert identify({"x-github-event": "push", "x-gitea-event": "push",
                         "x-gitea-delivery": "t", "x-github-delivery": "g"}) == \
            Delivery(GT, "push", "t")
        assert identify({"x-gitlab-event": "Push Hook", "x-gitlab-event-uuid": "u"}) == \
            Delivery(GL, "Push Hook", "u")
        assert identify({"x-gitlab-event": "Push Hook", "x-gitlab-event-uuid": "u",
                         "idempotency-key": "k"}) == Delivery(GL, "Push Hook", "k")
        assert identify({"x-github-event": "ping"}) == Delivery(GH, "ping", None)
        assert identify({"content-type": "application/json"}) is None

    @pytest.mark.parametrize(("value", "ok"), [
        (None, True), ("72d3162e-cc78-11e3-81ab-4c9367dc0958", True), ("", False),
        ("x" * 255, True), ("x" * 256, False), ("a\nb", False)])
    def test_delivery_id_bounds(self, value: str | None, ok: bool) -> None:
        assert valid_delivery_id(value) is ok


def push(ref: str, after: str = SHA, **extra: Any) -> dict[str, Any]:
    return {"ref": ref, "before": ZERO, "after": after, **extra}


class TestDecide:
    @pytest.mark.parametrize(("delivery", "payload", "want"), [
        (gh("push"), push("refs/heads/main"), BuildRef("main", "branch", SHA)),
        (Delivery(GT, "push", None), push("refs/heads/main"), BuildRef("main", "branch", SHA)),
        (Delivery(GL, "Push Hook", None), push("refs/heads/main", checkout_sha=SHA),
         BuildRef("main", "branch", SHA)),
        (gh("push"), push("refs/heads/main", SHA.upper()), BuildRef("main", "branch", SHA)),
        # Tags build at the commit, not the annotated tag object.
        (gh("push"), push("refs/tags/v1.4.0", TAG_OBJECT, head_commit={"id": SHA}),
         BuildRef("v1.4.0", "tag", SHA)),
        (gh("push"), push("refs/tags/v1", head_commit=None), BuildRef("v1", "tag", SHA)),
        (Delivery(GL, "Tag Push Hook", None), push("refs/tags/v2", TAG_OBJECT,
                                                    checkout_sha=SHA),
         BuildRef("v2", "tag", SHA)),
        (gh("create"), {"ref": "v1.4.0", "ref_type": "tag"}, BuildRef("v1.4.0", "tag", None)),
        (Delivery(GT, "create", None), {"ref": "v3", "ref_type": "tag", "sha": SHA},
         BuildRef("v3", "tag", SHA)),
    ])
    def test_builds(self, delivery: Delivery, payload: dict[str, Any], want: BuildRef) -> None:
        assert decide(delivery, payload, RULES) == want

    def test_trigger(self) -> None:
        assert BuildRef("main", "branch", SHA).trigger == "push"
        assert BuildRef("v1", "tag", None).trigger == "tag"

    @pytest.mark.parametrize(("delivery", "payload", "reason"), [
        (gh("push"), push("refs/heads/dev"), "not the repository's branch 'main'"),
        (gh("push"), push("refs/heads/main", ZERO, deleted=True), "was deleted"),
        (Delivery(GL, "Push Hook", None), push("refs/heads/main", ZERO), "was deleted"),
        (gh("push"), push("refs/tags/v1", ZERO, deleted=True), "tag 'v1' was deleted"),
        (gh("push"), push("refs/pull/1/head"), "neither a branch nor a tag"),
        (gh("ping"), {"zen": "Design for failure.", "hook_id": 1}, "Ping received"),
        (gh("create"), {"ref": "feature", "ref_type": "branch"}, "built from its push event"),
        (gh("delete"), {"ref": "v1", "ref_type": "tag"}, "deleted branch or tag"),
        (gh("issues"), {"action": "opened"}, "GitHub event 'issues' does not build"),
        (Delivery(GT, "release", None), {}, "Gitea event 'release' does not build"),
        (Delivery(GL, "Merge Request Hook", None), {}, "GitLab event 'Merge Request Hook'"),
        # Gitlab names its events differently: a bare "push" is not one of them.
        (Delivery(GL, "push", None), push("refs/heads/main"), "GitLab event 'push'"),
    ])
    def test_ignores(self, delivery: Delivery, payload: dict[str, Any], reason: str) -> None:
        decision = decide(delivery, payload, RULES)
        assert isinstance(decision, Ignore)
        assert reason in decision.reason

    def test_switches(self) -> None:
        off = Rules(branch="main", build_on_push=False, build_on_tag=False)
        assert "build_on_push is off" in str(decide(gh("push"), push("refs/heads/main"), off))
        assert "build_on_tag is off" in str(decide(gh("push"), push("refs/tags/v1"), off))
        assert "build_on_tag is off" in str(decide(gh("create"), {"ref": "v1",
                                                                   "ref_type": "tag"}, off))

    @pytest.mark.parametrize("payload", [
        [], "push", None, {"ref": "refs/heads/main"}, {"after": SHA},
        {"ref": 1, "after": SHA}, push("refs/heads/main", "not-a-sha"),
        push("refs/heads/main", SHA[:39]), push("refs/tags/-rf"), push("refs/tags/a..b"),
        push("refs/tags/v1.lock"), push("refs/tags/"), push("refs/heads/a b"),
        push("refs/tags/x", head_commit={"id": "zz"}),
    ])
    def test_malformed_push(self, payload: Any) -> None:
        with pytest.raises(Malformed):
            decide(gh("push"), payload, RULES)

    @pytest.mark.parametrize("payload", [
        {"ref": "v1"}, {"ref_type": "tag"}, {"ref": "--upload-pack=x", "ref_type": "tag"}])
    def test_malformed_create(self, payload: Any) -> None:
        with pytest.raises(Malformed):
            decide(gh("create"), payload, RULES)

    def test_gitea_create_with_a_bad_sha(self) -> None:
        with pytest.raises(Malformed):
            decide(Delivery(GT, "create", None), {"ref": "v1", "ref_type": "tag", "sha": "x"},
                   RULES)


class TestLoadPayload:
    FORM = "application/x-www-form-urlencoded"

    def test_json_and_form(self) -> None:
        assert load_payload("application/json", b'{"a": 1}') == {"a": 1}
        assert load_payload("", b"[1]") == [1]
        assert load_payload(f"{self.FORM}; charset=utf-8", b"payload=%7B%22a%22%3A1%7D") == \
            {"a": 1}

    @pytest.mark.parametrize(("content_type", "body"), [
        ("application/json", b"{"), ("application/json", b"\xff"),
        ("application/json", b"[" * 100_000), (FORM, b"payload=%7B"), (FORM, b"other=1"),
        (FORM, b"payload=1&payload=2"), (FORM, b"%%%"), (FORM, b"\xff=1")])
    def test_not_json(self, content_type: str, body: bytes) -> None:
        with pytest.raises(NotJson):
            load_payload(content_type, body)


class TestTagDedupe:
    NOW = datetime(2026, 12, 7, 12, 0, tzinfo=UTC)

    def prior(self, age: timedelta) -> PriorBuild:
        return PriorBuild(id=uuid.uuid4(), created_at=self.NOW - age)

    def test_first_announcement_builds(self) -> None:
        assert duplicate_of([], self.NOW) is None

    def test_second_announcement_within_the_window_is_dropped(self) -> None:
        recent = self.prior(timedelta(seconds=2))
        assert duplicate_of([self.prior(timedelta(days=3)), recent], self.NOW) == recent

    def test_a_tag_pushed_again_later_builds(self) -> None:
        assert duplicate_of([self.prior(TAG_WINDOW), self.prior(timedelta(days=1))],
                            self.NOW) is None
