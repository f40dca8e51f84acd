from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="ClusterRead")



@_attrs_define
class ClusterRead:
    """ 
        Attributes:
            created_at (datetime.datetime):
            description (str):
            group_id (None | UUID):
            hosts_ready (int):
            hosts_total (int):
            id (UUID):
            name (str):
            public (bool):
     """

    created_at: datetime.datetime
    description: str
    group_id: None | UUID
    hosts_ready: int
    hosts_total: int
    id: UUID
    name: str
    public: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        description = self.description

        group_id: None | str
        if isinstance(self.group_id, UUID):
            group_id = str(self.group_id)
        else:
            group_id = self.group_id

        hosts_ready = self.hosts_ready

        hosts_total = self.hosts_total

        id = str(self.id)

        name = self.name

        public = self.public


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "created_at": created_at,
            "description": description,
            "group_id": group_id,
            "hosts_ready": hosts_ready,
            "hosts_total": hosts_total,
            "id": id,
            "name": name,
            "public": public,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        description = d.pop("description")

        def _parse_group_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                group_id_type_0 = UUID(data)



                return group_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        group_id = _parse_group_id(d.pop("group_id"))


        hosts_ready = d.pop("hosts_ready")

        hosts_total = d.pop("hosts_total")

        id = UUID(d.pop("id"))




        name = d.pop("name")

        public = d.pop("public")

        cluster_read = cls(
            created_at=created_at,
            description=description,
            group_id=group_id,
            hosts_ready=hosts_ready,
            hosts_total=hosts_total,
            id=id,
            name=name,
            public=public,
        )


        cluster_read.additional_properties = d
        return cluster_read

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
