from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.webhook_result import WebhookResult
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID






T = TypeVar("T", bound="WebhookAnswer")



@_attrs_define
class WebhookAnswer:
    """ What a delivery did; git hosts show it in their delivery log.

        Attributes:
            reason (str):
            result (WebhookResult):
            build_id (None | Unset | UUID): The build queued, or the earlier one that covers this.
            delivery_id (None | str | Unset):
     """

    reason: str
    result: WebhookResult
    build_id: None | Unset | UUID = UNSET
    delivery_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        reason = self.reason

        result = self.result.value

        build_id: None | str | Unset
        if isinstance(self.build_id, Unset):
            build_id = UNSET
        elif isinstance(self.build_id, UUID):
            build_id = str(self.build_id)
        else:
            build_id = self.build_id

        delivery_id: None | str | Unset
        if isinstance(self.delivery_id, Unset):
            delivery_id = UNSET
        else:
            delivery_id = self.delivery_id


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "reason": reason,
            "result": result,
        })
        if build_id is not UNSET:
            field_dict["build_id"] = build_id
        if delivery_id is not UNSET:
            field_dict["delivery_id"] = delivery_id

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        reason = d.pop("reason")

        result = WebhookResult(d.pop("result"))




        def _parse_build_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                build_id_type_0 = UUID(data)



                return build_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        build_id = _parse_build_id(d.pop("build_id", UNSET))


        def _parse_delivery_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        delivery_id = _parse_delivery_id(d.pop("delivery_id", UNSET))


        webhook_answer = cls(
            reason=reason,
            result=result,
            build_id=build_id,
            delivery_id=delivery_id,
        )


        webhook_answer.additional_properties = d
        return webhook_answer

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
