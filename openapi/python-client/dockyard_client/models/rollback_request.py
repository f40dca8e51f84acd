from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
from uuid import UUID






T = TypeVar("T", bound="RollbackRequest")



@_attrs_define
class RollbackRequest:
    """ 
        Attributes:
            version (int):
            cluster_id (None | Unset | UUID):
     """

    version: int
    cluster_id: None | Unset | UUID = UNSET





    def to_dict(self) -> dict[str, Any]:
        version = self.version

        cluster_id: None | str | Unset
        if isinstance(self.cluster_id, Unset):
            cluster_id = UNSET
        elif isinstance(self.cluster_id, UUID):
            cluster_id = str(self.cluster_id)
        else:
            cluster_id = self.cluster_id


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "version": version,
        })
        if cluster_id is not UNSET:
            field_dict["cluster_id"] = cluster_id

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        version = d.pop("version")

        def _parse_cluster_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                cluster_id_type_0 = UUID(data)



                return cluster_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        cluster_id = _parse_cluster_id(d.pop("cluster_id", UNSET))


        rollback_request = cls(
            version=version,
            cluster_id=cluster_id,
        )

        return rollback_request

