from backend.core.errors import Conflict


class HostNameTaken(Conflict):
    title = "Host name taken"


class HostHasContainers(Conflict):
    title = "Host still runs containers"
