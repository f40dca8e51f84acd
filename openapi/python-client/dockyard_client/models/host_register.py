from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.host_register_labels import HostRegisterLabels





T = TypeVar("T", bound="HostRegister")



@_attrs_define
class HostRegister:
    """ 
        Attributes:
            address (str): Address containers publish their ports on.
            docker_endpoint (str):
            name (str):
            token (str):
            labels (HostRegisterLabels | Unset):
            tls (bool | Unset): Issue a server certificate for the engine (docker_endpoint https://…): the platform then
                reaches it with a client certificate of its CA. Default: False.
     """

    address: str
    docker_endpoint: str
    name: str
    token: str
    labels: HostRegisterLabels | Unset = UNSET
    tls: bool | Unset = False





    def to_dict(self) -> dict[str, Any]:
        from ..models.host_register_labels import HostRegisterLabels # noqa: PLC0415
        address = self.address

        docker_endpoint = self.docker_endpoint

        name = self.name

        token = self.token

        labels: dict[str, Any] | Unset = UNSET
        if not isinstance(self.labels, Unset):
            labels = self.labels.to_dict()

        tls = self.tls


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "address": address,
            "docker_endpoint": docker_endpoint,
            "name": name,
            "token": token,
        })
        if labels is not UNSET:
            field_dict["labels"] = labels
        if tls is not UNSET:
            field_dict["tls"] = tls

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.host_register_labels import HostRegisterLabels # noqa: PLC0415
        d = dict(src_dict)
        address = d.pop("address")

        docker_endpoint = d.pop("docker_endpoint")

        name = d.pop("name")

        token = d.pop("token")

        _labels = d.pop("labels", UNSET)
        labels: HostRegisterLabels | Unset
        if isinstance(_labels,  Unset):
            labels = UNSET
        else:
            labels = HostRegisterLabels.from_dict(_labels)




        tls = d.pop("tls", UNSET)

        host_register = cls(
            address=address,
            docker_endpoint=docker_endpoint,
            name=name,
            token=token,
            labels=labels,
            tls=tls,
        )

        return host_register

