from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.host_update_labels_type_0 import HostUpdateLabelsType0





T = TypeVar("T", bound="HostUpdate")



@_attrs_define
class HostUpdate:
    """ 
        Attributes:
            cordoned (bool | None | Unset):
            labels (HostUpdateLabelsType0 | None | Unset):
     """

    cordoned: bool | None | Unset = UNSET
    labels: HostUpdateLabelsType0 | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.host_update_labels_type_0 import HostUpdateLabelsType0 # noqa: PLC0415
        cordoned: bool | None | Unset
        if isinstance(self.cordoned, Unset):
            cordoned = UNSET
        else:
            cordoned = self.cordoned

        labels: dict[str, Any] | None | Unset
        if isinstance(self.labels, Unset):
            labels = UNSET
        elif isinstance(self.labels, HostUpdateLabelsType0):
            labels = self.labels.to_dict()
        else:
            labels = self.labels


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if cordoned is not UNSET:
            field_dict["cordoned"] = cordoned
        if labels is not UNSET:
            field_dict["labels"] = labels

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.host_update_labels_type_0 import HostUpdateLabelsType0 # noqa: PLC0415
        d = dict(src_dict)
        def _parse_cordoned(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        cordoned = _parse_cordoned(d.pop("cordoned", UNSET))


        def _parse_labels(data: object) -> HostUpdateLabelsType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                labels_type_0 = HostUpdateLabelsType0.from_dict(data)



                return labels_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(HostUpdateLabelsType0 | None | Unset, data)

        labels = _parse_labels(d.pop("labels", UNSET))


        host_update = cls(
            cordoned=cordoned,
            labels=labels,
        )

        return host_update

