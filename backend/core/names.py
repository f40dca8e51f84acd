"""Name rules shared by users, groups, apps and clusters (DNS-label-like, lowercase)."""

from typing import Annotated

from pydantic import StringConstraints

NAME_PATTERN = r"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"
USERNAME_PATTERN = r"^[a-z0-9][a-z0-9._-]{1,62}$"

Name = Annotated[str, StringConstraints(pattern=NAME_PATTERN, min_length=1, max_length=63)]
Username = Annotated[str, StringConstraints(pattern=USERNAME_PATTERN, max_length=63)]
Password = Annotated[str, StringConstraints(min_length=8, max_length=256)]
Description = Annotated[str, StringConstraints(max_length=1000)]
# Deliberately loose: the address is only shown to people, never used to send mail yet.
Email = Annotated[str, StringConstraints(pattern=r"^[^@\s]{1,64}@[^@\s]{1,189}$",
                                         max_length=254)]
