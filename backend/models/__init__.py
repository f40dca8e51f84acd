"""All table models in one place, so Alembic and every domain see the same metadata."""

from backend.models.access_token import AccessToken, TokenKind
from backend.models.app import App, AppDomain
from backend.models.cluster import Cluster, Host, HostStatus
from backend.models.container import Container
from backend.models.deployment import Deployment
from backend.models.event import Event
from backend.models.group import Group, Member, Role
from backend.models.job import Job, JobState
from backend.models.join_token import JoinToken
from backend.models.quota import ClusterQuota
from backend.models.registry import (
    Build,
    BuildStatus,
    BuildStep,
    ImageRepository,
    ImageTag,
    NamespaceMember,
    RegistryAccess,
    RegistryNamespace,
)
from backend.models.ssh_key import SshKey
from backend.models.user import User
from backend.models.version import Version
from backend.models.webhook_delivery import WebhookDelivery

__all__ = [
    "AccessToken", "App", "AppDomain", "Build", "BuildStatus", "BuildStep", "Cluster",
    "ClusterQuota", "Container",
    "Deployment", "Event", "Group",
    "Host", "HostStatus", "ImageRepository", "ImageTag", "Job", "JobState", "JoinToken", "Member",
    "NamespaceMember", "RegistryAccess", "RegistryNamespace", "Role", "SshKey",
    "TokenKind", "User", "Version", "WebhookDelivery",
]
