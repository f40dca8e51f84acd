from backend.core.errors import Conflict, Forbidden


class UsernameTaken(Conflict):
    title = "Username taken"


class SignupDisabled(Forbidden):
    title = "Self sign-up is disabled"
