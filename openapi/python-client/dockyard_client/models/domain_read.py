from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.domain_state import DomainState
from typing import cast

if TYPE_CHECKING:
  from ..models.certificate_read import CertificateRead





T = TypeVar("T", bound="DomainRead")



@_attrs_define
class DomainRead:
    """ 
        Attributes:
            certificate (CertificateRead | None):
            domain (str):
            serving (int):
            state (DomainState):
            url (str):
     """

    certificate: CertificateRead | None
    domain: str
    serving: int
    state: DomainState
    url: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.certificate_read import CertificateRead # noqa: PLC0415
        certificate: dict[str, Any] | None
        if isinstance(self.certificate, CertificateRead):
            certificate = self.certificate.to_dict()
        else:
            certificate = self.certificate

        domain = self.domain

        serving = self.serving

        state = self.state.value

        url = self.url


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "certificate": certificate,
            "domain": domain,
            "serving": serving,
            "state": state,
            "url": url,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.certificate_read import CertificateRead # noqa: PLC0415
        d = dict(src_dict)
        def _parse_certificate(data: object) -> CertificateRead | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                certificate_type_0 = CertificateRead.from_dict(data)



                return certificate_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CertificateRead | None, data)

        certificate = _parse_certificate(d.pop("certificate"))


        domain = d.pop("domain")

        serving = d.pop("serving")

        state = DomainState(d.pop("state"))




        url = d.pop("url")

        domain_read = cls(
            certificate=certificate,
            domain=domain,
            serving=serving,
            state=state,
            url=url,
        )


        domain_read.additional_properties = d
        return domain_read

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
