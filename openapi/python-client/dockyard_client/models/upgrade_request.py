from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
from uuid import UUID






T = TypeVar("T", bound="UpgradeRequest")



@_attrs_define
class UpgradeRequest:
    """ 
        Attributes:
            version (int):
            cluster_id (None | Unset | UUID): Needed only when the app runs in several clusters.
            container_ids (list[UUID] | None | Unset): Replace exactly these (grayscale); omit to upgrade all the rest.
     """

    version: int
    cluster_id: None | Unset | UUID = UNSET
    container_ids: list[UUID] | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        version = self.version

        cluster_id: None | str | Unset
        if isinstance(self.cluster_id, Unset):
            cluster_id = UNSET
        elif isinstance(self.cluster_id, UUID):
            cluster_id = str(self.cluster_id)
        else:
            cluster_id = self.cluster_id

        container_ids: list[str] | None | Unset
        if isinstance(self.container_ids, Unset):
            container_ids = UNSET
        elif isinstance(self.container_ids, list):
            container_ids = []
            for container_ids_type_0_item_data in self.container_ids:
                container_ids_type_0_item = str(container_ids_type_0_item_data)
                container_ids.append(container_ids_type_0_item)


        else:
            container_ids = self.container_ids


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "version": version,
        })
        if cluster_id is not UNSET:
            field_dict["cluster_id"] = cluster_id
        if container_ids is not UNSET:
            field_dict["container_ids"] = container_ids

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


        def _parse_container_ids(data: object) -> list[UUID] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                container_ids_type_0 = []
                _container_ids_type_0 = data
                for container_ids_type_0_item_data in (_container_ids_type_0):
                    container_ids_type_0_item = UUID(container_ids_type_0_item_data)



                    container_ids_type_0.append(container_ids_type_0_item)

                return container_ids_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[UUID] | None | Unset, data)

        container_ids = _parse_container_ids(d.pop("container_ids", UNSET))


        upgrade_request = cls(
            version=version,
            cluster_id=cluster_id,
            container_ids=container_ids,
        )

        return upgrade_request

