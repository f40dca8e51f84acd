from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from uuid import UUID






T = TypeVar("T", bound="NamespaceCreate")



@_attrs_define
class NamespaceCreate:
    """ 
        Attributes:
            group_id (UUID):
            name (str):
            public (bool | Unset):  Default: False.
     """

    group_id: UUID
    name: str
    public: bool | Unset = False





    def to_dict(self) -> dict[str, Any]:
        group_id = str(self.group_id)

        name = self.name

        public = self.public


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "group_id": group_id,
            "name": name,
        })
        if public is not UNSET:
            field_dict["public"] = public

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        group_id = UUID(d.pop("group_id"))




        name = d.pop("name")

        public = d.pop("public", UNSET)

        namespace_create = cls(
            group_id=group_id,
            name=name,
            public=public,
        )

        return namespace_create

