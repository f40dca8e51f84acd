from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.job_state import JobState
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.job_read_result import JobReadResult





T = TypeVar("T", bound="JobRead")



@_attrs_define
class JobRead:
    """ 
        Attributes:
            attempts (int):
            created_at (datetime.datetime):
            finished_at (datetime.datetime | None):
            group_id (None | UUID):
            id (UUID):
            kind (str):
            message (str):
            progress (int):
            result (JobReadResult):
            started_at (datetime.datetime | None):
            state (JobState):
            target_id (str):
            target_type (str):
     """

    attempts: int
    created_at: datetime.datetime
    finished_at: datetime.datetime | None
    group_id: None | UUID
    id: UUID
    kind: str
    message: str
    progress: int
    result: JobReadResult
    started_at: datetime.datetime | None
    state: JobState
    target_id: str
    target_type: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.job_read_result import JobReadResult # noqa: PLC0415
        attempts = self.attempts

        created_at = self.created_at.isoformat()

        finished_at: None | str
        if isinstance(self.finished_at, datetime.datetime):
            finished_at = self.finished_at.isoformat()
        else:
            finished_at = self.finished_at

        group_id: None | str
        if isinstance(self.group_id, UUID):
            group_id = str(self.group_id)
        else:
            group_id = self.group_id

        id = str(self.id)

        kind = self.kind

        message = self.message

        progress = self.progress

        result = self.result.to_dict()

        started_at: None | str
        if isinstance(self.started_at, datetime.datetime):
            started_at = self.started_at.isoformat()
        else:
            started_at = self.started_at

        state = self.state.value

        target_id = self.target_id

        target_type = self.target_type


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "attempts": attempts,
            "created_at": created_at,
            "finished_at": finished_at,
            "group_id": group_id,
            "id": id,
            "kind": kind,
            "message": message,
            "progress": progress,
            "result": result,
            "started_at": started_at,
            "state": state,
            "target_id": target_id,
            "target_type": target_type,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.job_read_result import JobReadResult # noqa: PLC0415
        d = dict(src_dict)
        attempts = d.pop("attempts")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        def _parse_finished_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                finished_at_type_0 = datetime.datetime.fromisoformat(data)



                return finished_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        finished_at = _parse_finished_at(d.pop("finished_at"))


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




        kind = d.pop("kind")

        message = d.pop("message")

        progress = d.pop("progress")

        result = JobReadResult.from_dict(d.pop("result"))




        def _parse_started_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                started_at_type_0 = datetime.datetime.fromisoformat(data)



                return started_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        started_at = _parse_started_at(d.pop("started_at"))


        state = JobState(d.pop("state"))




        target_id = d.pop("target_id")

        target_type = d.pop("target_type")

        job_read = cls(
            attempts=attempts,
            created_at=created_at,
            finished_at=finished_at,
            group_id=group_id,
            id=id,
            kind=kind,
            message=message,
            progress=progress,
            result=result,
            started_at=started_at,
            state=state,
            target_id=target_id,
            target_type=target_type,
        )


        job_read.additional_properties = d
        return job_read

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
