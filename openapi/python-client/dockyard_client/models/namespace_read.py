from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.my_access import MyAccess
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="NamespaceRead")



@_attrs_define
class NamespaceRead:
    """ 
        Attributes:
            created_at (datetime.datetime):
            group_id (UUID):
            id (UUID):
            name (str):
            public (bool):
            my_access (MyAccess | None | Unset):
     """

    created_at: datetime.datetime
    group_id: UUID
    id: UUID
    name: str
    public: bool
    my_access: MyAccess | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        group_id = str(self.group_id)

        id = str(self.id)

        name = self.name

        public = self.public

        my_access: None | str | Unset
        if isinstance(self.my_access, Unset):
            my_access = UNSET
        elif isinstance(self.my_access, MyAccess):
            my_access = self.my_access.value
        else:
            my_access = self.my_access


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "created_at": created_at,
            "group_id": group_id,
            "id": id,
            "name": name,
            "public": public,
        })
        if my_access is not UNSET:
            field_dict["my_access"] = my_access

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        group_id = UUID(d.pop("group_id"))




        id = UUID(d.pop("id"))




        name = d.pop("name")

        public = d.pop("public")

        def _parse_my_access(data: object) -> MyAccess | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                my_access_type_0 = MyAccess(data)



                return my_access_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MyAccess | None | Unset, data)

        my_access = _parse_my_access(d.pop("my_access", UNSET))


        namespace_read = cls(
            created_at=created_at,
            group_id=group_id,
            id=id,
            name=name,
            public=public,
            my_access=my_access,
        )


        namespace_read.additional_properties = d
        return namespace_read

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
