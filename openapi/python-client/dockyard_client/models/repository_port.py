from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="RepositoryPort")



@_attrs_define
class RepositoryPort:
    """ 
        Attributes:
            container_port (int):
     """

    container_port: int





    def to_dict(self) -> dict[str, Any]:
        container_port = self.container_port


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "container_port": container_port,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        container_port = d.pop("container_port")

        repository_port = cls(
            container_port=container_port,
        )

        return repository_port

