from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="SshKeyRead")



@_attrs_define
class SshKeyRead:
    """ 
        Attributes:
            created_at (datetime.datetime):
            fingerprint (str): SHA256:… as `ssh-keygen -l` prints it.
            id (UUID):
            key_type (str):
            last_used_at (datetime.datetime | None):
            name (str):
            public_key (str):
     """

    created_at: datetime.datetime
    fingerprint: str
    id: UUID
    key_type: str
    last_used_at: datetime.datetime | None
    name: str
    public_key: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        fingerprint = self.fingerprint

        id = str(self.id)

        key_type = self.key_type

        last_used_at: None | str
        if isinstance(self.last_used_at, datetime.datetime):
            last_used_at = self.last_used_at.isoformat()
        else:
            last_used_at = self.last_used_at

        name = self.name

        public_key = self.public_key


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "created_at": created_at,
            "fingerprint": fingerprint,
            "id": id,
            "key_type": key_type,
            "last_used_at": last_used_at,
            "name": name,
            "public_key": public_key,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        fingerprint = d.pop("fingerprint")

        id = UUID(d.pop("id"))




        key_type = d.pop("key_type")

        def _parse_last_used_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_used_at_type_0 = datetime.datetime.fromisoformat(data)



                return last_used_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_used_at = _parse_last_used_at(d.pop("last_used_at"))


        name = d.pop("name")

        public_key = d.pop("public_key")

        ssh_key_read = cls(
            created_at=created_at,
            fingerprint=fingerprint,
            id=id,
            key_type=key_type,
            last_used_at=last_used_at,
            name=name,
            public_key=public_key,
        )


        ssh_key_read.additional_properties = d
        return ssh_key_read

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
