from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
from uuid import UUID

if TYPE_CHECKING:
  from ..models.host_etcd import HostEtcd
  from ..models.host_tls import HostTLS





T = TypeVar("T", bound="HostRegistered")



@_attrs_define
class HostRegistered:
    """ 
        Attributes:
            cluster_id (UUID):
            host_id (UUID):
            etcd (HostEtcd | None | Unset): The host's own etcd user (reaches only its own keys); shown once.
            tls (HostTLS | None | Unset):
     """

    cluster_id: UUID
    host_id: UUID
    etcd: HostEtcd | None | Unset = UNSET
    tls: HostTLS | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.host_etcd import HostEtcd # noqa: PLC0415
        from ..models.host_tls import HostTLS # noqa: PLC0415
        cluster_id = str(self.cluster_id)

        host_id = str(self.host_id)

        etcd: dict[str, Any] | None | Unset
        if isinstance(self.etcd, Unset):
            etcd = UNSET
        elif isinstance(self.etcd, HostEtcd):
            etcd = self.etcd.to_dict()
        else:
            etcd = self.etcd

        tls: dict[str, Any] | None | Unset
        if isinstance(self.tls, Unset):
            tls = UNSET
        elif isinstance(self.tls, HostTLS):
            tls = self.tls.to_dict()
        else:
            tls = self.tls


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "cluster_id": cluster_id,
            "host_id": host_id,
        })
        if etcd is not UNSET:
            field_dict["etcd"] = etcd
        if tls is not UNSET:
            field_dict["tls"] = tls

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.host_etcd import HostEtcd # noqa: PLC0415
        from ..models.host_tls import HostTLS # noqa: PLC0415
        d = dict(src_dict)
        cluster_id = UUID(d.pop("cluster_id"))




        host_id = UUID(d.pop("host_id"))




        def _parse_etcd(data: object) -> HostEtcd | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                etcd_type_0 = HostEtcd.from_dict(data)



                return etcd_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(HostEtcd | None | Unset, data)

        etcd = _parse_etcd(d.pop("etcd", UNSET))


        def _parse_tls(data: object) -> HostTLS | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                tls_type_0 = HostTLS.from_dict(data)



                return tls_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(HostTLS | None | Unset, data)

        tls = _parse_tls(d.pop("tls", UNSET))


        host_registered = cls(
            cluster_id=cluster_id,
            host_id=host_id,
            etcd=etcd,
            tls=tls,
        )


        host_registered.additional_properties = d
        return host_registered

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
