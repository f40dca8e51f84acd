from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from uuid import UUID






T = TypeVar("T", bound="AddContainerRequest")



@_attrs_define
class AddContainerRequest:
    """ 
        Attributes:
            cluster_id (UUID):
            version (int):
     """

    cluster_id: UUID
    version: int





    def to_dict(self) -> dict[str, Any]:
        cluster_id = str(self.cluster_id)

        version = self.version


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "cluster_id": cluster_id,
            "version": version,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        cluster_id = UUID(d.pop("cluster_id"))




        version = d.pop("version")

        add_container_request = cls(
            cluster_id=cluster_id,
            version=version,
        )

        return add_container_request

