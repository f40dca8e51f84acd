from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.health_check_type import HealthCheckType
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="HealthCheck")



@_attrs_define
class HealthCheck:
    """ 
        Attributes:
            type_ (HealthCheckType):
            command (list[str] | None | Unset): Command run in the container (type command).
            interval_s (int | Unset):  Default: 10.
            path (None | str | Unset): HTTP path (type http).
            port (int | None | Unset): Defaults to the first port.
            retries (int | Unset):  Default: 3.
            start_period_s (int | Unset):  Default: 0.
            timeout_s (int | Unset):  Default: 3.
     """

    type_: HealthCheckType
    command: list[str] | None | Unset = UNSET
    interval_s: int | Unset = 10
    path: None | str | Unset = UNSET
    port: int | None | Unset = UNSET
    retries: int | Unset = 3
    start_period_s: int | Unset = 0
    timeout_s: int | Unset = 3





    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        command: list[str] | None | Unset
        if isinstance(self.command, Unset):
            command = UNSET
        elif isinstance(self.command, list):
            command = self.command


        else:
            command = self.command

        interval_s = self.interval_s

        path: None | str | Unset
        if isinstance(self.path, Unset):
            path = UNSET
        else:
            path = self.path

        port: int | None | Unset
        if isinstance(self.port, Unset):
            port = UNSET
        else:
            port = self.port

        retries = self.retries

        start_period_s = self.start_period_s

        timeout_s = self.timeout_s


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "type": type_,
        })
        if command is not UNSET:
            field_dict["command"] = command
        if interval_s is not UNSET:
            field_dict["interval_s"] = interval_s
        if path is not UNSET:
            field_dict["path"] = path
        if port is not UNSET:
            field_dict["port"] = port
        if retries is not UNSET:
            field_dict["retries"] = retries
        if start_period_s is not UNSET:
            field_dict["start_period_s"] = start_period_s
        if timeout_s is not UNSET:
            field_dict["timeout_s"] = timeout_s

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = HealthCheckType(d.pop("type"))




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


        interval_s = d.pop("interval_s", UNSET)

        def _parse_path(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        path = _parse_path(d.pop("path", UNSET))


        def _parse_port(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        port = _parse_port(d.pop("port", UNSET))


        retries = d.pop("retries", UNSET)

        start_period_s = d.pop("start_period_s", UNSET)

        timeout_s = d.pop("timeout_s", UNSET)

        health_check = cls(
            type_=type_,
            command=command,
            interval_s=interval_s,
            path=path,
            port=port,
            retries=retries,
            start_period_s=start_period_s,
            timeout_s=timeout_s,
        )

        return health_check

