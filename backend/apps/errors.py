from backend.core.errors import Conflict


class AppNameTaken(Conflict):
    title = "App name taken"


class DomainTaken(Conflict):
    title = "Domain taken"


class AppHasContainers(Conflict):
    title = "App still has containers"
