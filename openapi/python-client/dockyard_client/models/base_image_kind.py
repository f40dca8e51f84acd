from enum import StrEnum

class BaseImageKind(StrEnum):
    BUSINESS = "business"
    PLATFORM = "platform"

    def __str__(self) -> str:
        return str(self.value)
