"""Drive the live server only through the generated Python client.

The acceptance story of the foundation: the admin logs in, creates a user, a group, an
app and two versions; the other user sees none of it.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "openapi" / "python-client"))

from dockyard_client import AuthenticatedClient, Client
from dockyard_client.api.apps import appscreate, appsget
from dockyard_client.api.auth import authlogin
from dockyard_client.api.groups import groupscreate, groupsget, groupslist
from dockyard_client.api.users import userscreate, usersme
from dockyard_client.api.versions import versionscreate, versionslist
from dockyard_client.models import (
    AppCreate,
    GroupCreate,
    LoginRequest,
    PortSpec,
    UserCreate,
    VersionCreate,
    VersionCreateEnv,
)
from dockyard_client.models.problem import Problem

from tests.conftest import Live
from tests.factories import uniq


def login(live: Live, username: str, password: str) -> AuthenticatedClient:
    anon = Client(base_url=live.url)
    token = authlogin.sync(client=anon, body=LoginRequest(username=username, password=password))
    assert token is not None and not isinstance(token, Problem), token
    return AuthenticatedClient(base_url=live.url, token=token.access_token)


def test_admin_builds_a_world_the_other_user_cannot_see(live: Live) -> None:
    admin = login(live, live.admin_username, live.admin_password)
    assert usersme.sync(client=admin).is_admin  # type: ignore[union-attr]
    name = uniq("dev")
    created = userscreate.sync(client=admin, body=UserCreate(username=name, password="pw-123456"))
    assert created is not None and not isinstance(created, Problem)

    group = groupscreate.sync(client=admin, body=GroupCreate(name=uniq("team")))
    app = appscreate.sync(group_id=group.id, client=admin,  # type: ignore[union-attr]
                          body=AppCreate(name="web", domains=["web.example.test"]))
    assert app is not None and not isinstance(app, Problem)
    for greeting in ("hello", "hi"):
        env = VersionCreateEnv.from_dict({"GREETING": greeting})
        v = versionscreate.sync(app_id=app.id, client=admin, body=VersionCreate(
            image="127.0.0.1:5000/library/busybox:1.35", env=env, memory_mb=32,
            ports=[PortSpec(container_port=8080)]))
        assert v is not None and not isinstance(v, Problem), v
    versions = versionslist.sync(app_id=app.id, client=admin)
    assert [v.number for v in versions.items] == [2, 1]  # type: ignore[union-attr]

    other = login(live, name, "pw-123456")
    assert groupslist.sync(client=other).items == []  # type: ignore[union-attr]
    hidden = [groupsget.sync_detailed(group_id=group.id, client=other),  # type: ignore[union-attr]
              appsget.sync_detailed(app_id=app.id, client=other),
              versionslist.sync_detailed(app_id=app.id, client=other)]
    assert [r.status_code for r in hidden] == [404, 404, 404]
    bad = versionscreate.sync_detailed(app_id=app.id, client=admin, body=VersionCreate(
        image="busybox:1", memory_mb=1))
    assert bad.status_code == 422
