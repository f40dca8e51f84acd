from backend.core.errors import Conflict, DockyardError, Forbidden


class HostNameTaken(Conflict):
    title = "Host name taken"


class HostHasContainers(Conflict):
    title = "Host still runs containers"


class HostEndpointTaken(Conflict):
    title = "Endpoint or address in use"


class HostEndpointRefused(Forbidden):
    title = "Endpoint not allowed"


class EtcdUnavailable(DockyardError):
    status = 503
    title = "Live-state store unavailable"
    slug = "unavailable"
