from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="CertificateUpload")



@_attrs_define
class CertificateUpload:
    """ 
        Attributes:
            certificate (str): PEM: the certificate, then its chain.
            private_key (str): PEM, unencrypted. Never returned or logged.
     """

    certificate: str
    private_key: str





    def to_dict(self) -> dict[str, Any]:
        certificate = self.certificate

        private_key = self.private_key


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "certificate": certificate,
            "private_key": private_key,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        certificate = d.pop("certificate")

        private_key = d.pop("private_key")

        certificate_upload = cls(
            certificate=certificate,
            private_key=private_key,
        )

        return certificate_upload

