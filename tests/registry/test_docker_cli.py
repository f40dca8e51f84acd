"""The real Docker CLI against a real Distribution registry with token auth: the registry
itself lets members in and keeps everyone else out."""

import uuid
from collections.abc import Iterator

import httpx
import pytest

from tests.registry.conftest import People, Person, TokenRegistry

REFUSED = ("denied", "unauthorized", "authentication required", "insufficient_scope")


def refused(result: object) -> bool:
    out = (getattr(result, "stdout", "") + getattr(result, "stderr", "")).lower()
    return getattr(result, "returncode", 0) != 0 and any(word in out for word in REFUSED)


def ok(result: object) -> bool:
    return getattr(result, "returncode", 1) == 0


class Team:
    def __init__(self, people: People, prefix: str) -> None:
        self.owner = people.make(f"{prefix}-owner")
        r = self.owner.api("POST", "/groups", json={"name": f"{prefix}-{uuid.uuid4().hex[:6]}"})
        assert r.status_code == 201, r.text
        self.group_id = r.json()["id"]
        self.namespace = f"{prefix}{uuid.uuid4().hex[:6]}"
        r = self.owner.api("POST", "/namespaces", json={"name": self.namespace,
                                                        "group_id": self.group_id})
        assert r.status_code == 201, r.text

    def add(self, person: Person, role: str) -> Person:
        r = self.owner.api("POST", f"/groups/{self.group_id}/members",
                           json={"username": person.username, "role": role})
        assert r.status_code == 201, r.text
        return person


@pytest.fixture(scope="module")
def world(people: People) -> dict[str, object]:
    blue, red = Team(people, "blue"), Team(people, "red")
    return {"blue": blue, "red": red,
            "dev": blue.add(people.make("dev"), "developer"),
            "viewer": blue.add(people.make("viewer"), "viewer"),
            "outsider": red.add(people.make("outsider"), "developer"),
            "guest": people.make("guest")}


@pytest.fixture(scope="module")
def pushed(world: dict[str, object], token_registry: TokenRegistry) -> Iterator[str]:
    """blue/web:1 pushed by blue's developer."""
    dev = world["dev"]
    assert isinstance(dev, Person)
    image = f"{token_registry.address}/{world['blue'].namespace}/web:1"  # type: ignore[attr-defined]
    assert ok(dev.login()), dev.login().stderr
    assert ok(dev.docker("tag", token_registry.source_image, image))
    result = dev.docker("push", image)
    assert ok(result), result.stdout + result.stderr
    yield image
    dev.docker("rmi", "-f", image)


def test_login_with_password_and_access_token(world: dict[str, object]) -> None:
    viewer = world["viewer"]
    assert isinstance(viewer, Person)
    assert ok(viewer.login())
    pat = viewer.api("POST", "/tokens", json={"name": "docker"}).json()["token"]
    assert ok(viewer.login(pat))


def test_login_with_a_wrong_password_is_refused(world: dict[str, object]) -> None:
    viewer = world["viewer"]
    assert isinstance(viewer, Person)
    result = viewer.login("not-the-password")
    assert result.returncode != 0 and "unauthorized" in result.stderr.lower()


def test_members_pull_what_a_developer_pushed(world: dict[str, object], pushed: str) -> None:
    viewer = world["viewer"]
    assert isinstance(viewer, Person)
    assert ok(viewer.login())
    viewer.docker("rmi", "-f", pushed)
    result = viewer.docker("pull", pushed)
    assert ok(result), result.stderr


def test_a_viewer_may_not_push(world: dict[str, object], pushed: str,
                               token_registry: TokenRegistry) -> None:
    viewer = world["viewer"]
    assert isinstance(viewer, Person)
    assert ok(viewer.login())
    image = pushed.replace(":1", ":2")
    assert ok(viewer.docker("tag", token_registry.source_image, image))
    try:
        assert refused(viewer.docker("push", image))
    finally:
        viewer.docker("rmi", "-f", image)


def test_another_team_is_kept_out(world: dict[str, object], pushed: str,
                                  token_registry: TokenRegistry) -> None:
    outsider = world["outsider"]
    assert isinstance(outsider, Person)
    assert ok(outsider.login())
    own = f"{token_registry.address}/{world['red'].namespace}/api:1"  # type: ignore[attr-defined]
    foreign = pushed.replace(":1", ":outsider")
    for image in (own, foreign):
        assert ok(outsider.docker("tag", token_registry.source_image, image))
    try:
        assert ok(outsider.docker("push", own)), "a team pushes into its own namespace"
        assert refused(outsider.docker("push", foreign))
        outsider.docker("rmi", "-f", pushed)
        assert refused(outsider.docker("pull", pushed))
    finally:
        outsider.docker("rmi", "-f", own, foreign)


def test_an_extra_namespace_member_may_pull(world: dict[str, object], pushed: str) -> None:
    guest, blue = world["guest"], world["blue"]
    assert isinstance(guest, Person)
    assert ok(guest.login())
    guest.docker("rmi", "-f", pushed)
    assert refused(guest.docker("pull", pushed))
    r = blue.owner.api("POST", f"/namespaces/{blue.namespace}/members",  # type: ignore[attr-defined]
                       json={"username": guest.username, "access": "pull"})
    assert r.status_code == 201, r.text
    assert ok(guest.docker("pull", pushed))


def test_anonymous_pull_is_refused(people: People, pushed: str) -> None:
    anonymous = people.anonymous()
    anonymous.docker("rmi", "-f", pushed)
    assert refused(anonymous.docker("pull", pushed))


def test_catalog_for_platform_admins_only(live: object, admin_token: str,
                                          world: dict[str, object],
                                          token_registry: TokenRegistry, pushed: str) -> None:
    api = live.api("/registry/token")  # type: ignore[attr-defined]
    catalog = f"http://{token_registry.address}/v2/_catalog"
    admin_basic = ("admin", admin_token)
    dev = world["dev"]
    assert isinstance(dev, Person)
    for who, want in ((admin_basic, 200), ((dev.username, dev.token), 401)):
        token = httpx.get(api, params={"scope": "registry:catalog:*",
                                       "service": "dockyard-registry"}, auth=who).json()["token"]
        r = httpx.get(catalog, headers={"Authorization": f"Bearer {token}"})
        assert r.status_code == want, r.text
        if want == 200:
            assert pushed.split("/", 1)[1].rsplit(":", 1)[0] in r.json()["repositories"]
