from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.topology_container import TopologyContainer





T = TypeVar("T", bound="TopologyVersion")



@_attrs_define
class TopologyVersion:
    """ 
        Attributes:
            containers (list[TopologyContainer]):
            image (str):
            number (int):
     """

    containers: list[TopologyContainer]
    image: str
    number: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.topology_container import TopologyContainer # noqa: PLC0415
        containers = []
        for containers_item_data in self.containers:
            containers_item = containers_item_data.to_dict()
            containers.append(containers_item)



        image = self.image

        number = self.number


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "containers": containers,
            "image": image,
            "number": number,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.topology_container import TopologyContainer # noqa: PLC0415
        d = dict(src_dict)
        containers = []
        _containers = d.pop("containers")
        for containers_item_data in (_containers):
            containers_item = TopologyContainer.from_dict(containers_item_data)



            containers.append(containers_item)


        image = d.pop("image")

        number = d.pop("number")

        topology_version = cls(
            containers=containers,
            image=image,
            number=number,
        )


        topology_version.additional_properties = d
        return topology_version

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
