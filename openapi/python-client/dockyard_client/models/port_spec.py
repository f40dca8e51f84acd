from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.port_spec_protocol import PortSpecProtocol
from ..types import UNSET, Unset






T = TypeVar("T", bound="PortSpec")



@_attrs_define
class PortSpec:
    """ 
        Attributes:
            container_port (int):
            protocol (PortSpecProtocol | Unset):  Default: PortSpecProtocol.TCP.
     """

    container_port: int
    protocol: PortSpecProtocol | Unset = PortSpecProtocol.TCP





    def to_dict(self) -> dict[str, Any]:
        container_port = self.container_port

        protocol: str | Unset = UNSET
        if not isinstance(self.protocol, Unset):
            protocol = self.protocol.value



        field_dict: dict[str, Any] = {}

        field_dict.update({
            "container_port": container_port,
        })
        if protocol is not UNSET:
            field_dict["protocol"] = protocol

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        container_port = d.pop("container_port")

        _protocol = d.pop("protocol", UNSET)
        protocol: PortSpecProtocol | Unset
        if isinstance(_protocol,  Unset):
            protocol = UNSET
        else:
            protocol = PortSpecProtocol(_protocol)




        port_spec = cls(
            container_port=container_port,
            protocol=protocol,
        )

        return port_spec

