from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="SshKeyCreate")



@_attrs_define
class SshKeyCreate:
    """ 
        Attributes:
            name (str):
            public_key (str): One OpenSSH public key line (ssh-ed25519, ecdsa-sha2-nistp256/384/521, or ssh-rsa of at least
                2048 bits), as in ~/.ssh/id_ed25519.pub.
     """

    name: str
    public_key: str





    def to_dict(self) -> dict[str, Any]:
        name = self.name

        public_key = self.public_key


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "name": name,
            "public_key": public_key,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        public_key = d.pop("public_key")

        ssh_key_create = cls(
            name=name,
            public_key=public_key,
        )

        return ssh_key_create

