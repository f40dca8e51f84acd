from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from uuid import UUID






T = TypeVar("T", bound="DeploymentRead")



@_attrs_define
class DeploymentRead:
    """ 
        Attributes:
            app_id (UUID):
            cluster_id (UUID):
            id (UUID):
            replicas (int):
            version (int):
     """

    app_id: UUID
    cluster_id: UUID
    id: UUID
    replicas: int
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        app_id = str(self.app_id)

        cluster_id = str(self.cluster_id)

        id = str(self.id)

        replicas = self.replicas

        version = self.version


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "app_id": app_id,
            "cluster_id": cluster_id,
            "id": id,
            "replicas": replicas,
            "version": version,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        app_id = UUID(d.pop("app_id"))




        cluster_id = UUID(d.pop("cluster_id"))




        id = UUID(d.pop("id"))




        replicas = d.pop("replicas")

        version = d.pop("version")

        deployment_read = cls(
            app_id=app_id,
            cluster_id=cluster_id,
            id=id,
            replicas=replicas,
            version=version,
        )


        deployment_read.additional_properties = d
        return deployment_read

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
