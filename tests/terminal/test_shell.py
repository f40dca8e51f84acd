"""A version names the shell its terminals open (default /bin/sh)."""

from sqlalchemy import select

from backend.models import Version
from backend.terminal.access import resolve
from tests.conftest import auth
from tests.factories import World


async def test_the_versions_shell_is_the_terminals(client, world: World, session) -> None:
    r = await client.post(f"/apps/{world.app.id}/versions", headers=auth(world.tokens["owner"]),
                          json={"image": "busybox:1", "memory_mb": 32, "shell": "/bin/bash"})
    assert r.status_code == 201 and r.json()["shell"] == "/bin/bash", r.text
    bad = await client.post(f"/apps/{world.app.id}/versions", headers=auth(
        world.tokens["owner"]), json={"image": "busybox:1", "memory_mb": 32, "shell": "sh; rm"})
    assert bad.status_code == 422
    version = (await session.execute(select(Version).where(
        Version.app_id == world.app.id, Version.number == r.json()["number"]))).scalar_one()
    world.container.version_id, world.container.state = version.id, "running"
    world.container.docker_id = "abc"
    await session.commit()
    target = await resolve(session, world.users["developer"], str(world.container.id))
    assert target.shell == "/bin/bash"
