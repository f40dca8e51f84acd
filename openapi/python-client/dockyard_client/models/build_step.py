from enum import StrEnum

class BuildStep(StrEnum):
    BUILD = "build"
    CLONE = "clone"
    PUSH = "push"
    RENDER = "render"

    def __str__(self) -> str:
        return str(self.value)
