from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="QuotaUsage")



@_attrs_define
class QuotaUsage:
    """ A quota beside what the group uses of it now.

        Attributes:
            cluster_id (UUID):
            containers (int | None):
            group_id (UUID):
            memory_mb (int | None):
            updated_at (datetime.datetime | None):
            used_containers (int):
            used_memory_mb (int):
     """

    cluster_id: UUID
    containers: int | None
    group_id: UUID
    memory_mb: int | None
    updated_at: datetime.datetime | None
    used_containers: int
    used_memory_mb: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        cluster_id = str(self.cluster_id)

        containers: int | None
        containers = self.containers

        group_id = str(self.group_id)

        memory_mb: int | None
        memory_mb = self.memory_mb

        updated_at: None | str
        if isinstance(self.updated_at, datetime.datetime):
            updated_at = self.updated_at.isoformat()
        else:
            updated_at = self.updated_at

        used_containers = self.used_containers

        used_memory_mb = self.used_memory_mb


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "cluster_id": cluster_id,
            "containers": containers,
            "group_id": group_id,
            "memory_mb": memory_mb,
            "updated_at": updated_at,
            "used_containers": used_containers,
            "used_memory_mb": used_memory_mb,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        cluster_id = UUID(d.pop("cluster_id"))




        def _parse_containers(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        containers = _parse_containers(d.pop("containers"))


        group_id = UUID(d.pop("group_id"))




        def _parse_memory_mb(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        memory_mb = _parse_memory_mb(d.pop("memory_mb"))


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


        used_containers = d.pop("used_containers")

        used_memory_mb = d.pop("used_memory_mb")

        quota_usage = cls(
            cluster_id=cluster_id,
            containers=containers,
            group_id=group_id,
            memory_mb=memory_mb,
            updated_at=updated_at,
            used_containers=used_containers,
            used_memory_mb=used_memory_mb,
        )


        quota_usage.additional_properties = d
        return quota_usage

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
