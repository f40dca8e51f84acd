from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.registry_access import RegistryAccess
from uuid import UUID






T = TypeVar("T", bound="NamespaceMemberRead")



@_attrs_define
class NamespaceMemberRead:
    """ 
        Attributes:
            access (RegistryAccess):
            user_id (UUID):
            username (str):
     """

    access: RegistryAccess
    user_id: UUID
    username: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        access = self.access.value

        user_id = str(self.user_id)

        username = self.username


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "access": access,
            "user_id": user_id,
            "username": username,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        access = RegistryAccess(d.pop("access"))




        user_id = UUID(d.pop("user_id"))




        username = d.pop("username")

        namespace_member_read = cls(
            access=access,
            user_id=user_id,
            username=username,
        )


        namespace_member_read.additional_properties = d
        return namespace_member_read

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
