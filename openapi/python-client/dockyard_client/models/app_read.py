from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.auto_version import AutoVersion





T = TypeVar("T", bound="AppRead")



@_attrs_define
class AppRead:
    """ 
        Attributes:
            config_revision (int):
            created_at (datetime.datetime):
            description (str):
            domains (list[str]):
            group_id (UUID):
            id (UUID):
            latest_version (int | None):
            name (str):
            updated_at (datetime.datetime | None):
            auto_version (AutoVersion | None | Unset):
     """

    config_revision: int
    created_at: datetime.datetime
    description: str
    domains: list[str]
    group_id: UUID
    id: UUID
    latest_version: int | None
    name: str
    updated_at: datetime.datetime | None
    auto_version: AutoVersion | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.auto_version import AutoVersion # noqa: PLC0415
        config_revision = self.config_revision

        created_at = self.created_at.isoformat()

        description = self.description

        domains = self.domains



        group_id = str(self.group_id)

        id = str(self.id)

        latest_version: int | None
        latest_version = self.latest_version

        name = self.name

        updated_at: None | str
        if isinstance(self.updated_at, datetime.datetime):
            updated_at = self.updated_at.isoformat()
        else:
            updated_at = self.updated_at

        auto_version: dict[str, Any] | None | Unset
        if isinstance(self.auto_version, Unset):
            auto_version = UNSET
        elif isinstance(self.auto_version, AutoVersion):
            auto_version = self.auto_version.to_dict()
        else:
            auto_version = self.auto_version


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "config_revision": config_revision,
            "created_at": created_at,
            "description": description,
            "domains": domains,
            "group_id": group_id,
            "id": id,
            "latest_version": latest_version,
            "name": name,
            "updated_at": updated_at,
        })
        if auto_version is not UNSET:
            field_dict["auto_version"] = auto_version

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.auto_version import AutoVersion # noqa: PLC0415
        d = dict(src_dict)
        config_revision = d.pop("config_revision")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        description = d.pop("description")

        domains = cast(list[str], d.pop("domains"))


        group_id = UUID(d.pop("group_id"))




        id = UUID(d.pop("id"))




        def _parse_latest_version(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        latest_version = _parse_latest_version(d.pop("latest_version"))


        name = d.pop("name")

        def _parse_updated_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                updated_at_type_0 = datetime.datetime.fromisoformat(data)



                return updated_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        updated_at = _parse_updated_at(d.pop("updated_at"))


        def _parse_auto_version(data: object) -> AutoVersion | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                auto_version_type_0 = AutoVersion.from_dict(data)



                return auto_version_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AutoVersion | None | Unset, data)

        auto_version = _parse_auto_version(d.pop("auto_version", UNSET))


        app_read = cls(
            config_revision=config_revision,
            created_at=created_at,
            description=description,
            domains=domains,
            group_id=group_id,
            id=id,
            latest_version=latest_version,
            name=name,
            updated_at=updated_at,
            auto_version=auto_version,
        )


        app_read.additional_properties = d
        return app_read

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
