from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.event_read_detail import EventReadDetail





T = TypeVar("T", bound="EventRead")



@_attrs_define
class EventRead:
    """ 
        Attributes:
            action (str):
            actor_id (None | UUID):
            actor_name (str):
            created_at (datetime.datetime):
            detail (EventReadDetail):
            group_id (None | UUID):
            id (UUID):
            outcome (str):
            target_id (str):
            target_type (str):
     """

    action: str
    actor_id: None | UUID
    actor_name: str
    created_at: datetime.datetime
    detail: EventReadDetail
    group_id: None | UUID
    id: UUID
    outcome: str
    target_id: str
    target_type: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.event_read_detail import EventReadDetail # noqa: PLC0415
        action = self.action

        actor_id: None | str
        if isinstance(self.actor_id, UUID):
            actor_id = str(self.actor_id)
        else:
            actor_id = self.actor_id

        actor_name = self.actor_name

        created_at = self.created_at.isoformat()

        detail = self.detail.to_dict()

        group_id: None | str
        if isinstance(self.group_id, UUID):
            group_id = str(self.group_id)
        else:
            group_id = self.group_id

        id = str(self.id)

        outcome = self.outcome

        target_id = self.target_id

        target_type = self.target_type


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "action": action,
            "actor_id": actor_id,
            "actor_name": actor_name,
            "created_at": created_at,
            "detail": detail,
            "group_id": group_id,
            "id": id,
            "outcome": outcome,
            "target_id": target_id,
            "target_type": target_type,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.event_read_detail import EventReadDetail # noqa: PLC0415
        d = dict(src_dict)
        action = d.pop("action")

        def _parse_actor_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                actor_id_type_0 = UUID(data)



                return actor_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        actor_id = _parse_actor_id(d.pop("actor_id"))


        actor_name = d.pop("actor_name")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        detail = EventReadDetail.from_dict(d.pop("detail"))




        def _parse_group_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                group_id_type_0 = UUID(data)



                return group_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        group_id = _parse_group_id(d.pop("group_id"))


        id = UUID(d.pop("id"))




        outcome = d.pop("outcome")

        target_id = d.pop("target_id")

        target_type = d.pop("target_type")

        event_read = cls(
            action=action,
            actor_id=actor_id,
            actor_name=actor_name,
            created_at=created_at,
            detail=detail,
            group_id=group_id,
            id=id,
            outcome=outcome,
            target_id=target_id,
            target_type=target_type,
        )


        event_read.additional_properties = d
        return event_read

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
