from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="JoinTokenCreated")



@_attrs_define
class JoinTokenCreated:
    """ 
        Attributes:
            cluster_id (UUID):
            expires_at (datetime.datetime):
            id (UUID):
            install_command (str):
            max_uses (int | None):
            token (str): The secret. Shown once; only its hash is kept.
     """

    cluster_id: UUID
    expires_at: datetime.datetime
    id: UUID
    install_command: str
    max_uses: int | None
    token: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        cluster_id = str(self.cluster_id)

        expires_at = self.expires_at.isoformat()

        id = str(self.id)

        install_command = self.install_command

        max_uses: int | None
        max_uses = self.max_uses

        token = self.token


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "cluster_id": cluster_id,
            "expires_at": expires_at,
            "id": id,
            "install_command": install_command,
            "max_uses": max_uses,
            "token": token,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        cluster_id = UUID(d.pop("cluster_id"))




        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))




        id = UUID(d.pop("id"))




        install_command = d.pop("install_command")

        def _parse_max_uses(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        max_uses = _parse_max_uses(d.pop("max_uses"))


        token = d.pop("token")

        join_token_created = cls(
            cluster_id=cluster_id,
            expires_at=expires_at,
            id=id,
            install_command=install_command,
            max_uses=max_uses,
            token=token,
        )


        join_token_created.additional_properties = d
        return join_token_created

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
