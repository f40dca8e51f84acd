from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID

if TYPE_CHECKING:
  from ..models.topology_version import TopologyVersion





T = TypeVar("T", bound="TopologyCluster")



@_attrs_define
class TopologyCluster:
    """ 
        Attributes:
            desired_version (int | None):
            id (UUID):
            name (str):
            replicas (int):
            versions (list[TopologyVersion]):
     """

    desired_version: int | None
    id: UUID
    name: str
    replicas: int
    versions: list[TopologyVersion]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.topology_version import TopologyVersion # noqa: PLC0415
        desired_version: int | None
        desired_version = self.desired_version

        id = str(self.id)

        name = self.name

        replicas = self.replicas

        versions = []
        for versions_item_data in self.versions:
            versions_item = versions_item_data.to_dict()
            versions.append(versions_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "desired_version": desired_version,
            "id": id,
            "name": name,
            "replicas": replicas,
            "versions": versions,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.topology_version import TopologyVersion # noqa: PLC0415
        d = dict(src_dict)
        def _parse_desired_version(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        desired_version = _parse_desired_version(d.pop("desired_version"))


        id = UUID(d.pop("id"))




        name = d.pop("name")

        replicas = d.pop("replicas")

        versions = []
        _versions = d.pop("versions")
        for versions_item_data in (_versions):
            versions_item = TopologyVersion.from_dict(versions_item_data)



            versions.append(versions_item)


        topology_cluster = cls(
            desired_version=desired_version,
            id=id,
            name=name,
            replicas=replicas,
            versions=versions,
        )


        topology_cluster.additional_properties = d
        return topology_cluster

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
