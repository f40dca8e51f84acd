from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.host_status import HostStatus
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.host_read_facts import HostReadFacts
  from ..models.host_read_labels import HostReadLabels





T = TypeVar("T", bound="HostRead")



@_attrs_define
class HostRead:
    """ 
        Attributes:
            address (str):
            cluster_id (UUID):
            cordoned (bool):
            created_at (datetime.datetime):
            docker_endpoint (str):
            facts (HostReadFacts):
            id (UUID):
            labels (HostReadLabels):
            last_seen_at (datetime.datetime | None):
            name (str):
            status (HostStatus):
            containers (int | Unset): Live containers placed on the host. Default: 0.
     """

    address: str
    cluster_id: UUID
    cordoned: bool
    created_at: datetime.datetime
    docker_endpoint: str
    facts: HostReadFacts
    id: UUID
    labels: HostReadLabels
    last_seen_at: datetime.datetime | None
    name: str
    status: HostStatus
    containers: int | Unset = 0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.host_read_facts import HostReadFacts # noqa: PLC0415
        from ..models.host_read_labels import HostReadLabels # noqa: PLC0415
        address = self.address

        cluster_id = str(self.cluster_id)

        cordoned = self.cordoned

        created_at = self.created_at.isoformat()

        docker_endpoint = self.docker_endpoint

        facts = self.facts.to_dict()

        id = str(self.id)

        labels = self.labels.to_dict()

        last_seen_at: None | str
        if isinstance(self.last_seen_at, datetime.datetime):
            last_seen_at = self.last_seen_at.isoformat()
        else:
            last_seen_at = self.last_seen_at

        name = self.name

        status = self.status.value

        containers = self.containers


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "address": address,
            "cluster_id": cluster_id,
            "cordoned": cordoned,
            "created_at": created_at,
            "docker_endpoint": docker_endpoint,
            "facts": facts,
            "id": id,
            "labels": labels,
            "last_seen_at": last_seen_at,
            "name": name,
            "status": status,
        })
        if containers is not UNSET:
            field_dict["containers"] = containers

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.host_read_facts import HostReadFacts # noqa: PLC0415
        from ..models.host_read_labels import HostReadLabels # noqa: PLC0415
        d = dict(src_dict)
        address = d.pop("address")

        cluster_id = UUID(d.pop("cluster_id"))




        cordoned = d.pop("cordoned")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        docker_endpoint = d.pop("docker_endpoint")

        facts = HostReadFacts.from_dict(d.pop("facts"))




        id = UUID(d.pop("id"))




        labels = HostReadLabels.from_dict(d.pop("labels"))




        def _parse_last_seen_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_seen_at_type_0 = datetime.datetime.fromisoformat(data)



                return last_seen_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_seen_at = _parse_last_seen_at(d.pop("last_seen_at"))


        name = d.pop("name")

        status = HostStatus(d.pop("status"))




        containers = d.pop("containers", UNSET)

        host_read = cls(
            address=address,
            cluster_id=cluster_id,
            cordoned=cordoned,
            created_at=created_at,
            docker_endpoint=docker_endpoint,
            facts=facts,
            id=id,
            labels=labels,
            last_seen_at=last_seen_at,
            name=name,
            status=status,
            containers=containers,
        )


        host_read.additional_properties = d
        return host_read

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
