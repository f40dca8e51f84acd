from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="BaseImageCreate")



@_attrs_define
class BaseImageCreate:
    """ Offer a tag of this namespace as a base image: `<namespace>/<repository>:<tag>`.

        Attributes:
            image (str):
            name (str):
            description (str | Unset):  Default: ''.
     """

    image: str
    name: str
    description: str | Unset = ''





    def to_dict(self) -> dict[str, Any]:
        image = self.image

        name = self.name

        description = self.description


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "image": image,
            "name": name,
        })
        if description is not UNSET:
            field_dict["description"] = description

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        image = d.pop("image")

        name = d.pop("name")

        description = d.pop("description", UNSET)

        base_image_create = cls(
            image=image,
            name=name,
            description=description,
        )

        return base_image_create

