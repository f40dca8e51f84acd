from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID

if TYPE_CHECKING:
  from ..models.topology_cluster import TopologyCluster





T = TypeVar("T", bound="Topology")



@_attrs_define
class Topology:
    """ 
        Attributes:
            app_id (UUID):
            clusters (list[TopologyCluster]):
            domains (list[str]):
            name (str):
     """

    app_id: UUID
    clusters: list[TopologyCluster]
    domains: list[str]
    name: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.topology_cluster import TopologyCluster # noqa: PLC0415
        app_id = str(self.app_id)

        clusters = []
        for clusters_item_data in self.clusters:
            clusters_item = clusters_item_data.to_dict()
            clusters.append(clusters_item)



        domains = self.domains



        name = self.name


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "app_id": app_id,
            "clusters": clusters,
            "domains": domains,
            "name": name,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.topology_cluster import TopologyCluster # noqa: PLC0415
        d = dict(src_dict)
        app_id = UUID(d.pop("app_id"))




        clusters = []
        _clusters = d.pop("clusters")
        for clusters_item_data in (_clusters):
            clusters_item = TopologyCluster.from_dict(clusters_item_data)



            clusters.append(clusters_item)


        domains = cast(list[str], d.pop("domains"))


        name = d.pop("name")

        topology = cls(
            app_id=app_id,
            clusters=clusters,
            domains=domains,
            name=name,
        )


        topology.additional_properties = d
        return topology

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
