from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.repository_port import RepositoryPort
  from ..models.repository_update_build_env_type_0 import RepositoryUpdateBuildEnvType0
  from ..models.repository_volume import RepositoryVolume





T = TypeVar("T", bound="RepositoryUpdate")



@_attrs_define
class RepositoryUpdate:
    """ Fields left out stay as they are.

        Attributes:
            base_image (None | str | Unset):
            branch (None | str | Unset):
            build_env (None | RepositoryUpdateBuildEnvType0 | Unset):
            build_on_push (bool | None | Unset):
            build_on_tag (bool | None | Unset):
            build_script (None | str | Unset):
            git_url (None | str | Unset):
            ports (list[RepositoryPort] | None | Unset):
            start_script (None | str | Unset):
            volumes (list[RepositoryVolume] | None | Unset):
     """

    base_image: None | str | Unset = UNSET
    branch: None | str | Unset = UNSET
    build_env: None | RepositoryUpdateBuildEnvType0 | Unset = UNSET
    build_on_push: bool | None | Unset = UNSET
    build_on_tag: bool | None | Unset = UNSET
    build_script: None | str | Unset = UNSET
    git_url: None | str | Unset = UNSET
    ports: list[RepositoryPort] | None | Unset = UNSET
    start_script: None | str | Unset = UNSET
    volumes: list[RepositoryVolume] | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.repository_port import RepositoryPort # noqa: PLC0415
        from ..models.repository_update_build_env_type_0 import RepositoryUpdateBuildEnvType0 # noqa: PLC0415
        from ..models.repository_volume import RepositoryVolume # noqa: PLC0415
        base_image: None | str | Unset
        if isinstance(self.base_image, Unset):
            base_image = UNSET
        else:
            base_image = self.base_image

        branch: None | str | Unset
        if isinstance(self.branch, Unset):
            branch = UNSET
        else:
            branch = self.branch

        build_env: dict[str, Any] | None | Unset
        if isinstance(self.build_env, Unset):
            build_env = UNSET
        elif isinstance(self.build_env, RepositoryUpdateBuildEnvType0):
            build_env = self.build_env.to_dict()
        else:
            build_env = self.build_env

        build_on_push: bool | None | Unset
        if isinstance(self.build_on_push, Unset):
            build_on_push = UNSET
        else:
            build_on_push = self.build_on_push

        build_on_tag: bool | None | Unset
        if isinstance(self.build_on_tag, Unset):
            build_on_tag = UNSET
        else:
            build_on_tag = self.build_on_tag

        build_script: None | str | Unset
        if isinstance(self.build_script, Unset):
            build_script = UNSET
        else:
            build_script = self.build_script

        git_url: None | str | Unset
        if isinstance(self.git_url, Unset):
            git_url = UNSET
        else:
            git_url = self.git_url

        ports: list[dict[str, Any]] | None | Unset
        if isinstance(self.ports, Unset):
            ports = UNSET
        elif isinstance(self.ports, list):
            ports = []
            for ports_type_0_item_data in self.ports:
                ports_type_0_item = ports_type_0_item_data.to_dict()
                ports.append(ports_type_0_item)


        else:
            ports = self.ports

        start_script: None | str | Unset
        if isinstance(self.start_script, Unset):
            start_script = UNSET
        else:
            start_script = self.start_script

        volumes: list[dict[str, Any]] | None | Unset
        if isinstance(self.volumes, Unset):
            volumes = UNSET
        elif isinstance(self.volumes, list):
            volumes = []
            for volumes_type_0_item_data in self.volumes:
                volumes_type_0_item = volumes_type_0_item_data.to_dict()
                volumes.append(volumes_type_0_item)


        else:
            volumes = self.volumes


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if base_image is not UNSET:
            field_dict["base_image"] = base_image
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
        if git_url is not UNSET:
            field_dict["git_url"] = git_url
        if ports is not UNSET:
            field_dict["ports"] = ports
        if start_script is not UNSET:
            field_dict["start_script"] = start_script
        if volumes is not UNSET:
            field_dict["volumes"] = volumes

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.repository_port import RepositoryPort # noqa: PLC0415
        from ..models.repository_update_build_env_type_0 import RepositoryUpdateBuildEnvType0 # noqa: PLC0415
        from ..models.repository_volume import RepositoryVolume # noqa: PLC0415
        d = dict(src_dict)
        def _parse_base_image(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        base_image = _parse_base_image(d.pop("base_image", UNSET))


        def _parse_branch(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        branch = _parse_branch(d.pop("branch", UNSET))


        def _parse_build_env(data: object) -> None | RepositoryUpdateBuildEnvType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                build_env_type_0 = RepositoryUpdateBuildEnvType0.from_dict(data)



                return build_env_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RepositoryUpdateBuildEnvType0 | Unset, data)

        build_env = _parse_build_env(d.pop("build_env", UNSET))


        def _parse_build_on_push(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        build_on_push = _parse_build_on_push(d.pop("build_on_push", UNSET))


        def _parse_build_on_tag(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        build_on_tag = _parse_build_on_tag(d.pop("build_on_tag", UNSET))


        def _parse_build_script(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        build_script = _parse_build_script(d.pop("build_script", UNSET))


        def _parse_git_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        git_url = _parse_git_url(d.pop("git_url", UNSET))


        def _parse_ports(data: object) -> list[RepositoryPort] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                ports_type_0 = []
                _ports_type_0 = data
                for ports_type_0_item_data in (_ports_type_0):
                    ports_type_0_item = RepositoryPort.from_dict(ports_type_0_item_data)



                    ports_type_0.append(ports_type_0_item)

                return ports_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[RepositoryPort] | None | Unset, data)

        ports = _parse_ports(d.pop("ports", UNSET))


        def _parse_start_script(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        start_script = _parse_start_script(d.pop("start_script", UNSET))


        def _parse_volumes(data: object) -> list[RepositoryVolume] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                volumes_type_0 = []
                _volumes_type_0 = data
                for volumes_type_0_item_data in (_volumes_type_0):
                    volumes_type_0_item = RepositoryVolume.from_dict(volumes_type_0_item_data)



                    volumes_type_0.append(volumes_type_0_item)

                return volumes_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[RepositoryVolume] | None | Unset, data)

        volumes = _parse_volumes(d.pop("volumes", UNSET))


        repository_update = cls(
            base_image=base_image,
            branch=branch,
            build_env=build_env,
            build_on_push=build_on_push,
            build_on_tag=build_on_tag,
            build_script=build_script,
            git_url=git_url,
            ports=ports,
            start_script=start_script,
            volumes=volumes,
        )

        return repository_update

