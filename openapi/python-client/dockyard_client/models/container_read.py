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
  from ..models.container_read_ports import ContainerReadPorts
  from ..models.health_result import HealthResult





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
            exit_code (int | None | Unset):
            health_log (list[HealthResult] | Unset):
            restart_count (int | Unset):  Default: 0.
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
    exit_code: int | None | Unset = UNSET
    health_log: list[HealthResult] | Unset = UNSET
    restart_count: int | Unset = 0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.container_read_ports import ContainerReadPorts # noqa: PLC0415
        from ..models.health_result import HealthResult # noqa: PLC0415
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

        exit_code: int | None | Unset
        if isinstance(self.exit_code, Unset):
            exit_code = UNSET
        else:
            exit_code = self.exit_code

        health_log: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.health_log, Unset):
            health_log = []
            for health_log_item_data in self.health_log:
                health_log_item = health_log_item_data.to_dict()
                health_log.append(health_log_item)



        restart_count = self.restart_count


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
        if exit_code is not UNSET:
            field_dict["exit_code"] = exit_code
        if health_log is not UNSET:
            field_dict["health_log"] = health_log
        if restart_count is not UNSET:
            field_dict["restart_count"] = restart_count

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.container_read_ports import ContainerReadPorts # noqa: PLC0415
        from ..models.health_result import HealthResult # noqa: PLC0415
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

        def _parse_exit_code(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        exit_code = _parse_exit_code(d.pop("exit_code", UNSET))


        _health_log = d.pop("health_log", UNSET)
        health_log: list[HealthResult] | Unset = UNSET
        if _health_log is not UNSET:
            health_log = []
            for health_log_item_data in _health_log:
                health_log_item = HealthResult.from_dict(health_log_item_data)



                health_log.append(health_log_item)


        restart_count = d.pop("restart_count", UNSET)

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
            exit_code=exit_code,
            health_log=health_log,
            restart_count=restart_count,
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
