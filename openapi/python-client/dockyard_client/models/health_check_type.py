from enum import StrEnum

class HealthCheckType(StrEnum):
    COMMAND = "command"
    HTTP = "http"
    TCP = "tcp"

    def __str__(self) -> str:
        return str(self.value)
