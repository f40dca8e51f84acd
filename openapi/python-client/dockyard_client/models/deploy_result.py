from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID

if TYPE_CHECKING:
  from ..models.container_read import ContainerRead
  from ..models.deployment_read import DeploymentRead





T = TypeVar("T", bound="DeployResult")



@_attrs_define
class DeployResult:
    """ 
        Attributes:
            deployment (DeploymentRead):
            job_ids (list[UUID]):
            removed (list[UUID]):
            started (list[ContainerRead]):
     """

    deployment: DeploymentRead
    job_ids: list[UUID]
    removed: list[UUID]
    started: list[ContainerRead]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.container_read import ContainerRead # noqa: PLC0415
        from ..models.deployment_read import DeploymentRead # noqa: PLC0415
        deployment = self.deployment.to_dict()

        job_ids = []
        for job_ids_item_data in self.job_ids:
            job_ids_item = str(job_ids_item_data)
            job_ids.append(job_ids_item)



        removed = []
        for removed_item_data in self.removed:
            removed_item = str(removed_item_data)
            removed.append(removed_item)



        started = []
        for started_item_data in self.started:
            started_item = started_item_data.to_dict()
            started.append(started_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "deployment": deployment,
            "job_ids": job_ids,
            "removed": removed,
            "started": started,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.container_read import ContainerRead # noqa: PLC0415
        from ..models.deployment_read import DeploymentRead # noqa: PLC0415
        d = dict(src_dict)
        deployment = DeploymentRead.from_dict(d.pop("deployment"))




        job_ids = []
        _job_ids = d.pop("job_ids")
        for job_ids_item_data in (_job_ids):
            job_ids_item = UUID(job_ids_item_data)



            job_ids.append(job_ids_item)


        removed = []
        _removed = d.pop("removed")
        for removed_item_data in (_removed):
            removed_item = UUID(removed_item_data)



            removed.append(removed_item)


        started = []
        _started = d.pop("started")
        for started_item_data in (_started):
            started_item = ContainerRead.from_dict(started_item_data)



            started.append(started_item)


        deploy_result = cls(
            deployment=deployment,
            job_ids=job_ids,
            removed=removed,
            started=started,
        )


        deploy_result.additional_properties = d
        return deploy_result

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
