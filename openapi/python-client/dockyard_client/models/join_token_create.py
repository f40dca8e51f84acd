from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="JoinTokenCreate")



@_attrs_define
class JoinTokenCreate:
    """ 
        Attributes:
            expires_in_s (int | Unset):  Default: 3600.
            max_uses (int | None | Unset): null: any number of hosts until it expires. Default: 1.
     """

    expires_in_s: int | Unset = 3600
    max_uses: int | None | Unset = 1





    def to_dict(self) -> dict[str, Any]:
        expires_in_s = self.expires_in_s

        max_uses: int | None | Unset
        if isinstance(self.max_uses, Unset):
            max_uses = UNSET
        else:
            max_uses = self.max_uses


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if expires_in_s is not UNSET:
            field_dict["expires_in_s"] = expires_in_s
        if max_uses is not UNSET:
            field_dict["max_uses"] = max_uses

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        expires_in_s = d.pop("expires_in_s", UNSET)

        def _parse_max_uses(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_uses = _parse_max_uses(d.pop("max_uses", UNSET))


        join_token_create = cls(
            expires_in_s=expires_in_s,
            max_uses=max_uses,
        )

        return join_token_create

