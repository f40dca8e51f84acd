from backend.core.errors import Conflict, NotFound


class NamespaceNameTaken(Conflict):
    title = "Namespace name taken"


class NamespaceNotEmpty(Conflict):
    title = "Namespace not empty"


class NamespaceMemberExists(Conflict):
    title = "Already a member of the namespace"


class NamespaceMemberNotFound(NotFound):
    title = "Namespace member not found"
