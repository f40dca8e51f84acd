from enum import StrEnum

class DomainState(StrEnum):
    NOT_DEPLOYED = "not_deployed"
    NO_SERVING_CONTAINER = "no_serving_container"
    ROUTED = "routed"

    def __str__(self) -> str:
        return str(self.value)
