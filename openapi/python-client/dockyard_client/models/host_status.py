from enum import StrEnum

class HostStatus(StrEnum):
    CORDONED = "Cordoned"
    NOTREADY = "NotReady"
    READY = "Ready"

    def __str__(self) -> str:
        return str(self.value)
