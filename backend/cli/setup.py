"""Setting a platform up: schema migration, the first admin, the OpenAPI export."""

import json
import os
from pathlib import Path

from sqlalchemy import select

from backend.core.config import get_settings
from backend.core.db import make_engine, make_sessionmaker
from backend.core.security import generate_password
from backend.models import User
from backend.users.service import create_user


def migrate() -> None:
    from alembic import command
    from alembic.config import Config

    backend = Path(__file__).resolve().parent.parent
    cfg = Config(str(backend / "alembic.ini"))
    cfg.set_main_option("script_location", str(backend / "migrations"))
    command.upgrade(cfg, "head")


async def ensure_admin(password_file: Path) -> None:
    settings = get_settings()
    engine = make_engine(settings)
    try:
        async with make_sessionmaker(engine)() as session:
            if await session.scalar(select(User.id).where(User.is_admin.is_(True)).limit(1)):
                print("a platform admin exists already")
                return
            supplied = settings.admin_password.get_secret_value() if settings.admin_password \
                else None
            password = supplied or generate_password()
            await create_user(session, None, username="admin", password=password, is_admin=True)
            await session.commit()
    finally:
        await engine.dispose()
    if supplied is None:
        password_file.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(password_file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(password + "\n")
        os.chmod(password_file, 0o600)
        print(f"created platform admin 'admin' with password: {password}")
        print(f"(also written to {password_file}, mode 600; this is the only time it is shown)")
    else:
        print("created platform admin 'admin' with the password from DOCKYARD_ADMIN_PASSWORD")


def export_openapi(out: Path) -> None:
    from backend.main import create_app

    spec = create_app(lifespan=False).openapi()
    out.write_text(json.dumps(spec, indent=2, sort_keys=True) + "\n")
