from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="RepositoryVolume")



@_attrs_define
class RepositoryVolume:
    """ 
        Attributes:
            container_path (str):
     """

    container_path: str





    def to_dict(self) -> dict[str, Any]:
        container_path = self.container_path


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "container_path": container_path,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        container_path = d.pop("container_path")

        repository_volume = cls(
            container_path=container_path,
        )

        return repository_volume

