from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="HostTLS")



@_attrs_define
class HostTLS:
    """ 
        Attributes:
            ca_pem (str):
            cert_pem (str):
            key_pem (str): The engine's private key; sent once, not kept.
     """

    ca_pem: str
    cert_pem: str
    key_pem: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        ca_pem = self.ca_pem

        cert_pem = self.cert_pem

        key_pem = self.key_pem


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "ca_pem": ca_pem,
            "cert_pem": cert_pem,
            "key_pem": key_pem,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        ca_pem = d.pop("ca_pem")

        cert_pem = d.pop("cert_pem")

        key_pem = d.pop("key_pem")

        host_tls = cls(
            ca_pem=ca_pem,
            cert_pem=cert_pem,
            key_pem=key_pem,
        )


        host_tls.additional_properties = d
        return host_tls

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
