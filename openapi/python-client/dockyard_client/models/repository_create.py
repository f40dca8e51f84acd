from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.repository_create_build_env import RepositoryCreateBuildEnv
  from ..models.repository_port import RepositoryPort
  from ..models.repository_volume import RepositoryVolume





T = TypeVar("T", bound="RepositoryCreate")



@_attrs_define
class RepositoryCreate:
    """ 
        Attributes:
            base_image (str):
            git_url (str):
            name (str):
            branch (str | Unset):  Default: 'main'.
            build_env (RepositoryCreateBuildEnv | Unset):
            build_on_push (bool | Unset):  Default: True.
            build_on_tag (bool | Unset):  Default: True.
            build_script (str | Unset):  Default: ''.
            ports (list[RepositoryPort] | Unset):
            start_script (str | Unset):  Default: ''.
            volumes (list[RepositoryVolume] | Unset):
     """

    base_image: str
    git_url: str
    name: str
    branch: str | Unset = 'main'
    build_env: RepositoryCreateBuildEnv | Unset = UNSET
    build_on_push: bool | Unset = True
    build_on_tag: bool | Unset = True
    build_script: str | Unset = ''
    ports: list[RepositoryPort] | Unset = UNSET
    start_script: str | Unset = ''
    volumes: list[RepositoryVolume] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.repository_create_build_env import RepositoryCreateBuildEnv # noqa: PLC0415
        from ..models.repository_port import RepositoryPort # noqa: PLC0415
        from ..models.repository_volume import RepositoryVolume # noqa: PLC0415
        base_image = self.base_image

        git_url = self.git_url

        name = self.name

        branch = self.branch

        build_env: dict[str, Any] | Unset = UNSET
        if not isinstance(self.build_env, Unset):
            build_env = self.build_env.to_dict()

        build_on_push = self.build_on_push

        build_on_tag = self.build_on_tag

        build_script = self.build_script

        ports: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.ports, Unset):
            ports = []
            for ports_item_data in self.ports:
                ports_item = ports_item_data.to_dict()
                ports.append(ports_item)



        start_script = self.start_script

        volumes: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.volumes, Unset):
            volumes = []
            for volumes_item_data in self.volumes:
                volumes_item = volumes_item_data.to_dict()
                volumes.append(volumes_item)




        field_dict: dict[str, Any] = {}

        field_dict.update({
            "base_image": base_image,
            "git_url": git_url,
            "name": name,
        })
        if branch is not UNSET:
            field_dict["branch"] = branch
        if build_env is not UNSET:
            field_dict["build_env"] = build_env
        if build_on_push is not UNSET:
            field_dict["build_on_push"] = build_on_push
        if build_on_tag is not UNSET:
            field_dict["build_on_tag"] = build_on_tag
        if build_script is not UNSET:
            field_dict["build_script"] = build_script
        if ports is not UNSET:
            field_dict["ports"] = ports
        if start_script is not UNSET:
            field_dict["start_script"] = start_script
        if volumes is not UNSET:
            field_dict["volumes"] = volumes

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.repository_create_build_env import RepositoryCreateBuildEnv # noqa: PLC0415
        from ..models.repository_port import RepositoryPort # noqa: PLC0415
        from ..models.repository_volume import RepositoryVolume # noqa: PLC0415
        d = dict(src_dict)
        base_image = d.pop("base_image")

        git_url = d.pop("git_url")

        name = d.pop("name")

        branch = d.pop("branch", UNSET)

        _build_env = d.pop("build_env", UNSET)
        build_env: RepositoryCreateBuildEnv | Unset
        if isinstance(_build_env,  Unset):
            build_env = UNSET
        else:
            build_env = RepositoryCreateBuildEnv.from_dict(_build_env)




        build_on_push = d.pop("build_on_push", UNSET)

        build_on_tag = d.pop("build_on_tag", UNSET)

        build_script = d.pop("build_script", UNSET)

        _ports = d.pop("ports", UNSET)
        ports: list[RepositoryPort] | Unset = UNSET
        if _ports is not UNSET:
            ports = []
            for ports_item_data in _ports:
                ports_item = RepositoryPort.from_dict(ports_item_data)



                ports.append(ports_item)


        start_script = d.pop("start_script", UNSET)

        _volumes = d.pop("volumes", UNSET)
        volumes: list[RepositoryVolume] | Unset = UNSET
        if _volumes is not UNSET:
            volumes = []
            for volumes_item_data in _volumes:
                volumes_item = RepositoryVolume.from_dict(volumes_item_data)



                volumes.append(volumes_item)


        repository_create = cls(
            base_image=base_image,
            git_url=git_url,
            name=name,
            branch=branch,
            build_env=build_env,
            build_on_push=build_on_push,
            build_on_tag=build_on_tag,
            build_script=build_script,
            ports=ports,
            start_script=start_script,
            volumes=volumes,
        )

        return repository_create

