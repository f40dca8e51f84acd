from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.build_status import BuildStatus
from ..models.build_step import BuildStep
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="BuildRead")



@_attrs_define
class BuildRead:
    """ 
        Attributes:
            cancel_requested (bool):
            commit (None | str):
            config_revision (int):
            created_at (datetime.datetime):
            created_by (None | UUID):
            digest (None | str):
            dockerfile (None | str):
            finished_at (datetime.datetime | None):
            id (UUID):
            image (None | str):
            reason (None | str):
            ref (str):
            ref_type (str):
            repository_id (UUID):
            size (int | None):
            started_at (datetime.datetime | None):
            status (BuildStatus):
            step (BuildStep | None):
            tag (None | str):
            trigger (str):
            duration_s (float | None | Unset): From start to finish.
     """

    cancel_requested: bool
    commit: None | str
    config_revision: int
    created_at: datetime.datetime
    created_by: None | UUID
    digest: None | str
    dockerfile: None | str
    finished_at: datetime.datetime | None
    id: UUID
    image: None | str
    reason: None | str
    ref: str
    ref_type: str
    repository_id: UUID
    size: int | None
    started_at: datetime.datetime | None
    status: BuildStatus
    step: BuildStep | None
    tag: None | str
    trigger: str
    duration_s: float | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        cancel_requested = self.cancel_requested

        commit: None | str
        commit = self.commit

        config_revision = self.config_revision

        created_at = self.created_at.isoformat()

        created_by: None | str
        if isinstance(self.created_by, UUID):
            created_by = str(self.created_by)
        else:
            created_by = self.created_by

        digest: None | str
        digest = self.digest

        dockerfile: None | str
        dockerfile = self.dockerfile

        finished_at: None | str
        if isinstance(self.finished_at, datetime.datetime):
            finished_at = self.finished_at.isoformat()
        else:
            finished_at = self.finished_at

        id = str(self.id)

        image: None | str
        image = self.image

        reason: None | str
        reason = self.reason

        ref = self.ref

        ref_type = self.ref_type

        repository_id = str(self.repository_id)

        size: int | None
        size = self.size

        started_at: None | str
        if isinstance(self.started_at, datetime.datetime):
            started_at = self.started_at.isoformat()
        else:
            started_at = self.started_at

        status = self.status.value

        step: None | str
        if isinstance(self.step, BuildStep):
            step = self.step.value
        else:
            step = self.step

        tag: None | str
        tag = self.tag

        trigger = self.trigger

        duration_s: float | None | Unset
        if isinstance(self.duration_s, Unset):
            duration_s = UNSET
        else:
            duration_s = self.duration_s


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "cancel_requested": cancel_requested,
            "commit": commit,
            "config_revision": config_revision,
            "created_at": created_at,
            "created_by": created_by,
            "digest": digest,
            "dockerfile": dockerfile,
            "finished_at": finished_at,
            "id": id,
            "image": image,
            "reason": reason,
            "ref": ref,
            "ref_type": ref_type,
            "repository_id": repository_id,
            "size": size,
            "started_at": started_at,
            "status": status,
            "step": step,
            "tag": tag,
            "trigger": trigger,
        })
        if duration_s is not UNSET:
            field_dict["duration_s"] = duration_s

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        cancel_requested = d.pop("cancel_requested")

        def _parse_commit(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        commit = _parse_commit(d.pop("commit"))


        config_revision = d.pop("config_revision")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        def _parse_created_by(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                created_by_type_0 = UUID(data)



                return created_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        created_by = _parse_created_by(d.pop("created_by"))


        def _parse_digest(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        digest = _parse_digest(d.pop("digest"))


        def _parse_dockerfile(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        dockerfile = _parse_dockerfile(d.pop("dockerfile"))


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


        id = UUID(d.pop("id"))




        def _parse_image(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        image = _parse_image(d.pop("image"))


        def _parse_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reason = _parse_reason(d.pop("reason"))


        ref = d.pop("ref")

        ref_type = d.pop("ref_type")

        repository_id = UUID(d.pop("repository_id"))




        def _parse_size(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        size = _parse_size(d.pop("size"))


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


        status = BuildStatus(d.pop("status"))




        def _parse_step(data: object) -> BuildStep | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                step_type_0 = BuildStep(data)



                return step_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BuildStep | None, data)

        step = _parse_step(d.pop("step"))


        def _parse_tag(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        tag = _parse_tag(d.pop("tag"))


        trigger = d.pop("trigger")

        def _parse_duration_s(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        duration_s = _parse_duration_s(d.pop("duration_s", UNSET))


        build_read = cls(
            cancel_requested=cancel_requested,
            commit=commit,
            config_revision=config_revision,
            created_at=created_at,
            created_by=created_by,
            digest=digest,
            dockerfile=dockerfile,
            finished_at=finished_at,
            id=id,
            image=image,
            reason=reason,
            ref=ref,
            ref_type=ref_type,
            repository_id=repository_id,
            size=size,
            started_at=started_at,
            status=status,
            step=step,
            tag=tag,
            trigger=trigger,
            duration_s=duration_s,
        )


        build_read.additional_properties = d
        return build_read

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
