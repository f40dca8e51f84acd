from backend.core.errors import Conflict, NotFound


class RepositoryNotFound(NotFound):
    title = "Image repository not found"


class RepositoryNameTaken(Conflict):
    title = "Image repository name taken"


class RepositoryBusy(Conflict):
    title = "Image repository has builds in progress"
