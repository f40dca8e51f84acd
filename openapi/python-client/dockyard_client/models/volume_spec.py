from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="VolumeSpec")



@_attrs_define
class VolumeSpec:
    """ A named Docker volume, or a directory inside the app's data directory on the host.

        Attributes:
            container_path (str):
            data_dir (None | str | Unset): Subdirectory of the app's data dir on the host.
            read_only (bool | Unset):  Default: False.
            volume (None | str | Unset): Named volume.
     """

    container_path: str
    data_dir: None | str | Unset = UNSET
    read_only: bool | Unset = False
    volume: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        container_path = self.container_path

        data_dir: None | str | Unset
        if isinstance(self.data_dir, Unset):
            data_dir = UNSET
        else:
            data_dir = self.data_dir

        read_only = self.read_only

        volume: None | str | Unset
        if isinstance(self.volume, Unset):
            volume = UNSET
        else:
            volume = self.volume


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "container_path": container_path,
        })
        if data_dir is not UNSET:
            field_dict["data_dir"] = data_dir
        if read_only is not UNSET:
            field_dict["read_only"] = read_only
        if volume is not UNSET:
            field_dict["volume"] = volume

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        container_path = d.pop("container_path")

        def _parse_data_dir(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        data_dir = _parse_data_dir(d.pop("data_dir", UNSET))


        read_only = d.pop("read_only", UNSET)

        def _parse_volume(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        volume = _parse_volume(d.pop("volume", UNSET))


        volume_spec = cls(
            container_path=container_path,
            data_dir=data_dir,
            read_only=read_only,
            volume=volume,
        )

        return volume_spec

