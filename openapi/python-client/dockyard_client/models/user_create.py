from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="UserCreate")



@_attrs_define
class UserCreate:
    """ 
        Attributes:
            password (str):
            username (str):
            email (None | str | Unset):
            is_admin (bool | Unset):  Default: False.
     """

    password: str
    username: str
    email: None | str | Unset = UNSET
    is_admin: bool | Unset = False





    def to_dict(self) -> dict[str, Any]:
        password = self.password

        username = self.username

        email: None | str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        is_admin = self.is_admin


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "password": password,
            "username": username,
        })
        if email is not UNSET:
            field_dict["email"] = email
        if is_admin is not UNSET:
            field_dict["is_admin"] = is_admin

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        password = d.pop("password")

        username = d.pop("username")

        def _parse_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email = _parse_email(d.pop("email", UNSET))


        is_admin = d.pop("is_admin", UNSET)

        user_create = cls(
            password=password,
            username=username,
            email=email,
            is_admin=is_admin,
        )

        return user_create

