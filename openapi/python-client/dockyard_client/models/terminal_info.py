from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="TerminalInfo")



@_attrs_define
class TerminalInfo:
    """ How to reach containers over ssh from outside the browser.

        Attributes:
            ssh_command (str): With {container} where the container id goes.
            ssh_host (str):
            ssh_port (int):
     """

    ssh_command: str
    ssh_host: str
    ssh_port: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        ssh_command = self.ssh_command

        ssh_host = self.ssh_host

        ssh_port = self.ssh_port


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "ssh_command": ssh_command,
            "ssh_host": ssh_host,
            "ssh_port": ssh_port,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        ssh_command = d.pop("ssh_command")

        ssh_host = d.pop("ssh_host")

        ssh_port = d.pop("ssh_port")

        terminal_info = cls(
            ssh_command=ssh_command,
            ssh_host=ssh_host,
            ssh_port=ssh_port,
        )


        terminal_info.additional_properties = d
        return terminal_info

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
