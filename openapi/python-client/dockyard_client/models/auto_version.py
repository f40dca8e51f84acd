from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from uuid import UUID






T = TypeVar("T", bound="AutoVersion")



@_attrs_define
class AutoVersion:
    """ A successful build of this repository whose branch or tag matches the pattern makes
    a new version from the app's latest one, with the built image.

        Attributes:
            branch_or_tag_pattern (str): fnmatch-style: *, ?, [abc].
            repository_id (UUID):
     """

    branch_or_tag_pattern: str
    repository_id: UUID





    def to_dict(self) -> dict[str, Any]:
        branch_or_tag_pattern = self.branch_or_tag_pattern

        repository_id = str(self.repository_id)


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "branch_or_tag_pattern": branch_or_tag_pattern,
            "repository_id": repository_id,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        branch_or_tag_pattern = d.pop("branch_or_tag_pattern")

        repository_id = UUID(d.pop("repository_id"))




        auto_version = cls(
            branch_or_tag_pattern=branch_or_tag_pattern,
            repository_id=repository_id,
        )

        return auto_version

