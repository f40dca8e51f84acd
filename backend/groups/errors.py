from backend.core.errors import Conflict, NotFound


class GroupNameTaken(Conflict):
    title = "Group name taken"


class GroupNotEmpty(Conflict):
    title = "Group not empty"


class MemberNotFound(NotFound):
    title = "Member not found"


class OwnerImmutable(Conflict):
    title = "The owner's membership changes only by transfer"


class MemberExists(Conflict):
    title = "Already a member"
