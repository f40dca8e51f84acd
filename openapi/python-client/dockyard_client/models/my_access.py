from enum import StrEnum

class MyAccess(StrEnum):
    MANAGE = "manage"
    PULL = "pull"
    PUSH = "push"

    def __str__(self) -> str:
        return str(self.value)
