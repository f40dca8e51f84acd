from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="ImageTagRead")



@_attrs_define
class ImageTagRead:
    """ 
        Attributes:
            build_id (None | UUID):
            commit (None | str):
            config_revision (int | None):
            created_at (datetime.datetime):
            digest (None | str):
            image (str):
            size (int | None):
            tag (str):
     """

    build_id: None | UUID
    commit: None | str
    config_revision: int | None
    created_at: datetime.datetime
    digest: None | str
    image: str
    size: int | None
    tag: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        build_id: None | str
        if isinstance(self.build_id, UUID):
            build_id = str(self.build_id)
        else:
            build_id = self.build_id

        commit: None | str
        commit = self.commit

        config_revision: int | None
        config_revision = self.config_revision

        created_at = self.created_at.isoformat()

        digest: None | str
        digest = self.digest

        image = self.image

        size: int | None
        size = self.size

        tag = self.tag


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "build_id": build_id,
            "commit": commit,
            "config_revision": config_revision,
            "created_at": created_at,
            "digest": digest,
            "image": image,
            "size": size,
            "tag": tag,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_build_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                build_id_type_0 = UUID(data)



                return build_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        build_id = _parse_build_id(d.pop("build_id"))


        def _parse_commit(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        commit = _parse_commit(d.pop("commit"))


        def _parse_config_revision(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        config_revision = _parse_config_revision(d.pop("config_revision"))


        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        def _parse_digest(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        digest = _parse_digest(d.pop("digest"))


        image = d.pop("image")

        def _parse_size(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        size = _parse_size(d.pop("size"))


        tag = d.pop("tag")

        image_tag_read = cls(
            build_id=build_id,
            commit=commit,
            config_revision=config_revision,
            created_at=created_at,
            digest=digest,
            image=image,
            size=size,
            tag=tag,
        )


        image_tag_read.additional_properties = d
        return image_tag_read

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
