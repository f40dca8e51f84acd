from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="HostEtcd")



@_attrs_define
class HostEtcd:
    """ The host's own etcd credential (shown once, to the registering agent).

        Attributes:
            endpoint (str):
            password (str):
            username (str):
            ca_pem (None | str | Unset):
     """

    endpoint: str
    password: str
    username: str
    ca_pem: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        endpoint = self.endpoint

        password = self.password

        username = self.username

        ca_pem: None | str | Unset
        if isinstance(self.ca_pem, Unset):
            ca_pem = UNSET
        else:
            ca_pem = self.ca_pem


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "endpoint": endpoint,
            "password": password,
            "username": username,
        })
        if ca_pem is not UNSET:
            field_dict["ca_pem"] = ca_pem

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        endpoint = d.pop("endpoint")

        password = d.pop("password")

        username = d.pop("username")

        def _parse_ca_pem(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        ca_pem = _parse_ca_pem(d.pop("ca_pem", UNSET))


        host_etcd = cls(
            endpoint=endpoint,
            password=password,
            username=username,
            ca_pem=ca_pem,
        )


        host_etcd.additional_properties = d
        return host_etcd

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
