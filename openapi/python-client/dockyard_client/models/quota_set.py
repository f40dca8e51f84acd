from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="QuotaSet")



@_attrs_define
class QuotaSet:
    """ Limits of one group on one public cluster; null means no limit on that resource.

        Attributes:
            containers (int | None | Unset):
            memory_mb (int | None | Unset): Sum of the memory limits of its containers.
     """

    containers: int | None | Unset = UNSET
    memory_mb: int | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        containers: int | None | Unset
        if isinstance(self.containers, Unset):
            containers = UNSET
        else:
            containers = self.containers

        memory_mb: int | None | Unset
        if isinstance(self.memory_mb, Unset):
            memory_mb = UNSET
        else:
            memory_mb = self.memory_mb


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if containers is not UNSET:
            field_dict["containers"] = containers
        if memory_mb is not UNSET:
            field_dict["memory_mb"] = memory_mb

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_containers(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        containers = _parse_containers(d.pop("containers", UNSET))


        def _parse_memory_mb(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        memory_mb = _parse_memory_mb(d.pop("memory_mb", UNSET))


        quota_set = cls(
            containers=containers,
            memory_mb=memory_mb,
        )

        return quota_set

