from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID

if TYPE_CHECKING:
  from ..models.host_read import HostRead





T = TypeVar("T", bound="HostDrainStarted")



@_attrs_define
class HostDrainStarted:
    """ The host, now cordoned, and the job moving its containers (GET /jobs/{job_id}).

        Attributes:
            host (HostRead):
            job_id (UUID):
     """

    host: HostRead
    job_id: UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.host_read import HostRead # noqa: PLC0415
        host = self.host.to_dict()

        job_id = str(self.job_id)


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "host": host,
            "job_id": job_id,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.host_read import HostRead # noqa: PLC0415
        d = dict(src_dict)
        host = HostRead.from_dict(d.pop("host"))




        job_id = UUID(d.pop("job_id"))




        host_drain_started = cls(
            host=host,
            job_id=job_id,
        )


        host_drain_started.additional_properties = d
        return host_drain_started

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
