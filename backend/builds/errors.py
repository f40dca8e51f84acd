import uuid

from backend.core.errors import Conflict, NotFound


class BuildNotFound(NotFound):
    title = "Build not found"


class BuildFinished(Conflict):
    title = "Build already finished"


class AlreadyBuilt(Conflict):
    """This delivery (or this tag at this commit) was queued before: not built twice."""

    title = "Already built"

    def __init__(self, detail: str, build_id: uuid.UUID):
        super().__init__(detail)
        self.build_id = build_id
