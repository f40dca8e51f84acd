from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.registry_access import RegistryAccess






T = TypeVar("T", bound="NamespaceMemberUpdate")



@_attrs_define
class NamespaceMemberUpdate:
    """ 
        Attributes:
            access (RegistryAccess):
     """

    access: RegistryAccess





    def to_dict(self) -> dict[str, Any]:
        access = self.access.value


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "access": access,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        access = RegistryAccess(d.pop("access"))




        namespace_member_update = cls(
            access=access,
        )

        return namespace_member_update

