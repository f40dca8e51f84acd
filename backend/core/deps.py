"""Request dependencies that are not the database session or the caller."""

from typing import Annotated

from fastapi import Depends, Request

from backend.core.config import BackendSettings


def get_app_settings(request: Request) -> BackendSettings:
    settings: BackendSettings = request.app.state.settings
    return settings


SettingsDep = Annotated[BackendSettings, Depends(get_app_settings)]
