from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.health_check import HealthCheck
  from ..models.port_spec import PortSpec
  from ..models.version_create_constraints import VersionCreateConstraints
  from ..models.version_create_env import VersionCreateEnv
  from ..models.volume_spec import VolumeSpec





T = TypeVar("T", bound="VersionCreate")



@_attrs_define
class VersionCreate:
    """ 
        Attributes:
            image (str):
            command (list[str] | None | Unset):
            constraints (VersionCreateConstraints | Unset):
            cpu_shares (int | Unset):  Default: 1024.
            env (VersionCreateEnv | Unset):
            health_check (HealthCheck | None | Unset):
            memory_mb (int | Unset):  Default: 128.
            note (str | Unset):  Default: ''.
            ports (list[PortSpec] | Unset):
            shell (str | Unset): The shell a terminal opens in the container (an absolute path in the image), unless it asks
                for a command. Default: '/bin/sh'.
            volumes (list[VolumeSpec] | Unset):
     """

    image: str
    command: list[str] | None | Unset = UNSET
    constraints: VersionCreateConstraints | Unset = UNSET
    cpu_shares: int | Unset = 1024
    env: VersionCreateEnv | Unset = UNSET
    health_check: HealthCheck | None | Unset = UNSET
    memory_mb: int | Unset = 128
    note: str | Unset = ''
    ports: list[PortSpec] | Unset = UNSET
    shell: str | Unset = '/bin/sh'
    volumes: list[VolumeSpec] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.health_check import HealthCheck # noqa: PLC0415
        from ..models.port_spec import PortSpec # noqa: PLC0415
        from ..models.version_create_constraints import VersionCreateConstraints # noqa: PLC0415
        from ..models.version_create_env import VersionCreateEnv # noqa: PLC0415
        from ..models.volume_spec import VolumeSpec # noqa: PLC0415
        image = self.image

        command: list[str] | None | Unset
        if isinstance(self.command, Unset):
            command = UNSET
        elif isinstance(self.command, list):
            command = self.command


        else:
            command = self.command

        constraints: dict[str, Any] | Unset = UNSET
        if not isinstance(self.constraints, Unset):
            constraints = self.constraints.to_dict()

        cpu_shares = self.cpu_shares

        env: dict[str, Any] | Unset = UNSET
        if not isinstance(self.env, Unset):
            env = self.env.to_dict()

        health_check: dict[str, Any] | None | Unset
        if isinstance(self.health_check, Unset):
            health_check = UNSET
        elif isinstance(self.health_check, HealthCheck):
            health_check = self.health_check.to_dict()
        else:
            health_check = self.health_check

        memory_mb = self.memory_mb

        note = self.note

        ports: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.ports, Unset):
            ports = []
            for ports_item_data in self.ports:
                ports_item = ports_item_data.to_dict()
                ports.append(ports_item)



        shell = self.shell

        volumes: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.volumes, Unset):
            volumes = []
            for volumes_item_data in self.volumes:
                volumes_item = volumes_item_data.to_dict()
                volumes.append(volumes_item)




        field_dict: dict[str, Any] = {}

        field_dict.update({
            "image": image,
        })
        if command is not UNSET:
            field_dict["command"] = command
        if constraints is not UNSET:
            field_dict["constraints"] = constraints
        if cpu_shares is not UNSET:
            field_dict["cpu_shares"] = cpu_shares
        if env is not UNSET:
            field_dict["env"] = env
        if health_check is not UNSET:
            field_dict["health_check"] = health_check
        if memory_mb is not UNSET:
            field_dict["memory_mb"] = memory_mb
        if note is not UNSET:
            field_dict["note"] = note
        if ports is not UNSET:
            field_dict["ports"] = ports
        if shell is not UNSET:
            field_dict["shell"] = shell
        if volumes is not UNSET:
            field_dict["volumes"] = volumes

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.health_check import HealthCheck # noqa: PLC0415
        from ..models.port_spec import PortSpec # noqa: PLC0415
        from ..models.version_create_constraints import VersionCreateConstraints # noqa: PLC0415
        from ..models.version_create_env import VersionCreateEnv # noqa: PLC0415
        from ..models.volume_spec import VolumeSpec # noqa: PLC0415
        d = dict(src_dict)
        image = d.pop("image")

        def _parse_command(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                command_type_0 = cast(list[str], data)

                return command_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        command = _parse_command(d.pop("command", UNSET))


        _constraints = d.pop("constraints", UNSET)
        constraints: VersionCreateConstraints | Unset
        if isinstance(_constraints,  Unset):
            constraints = UNSET
        else:
            constraints = VersionCreateConstraints.from_dict(_constraints)




        cpu_shares = d.pop("cpu_shares", UNSET)

        _env = d.pop("env", UNSET)
        env: VersionCreateEnv | Unset
        if isinstance(_env,  Unset):
            env = UNSET
        else:
            env = VersionCreateEnv.from_dict(_env)




        def _parse_health_check(data: object) -> HealthCheck | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                health_check_type_0 = HealthCheck.from_dict(data)



                return health_check_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(HealthCheck | None | Unset, data)

        health_check = _parse_health_check(d.pop("health_check", UNSET))


        memory_mb = d.pop("memory_mb", UNSET)

        note = d.pop("note", UNSET)

        _ports = d.pop("ports", UNSET)
        ports: list[PortSpec] | Unset = UNSET
        if _ports is not UNSET:
            ports = []
            for ports_item_data in _ports:
                ports_item = PortSpec.from_dict(ports_item_data)



                ports.append(ports_item)


        shell = d.pop("shell", UNSET)

        _volumes = d.pop("volumes", UNSET)
        volumes: list[VolumeSpec] | Unset = UNSET
        if _volumes is not UNSET:
            volumes = []
            for volumes_item_data in _volumes:
                volumes_item = VolumeSpec.from_dict(volumes_item_data)



                volumes.append(volumes_item)


        version_create = cls(
            image=image,
            command=command,
            constraints=constraints,
            cpu_shares=cpu_shares,
            env=env,
            health_check=health_check,
            memory_mb=memory_mb,
            note=note,
            ports=ports,
            shell=shell,
            volumes=volumes,
        )

        return version_create

