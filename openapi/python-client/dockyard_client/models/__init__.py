""" Contains all the data models used in inputs/outputs """

from .add_container_request import AddContainerRequest
from .app_create import AppCreate
from .app_read import AppRead
from .app_update import AppUpdate
from .auto_version import AutoVersion
from .base_image_create import BaseImageCreate
from .base_image_kind import BaseImageKind
from .base_image_read import BaseImageRead
from .build_create import BuildCreate
from .build_read import BuildRead
from .build_status import BuildStatus
from .build_step import BuildStep
from .certificate_read import CertificateRead
from .certificate_upload import CertificateUpload
from .cluster_create import ClusterCreate
from .cluster_read import ClusterRead
from .cluster_update import ClusterUpdate
from .container_read import ContainerRead
from .container_read_ports import ContainerReadPorts
from .deploy_request import DeployRequest
from .deploy_result import DeployResult
from .deployment_read import DeploymentRead
from .domain_read import DomainRead
from .domain_state import DomainState
from .event_read import EventRead
from .event_read_detail import EventReadDetail
from .group_create import GroupCreate
from .group_read import GroupRead
from .group_update import GroupUpdate
from .health_check import HealthCheck
from .health_check_type import HealthCheckType
from .health_read import HealthRead
from .health_read_checks import HealthReadChecks
from .health_result import HealthResult
from .host_create import HostCreate
from .host_create_labels import HostCreateLabels
from .host_drain_started import HostDrainStarted
from .host_etcd import HostEtcd
from .host_read import HostRead
from .host_read_facts import HostReadFacts
from .host_read_labels import HostReadLabels
from .host_register import HostRegister
from .host_register_labels import HostRegisterLabels
from .host_registered import HostRegistered
from .host_status import HostStatus
from .host_tls import HostTLS
from .host_update import HostUpdate
from .host_update_labels_type_0 import HostUpdateLabelsType0
from .image_tag_read import ImageTagRead
from .job_accepted import JobAccepted
from .job_read import JobRead
from .job_read_result import JobReadResult
from .job_state import JobState
from .join_token_create import JoinTokenCreate
from .join_token_created import JoinTokenCreated
from .login_request import LoginRequest
from .login_response import LoginResponse
from .member_create import MemberCreate
from .member_read import MemberRead
from .member_update import MemberUpdate
from .my_access import MyAccess
from .namespace_create import NamespaceCreate
from .namespace_member_create import NamespaceMemberCreate
from .namespace_member_read import NamespaceMemberRead
from .namespace_member_update import NamespaceMemberUpdate
from .namespace_read import NamespaceRead
from .namespace_update import NamespaceUpdate
from .page_app_read import PageAppRead
from .page_build_read import PageBuildRead
from .page_cluster_read import PageClusterRead
from .page_container_read import PageContainerRead
from .page_event_read import PageEventRead
from .page_group_read import PageGroupRead
from .page_host_read import PageHostRead
from .page_image_tag_read import PageImageTagRead
from .page_member_read import PageMemberRead
from .page_namespace_read import PageNamespaceRead
from .page_repository_read import PageRepositoryRead
from .page_ssh_key_read import PageSshKeyRead
from .page_token_read import PageTokenRead
from .page_user_read import PageUserRead
from .page_version_read import PageVersionRead
from .password_reset import PasswordReset
from .port_spec import PortSpec
from .port_spec_protocol import PortSpecProtocol
from .problem import Problem
from .problem_errors_type_0_item import ProblemErrorsType0Item
from .quota_read import QuotaRead
from .quota_set import QuotaSet
from .quota_usage import QuotaUsage
from .registry_access import RegistryAccess
from .registry_token import RegistryToken
from .repository_create import RepositoryCreate
from .repository_create_build_env import RepositoryCreateBuildEnv
from .repository_port import RepositoryPort
from .repository_read import RepositoryRead
from .repository_read_build_env import RepositoryReadBuildEnv
from .repository_update import RepositoryUpdate
from .repository_update_build_env_type_0 import RepositoryUpdateBuildEnvType0
from .repository_volume import RepositoryVolume
from .role import Role
from .rollback_request import RollbackRequest
from .scale_request import ScaleRequest
from .signup_request import SignupRequest
from .ssh_key_create import SshKeyCreate
from .ssh_key_read import SshKeyRead
from .terminal_info import TerminalInfo
from .token_create import TokenCreate
from .token_created import TokenCreated
from .token_read import TokenRead
from .topology import Topology
from .topology_cluster import TopologyCluster
from .topology_container import TopologyContainer
from .topology_container_ports import TopologyContainerPorts
from .topology_version import TopologyVersion
from .transfer_request import TransferRequest
from .upgrade_request import UpgradeRequest
from .user_create import UserCreate
from .user_read import UserRead
from .user_update import UserUpdate
from .version_create import VersionCreate
from .version_create_constraints import VersionCreateConstraints
from .version_create_env import VersionCreateEnv
from .version_read import VersionRead
from .version_read_constraints import VersionReadConstraints
from .version_read_env import VersionReadEnv
from .volume_spec import VolumeSpec
from .webhook_answer import WebhookAnswer
from .webhook_result import WebhookResult
from .webhooksgit_data_body import WebhooksgitDataBody
from .webhooksgit_json_body import WebhooksgitJsonBody

__all__ = (
    "AddContainerRequest",
    "AppCreate",
    "AppRead",
    "AppUpdate",
    "AutoVersion",
    "BaseImageCreate",
    "BaseImageKind",
    "BaseImageRead",
    "BuildCreate",
    "BuildRead",
    "BuildStatus",
    "BuildStep",
    "CertificateRead",
    "CertificateUpload",
    "ClusterCreate",
    "ClusterRead",
    "ClusterUpdate",
    "ContainerRead",
    "ContainerReadPorts",
    "DeploymentRead",
    "DeployRequest",
    "DeployResult",
    "DomainRead",
    "DomainState",
    "EventRead",
    "EventReadDetail",
    "GroupCreate",
    "GroupRead",
    "GroupUpdate",
    "HealthCheck",
    "HealthCheckType",
    "HealthRead",
    "HealthReadChecks",
    "HealthResult",
    "HostCreate",
    "HostCreateLabels",
    "HostDrainStarted",
    "HostEtcd",
    "HostRead",
    "HostReadFacts",
    "HostReadLabels",
    "HostRegister",
    "HostRegistered",
    "HostRegisterLabels",
    "HostStatus",
    "HostTLS",
    "HostUpdate",
    "HostUpdateLabelsType0",
    "ImageTagRead",
    "JobAccepted",
    "JobRead",
    "JobReadResult",
    "JobState",
    "JoinTokenCreate",
    "JoinTokenCreated",
    "LoginRequest",
    "LoginResponse",
    "MemberCreate",
    "MemberRead",
    "MemberUpdate",
    "MyAccess",
    "NamespaceCreate",
    "NamespaceMemberCreate",
    "NamespaceMemberRead",
    "NamespaceMemberUpdate",
    "NamespaceRead",
    "NamespaceUpdate",
    "PageAppRead",
    "PageBuildRead",
    "PageClusterRead",
    "PageContainerRead",
    "PageEventRead",
    "PageGroupRead",
    "PageHostRead",
    "PageImageTagRead",
    "PageMemberRead",
    "PageNamespaceRead",
    "PageRepositoryRead",
    "PageSshKeyRead",
    "PageTokenRead",
    "PageUserRead",
    "PageVersionRead",
    "PasswordReset",
    "PortSpec",
    "PortSpecProtocol",
    "Problem",
    "ProblemErrorsType0Item",
    "QuotaRead",
    "QuotaSet",
    "QuotaUsage",
    "RegistryAccess",
    "RegistryToken",
    "RepositoryCreate",
    "RepositoryCreateBuildEnv",
    "RepositoryPort",
    "RepositoryRead",
    "RepositoryReadBuildEnv",
    "RepositoryUpdate",
    "RepositoryUpdateBuildEnvType0",
    "RepositoryVolume",
    "Role",
    "RollbackRequest",
    "ScaleRequest",
    "SignupRequest",
    "SshKeyCreate",
    "SshKeyRead",
    "TerminalInfo",
    "TokenCreate",
    "TokenCreated",
    "TokenRead",
    "Topology",
    "TopologyCluster",
    "TopologyContainer",
    "TopologyContainerPorts",
    "TopologyVersion",
    "TransferRequest",
    "UpgradeRequest",
    "UserCreate",
    "UserRead",
    "UserUpdate",
    "VersionCreate",
    "VersionCreateConstraints",
    "VersionCreateEnv",
    "VersionRead",
    "VersionReadConstraints",
    "VersionReadEnv",
    "VolumeSpec",
    "WebhookAnswer",
    "WebhookResult",
    "WebhooksgitDataBody",
    "WebhooksgitJsonBody",
)
