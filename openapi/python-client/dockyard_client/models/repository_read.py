from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.repository_port import RepositoryPort
  from ..models.repository_read_build_env import RepositoryReadBuildEnv
  from ..models.repository_volume import RepositoryVolume





T = TypeVar("T", bound="RepositoryRead")



@_attrs_define
class RepositoryRead:
    """ 
        Attributes:
            base_image (str):
            branch (str):
            build_env (RepositoryReadBuildEnv):
            build_on_push (bool):
            build_on_tag (bool):
            build_script (str):
            can_write (bool): Whether you may change it and start builds.
            config_revision (int):
            created_at (datetime.datetime):
            deploy_key_public (None | str): For ssh:// URLs: add it to the git host as a read-only deploy key.
            git_url (str):
            id (UUID):
            image (str): Where builds push: <registry>/<namespace>/<name>.
            name (str):
            namespace (str):
            ports (list[RepositoryPort]):
            start_script (str):
            updated_at (datetime.datetime | None):
            volumes (list[RepositoryVolume]):
            webhook_secret (None | str): Shared secret of the webhook; only for the group's developers and up.
            webhook_url (str):
     """

    base_image: str
    branch: str
    build_env: RepositoryReadBuildEnv
    build_on_push: bool
    build_on_tag: bool
    build_script: str
    can_write: bool
    config_revision: int
    created_at: datetime.datetime
    deploy_key_public: None | str
    git_url: str
    id: UUID
    image: str
    name: str
    namespace: str
    ports: list[RepositoryPort]
    start_script: str
    updated_at: datetime.datetime | None
    volumes: list[RepositoryVolume]
    webhook_secret: None | str
    webhook_url: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.repository_port import RepositoryPort # noqa: PLC0415
        from ..models.repository_read_build_env import RepositoryReadBuildEnv # noqa: PLC0415
        from ..models.repository_volume import RepositoryVolume # noqa: PLC0415
        base_image = self.base_image

        branch = self.branch

        build_env = self.build_env.to_dict()

        build_on_push = self.build_on_push

        build_on_tag = self.build_on_tag

        build_script = self.build_script

        can_write = self.can_write

        config_revision = self.config_revision

        created_at = self.created_at.isoformat()

        deploy_key_public: None | str
        deploy_key_public = self.deploy_key_public

        git_url = self.git_url

        id = str(self.id)

        image = self.image

        name = self.name

        namespace = self.namespace

        ports = []
        for ports_item_data in self.ports:
            ports_item = ports_item_data.to_dict()
            ports.append(ports_item)



        start_script = self.start_script

        updated_at: None | str
        if isinstance(self.updated_at, datetime.datetime):
            updated_at = self.updated_at.isoformat()
        else:
            updated_at = self.updated_at

        volumes = []
        for volumes_item_data in self.volumes:
            volumes_item = volumes_item_data.to_dict()
            volumes.append(volumes_item)



        webhook_secret: None | str
        webhook_secret = self.webhook_secret

        webhook_url = self.webhook_url


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "base_image": base_image,
            "branch": branch,
            "build_env": build_env,
            "build_on_push": build_on_push,
            "build_on_tag": build_on_tag,
            "build_script": build_script,
            "can_write": can_write,
            "config_revision": config_revision,
            "created_at": created_at,
            "deploy_key_public": deploy_key_public,
            "git_url": git_url,
            "id": id,
            "image": image,
            "name": name,
            "namespace": namespace,
            "ports": ports,
            "start_script": start_script,
            "updated_at": updated_at,
            "volumes": volumes,
            "webhook_secret": webhook_secret,
            "webhook_url": webhook_url,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.repository_port import RepositoryPort # noqa: PLC0415
        from ..models.repository_read_build_env import RepositoryReadBuildEnv # noqa: PLC0415
        from ..models.repository_volume import RepositoryVolume # noqa: PLC0415
        d = dict(src_dict)
        base_image = d.pop("base_image")

        branch = d.pop("branch")

        build_env = RepositoryReadBuildEnv.from_dict(d.pop("build_env"))




        build_on_push = d.pop("build_on_push")

        build_on_tag = d.pop("build_on_tag")

        build_script = d.pop("build_script")

        can_write = d.pop("can_write")

        config_revision = d.pop("config_revision")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        def _parse_deploy_key_public(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        deploy_key_public = _parse_deploy_key_public(d.pop("deploy_key_public"))


        git_url = d.pop("git_url")

        id = UUID(d.pop("id"))




        image = d.pop("image")

        name = d.pop("name")

        namespace = d.pop("namespace")

        ports = []
        _ports = d.pop("ports")
        for ports_item_data in (_ports):
            ports_item = RepositoryPort.from_dict(ports_item_data)



            ports.append(ports_item)


        start_script = d.pop("start_script")

        def _parse_updated_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                updated_at_type_0 = datetime.datetime.fromisoformat(data)



                return updated_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        updated_at = _parse_updated_at(d.pop("updated_at"))


        volumes = []
        _volumes = d.pop("volumes")
        for volumes_item_data in (_volumes):
            volumes_item = RepositoryVolume.from_dict(volumes_item_data)



            volumes.append(volumes_item)


        def _parse_webhook_secret(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        webhook_secret = _parse_webhook_secret(d.pop("webhook_secret"))


        webhook_url = d.pop("webhook_url")

        repository_read = cls(
            base_image=base_image,
            branch=branch,
            build_env=build_env,
            build_on_push=build_on_push,
            build_on_tag=build_on_tag,
            build_script=build_script,
            can_write=can_write,
            config_revision=config_revision,
            created_at=created_at,
            deploy_key_public=deploy_key_public,
            git_url=git_url,
            id=id,
            image=image,
            name=name,
            namespace=namespace,
            ports=ports,
            start_script=start_script,
            updated_at=updated_at,
            volumes=volumes,
            webhook_secret=webhook_secret,
            webhook_url=webhook_url,
        )


        repository_read.additional_properties = d
        return repository_read

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
