from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="CertificateRead")



@_attrs_define
class CertificateRead:
    """ The uploaded certificate's public facts (the key is never returned).

        Attributes:
            expires_at (datetime.datetime):
            fingerprint_sha256 (str):
            issuer (str):
            names (list[str]):
            not_before (datetime.datetime):
     """

    expires_at: datetime.datetime
    fingerprint_sha256: str
    issuer: str
    names: list[str]
    not_before: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        expires_at = self.expires_at.isoformat()

        fingerprint_sha256 = self.fingerprint_sha256

        issuer = self.issuer

        names = self.names



        not_before = self.not_before.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "expires_at": expires_at,
            "fingerprint_sha256": fingerprint_sha256,
            "issuer": issuer,
            "names": names,
            "not_before": not_before,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))




        fingerprint_sha256 = d.pop("fingerprint_sha256")

        issuer = d.pop("issuer")

        names = cast(list[str], d.pop("names"))


        not_before = datetime.datetime.fromisoformat(d.pop("not_before"))




        certificate_read = cls(
            expires_at=expires_at,
            fingerprint_sha256=fingerprint_sha256,
            issuer=issuer,
            names=names,
            not_before=not_before,
        )


        certificate_read.additional_properties = d
        return certificate_read

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
