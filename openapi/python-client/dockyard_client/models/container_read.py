from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.container_read_ports import ContainerReadPorts





T = TypeVar("T", bound="ContainerRead")



@_attrs_define
class ContainerRead:
    """ 
        Attributes:
            app_id (UUID):
            cluster_id (UUID):
            created_at (datetime.datetime):
            desired_state (str):
            docker_id (None | str):
            health (None | str):
            host_id (None | UUID):
            host_name (None | str):
            id (UUID):
            last_error (str):
            name (str):
            ports (ContainerReadPorts):
            serving (bool):
            state (str):
            updated_at (datetime.datetime | None):
            version (int):
     """

    app_id: UUID
    cluster_id: UUID
    created_at: datetime.datetime
    desired_state: str
    docker_id: None | str
    health: None | str
    host_id: None | UUID
    host_name: None | str
    id: UUID
    last_error: str
    name: str
    ports: ContainerReadPorts
    serving: bool
    state: str
    updated_at: datetime.datetime | None
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.container_read_ports import ContainerReadPorts # noqa: PLC0415
        app_id = str(self.app_id)

        cluster_id = str(self.cluster_id)

        created_at = self.created_at.isoformat()

        desired_state = self.desired_state

        docker_id: None | str
        docker_id = self.docker_id

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

        updated_at: None | str
        if isinstance(self.updated_at, datetime.datetime):
            updated_at = self.updated_at.isoformat()
        else:
            updated_at = self.updated_at

        version = self.version


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "app_id": app_id,
            "cluster_id": cluster_id,
            "created_at": created_at,
            "desired_state": desired_state,
            "docker_id": docker_id,
            "health": health,
            "host_id": host_id,
            "host_name": host_name,
            "id": id,
            "last_error": last_error,
            "name": name,
            "ports": ports,
            "serving": serving,
            "state": state,
            "updated_at": updated_at,
            "version": version,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.container_read_ports import ContainerReadPorts # noqa: PLC0415
        d = dict(src_dict)
        app_id = UUID(d.pop("app_id"))




        cluster_id = UUID(d.pop("cluster_id"))




        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        desired_state = d.pop("desired_state")

        def _parse_docker_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        docker_id = _parse_docker_id(d.pop("docker_id"))


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

        ports = ContainerReadPorts.from_dict(d.pop("ports"))




        serving = d.pop("serving")

        state = d.pop("state")

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


        version = d.pop("version")

        container_read = cls(
            app_id=app_id,
            cluster_id=cluster_id,
            created_at=created_at,
            desired_state=desired_state,
            docker_id=docker_id,
            health=health,
            host_id=host_id,
            host_name=host_name,
            id=id,
            last_error=last_error,
            name=name,
            ports=ports,
            serving=serving,
            state=state,
            updated_at=updated_at,
            version=version,
        )


        container_read.additional_properties = d
        return container_read

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
