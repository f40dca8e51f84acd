from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="UserRead")



@_attrs_define
class UserRead:
    """ 
        Attributes:
            created_at (datetime.datetime):
            email (None | str):
            id (UUID):
            is_active (bool):
            is_admin (bool):
            username (str):
     """

    created_at: datetime.datetime
    email: None | str
    id: UUID
    is_active: bool
    is_admin: bool
    username: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        email: None | str
        email = self.email

        id = str(self.id)

        is_active = self.is_active

        is_admin = self.is_admin

        username = self.username


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "created_at": created_at,
            "email": email,
            "id": id,
            "is_active": is_active,
            "is_admin": is_admin,
            "username": username,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        def _parse_email(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        email = _parse_email(d.pop("email"))


        id = UUID(d.pop("id"))




        is_active = d.pop("is_active")

        is_admin = d.pop("is_admin")

        username = d.pop("username")

        user_read = cls(
            created_at=created_at,
            email=email,
            id=id,
            is_active=is_active,
            is_admin=is_admin,
            username=username,
        )


        user_read.additional_properties = d
        return user_read

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
