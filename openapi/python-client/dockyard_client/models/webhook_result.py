from enum import StrEnum

class WebhookResult(StrEnum):
    DUPLICATE = "duplicate"
    IGNORED = "ignored"
    QUEUED = "queued"
    SEEN = "seen"

    def __str__(self) -> str:
        return str(self.value)
