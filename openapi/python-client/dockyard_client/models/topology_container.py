from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID

if TYPE_CHECKING:
  from ..models.topology_container_ports import TopologyContainerPorts





T = TypeVar("T", bound="TopologyContainer")



@_attrs_define
class TopologyContainer:
    """ 
        Attributes:
            desired_state (str):
            health (None | str):
            host_id (None | UUID):
            host_name (None | str):
            id (UUID):
            last_error (str):
            name (str):
            ports (TopologyContainerPorts):
            serving (bool):
            state (str):
     """

    desired_state: str
    health: None | str
    host_id: None | UUID
    host_name: None | str
    id: UUID
    last_error: str
    name: str
    ports: TopologyContainerPorts
    serving: bool
    state: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.topology_container_ports import TopologyContainerPorts # noqa: PLC0415
        desired_state = self.desired_state

        health: None | str
        health = self.health

        host_id: None | str
        if isinstance(self.host_id, UUID):
            host_id = str(self.host_id)
        else:
            host_id = self.host_id

        host_name: None | str
        host_name = self.host_name

        id = str(self.id)

        last_error = self.last_error

        name = self.name

        ports = self.ports.to_dict()

        serving = self.serving

        state = self.state


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "desired_state": desired_state,
            "health": health,
            "host_id": host_id,
            "host_name": host_name,
            "id": id,
            "last_error": last_error,
            "name": name,
            "ports": ports,
            "serving": serving,
            "state": state,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.topology_container_ports import TopologyContainerPorts # noqa: PLC0415
        d = dict(src_dict)
        desired_state = d.pop("desired_state")

        def _parse_health(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        health = _parse_health(d.pop("health"))


        def _parse_host_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                host_id_type_0 = UUID(data)



                return host_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        host_id = _parse_host_id(d.pop("host_id"))


        def _parse_host_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        host_name = _parse_host_name(d.pop("host_name"))


        id = UUID(d.pop("id"))




        last_error = d.pop("last_error")

        name = d.pop("name")

        ports = TopologyContainerPorts.from_dict(d.pop("ports"))




        serving = d.pop("serving")

        state = d.pop("state")

        topology_container = cls(
            desired_state=desired_state,
            health=health,
            host_id=host_id,
            host_name=host_name,
            id=id,
            last_error=last_error,
            name=name,
            ports=ports,
            serving=serving,
            state=state,
        )


        topology_container.additional_properties = d
        return topology_container

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
