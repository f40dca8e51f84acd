from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.registry_access import RegistryAccess
from ..types import UNSET, Unset






T = TypeVar("T", bound="NamespaceMemberCreate")



@_attrs_define
class NamespaceMemberCreate:
    """ 
        Attributes:
            username (str):
            access (RegistryAccess | Unset):
     """

    username: str
    access: RegistryAccess | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        username = self.username

        access: str | Unset = UNSET
        if not isinstance(self.access, Unset):
            access = self.access.value



        field_dict: dict[str, Any] = {}

        field_dict.update({
            "username": username,
        })
        if access is not UNSET:
            field_dict["access"] = access

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        username = d.pop("username")

        _access = d.pop("access", UNSET)
        access: RegistryAccess | Unset
        if isinstance(_access,  Unset):
            access = UNSET
        else:
            access = RegistryAccess(_access)




        namespace_member_create = cls(
            username=username,
            access=access,
        )

        return namespace_member_create

