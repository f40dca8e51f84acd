from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.auto_version import AutoVersion





T = TypeVar("T", bound="AppUpdate")



@_attrs_define
class AppUpdate:
    """ 
        Attributes:
            auto_version (AutoVersion | None | Unset): Versions from builds; null turns them off.
            description (None | str | Unset):
            domains (list[str] | None | Unset):
     """

    auto_version: AutoVersion | None | Unset = UNSET
    description: None | str | Unset = UNSET
    domains: list[str] | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.auto_version import AutoVersion # noqa: PLC0415
        auto_version: dict[str, Any] | None | Unset
        if isinstance(self.auto_version, Unset):
            auto_version = UNSET
        elif isinstance(self.auto_version, AutoVersion):
            auto_version = self.auto_version.to_dict()
        else:
            auto_version = self.auto_version

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        domains: list[str] | None | Unset
        if isinstance(self.domains, Unset):
            domains = UNSET
        elif isinstance(self.domains, list):
            domains = self.domains


        else:
            domains = self.domains


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if auto_version is not UNSET:
            field_dict["auto_version"] = auto_version
        if description is not UNSET:
            field_dict["description"] = description
        if domains is not UNSET:
            field_dict["domains"] = domains

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.auto_version import AutoVersion # noqa: PLC0415
        d = dict(src_dict)
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


        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))


        def _parse_domains(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                domains_type_0 = cast(list[str], data)

                return domains_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        domains = _parse_domains(d.pop("domains", UNSET))


        app_update = cls(
            auto_version=auto_version,
            description=description,
            domains=domains,
        )

        return app_update

