from backend.core.errors import DockyardError, Unauthorized


class WebhookRefused(Unauthorized):
    """One answer for an unknown repository and a wrong or missing signature alike."""

    title = "Webhook refused"

    def __init__(self) -> None:
        super().__init__("No repository with this id accepts this delivery: check the URL and "
                         "that the git host signs with the repository's webhook secret "
                         "(GitHub and Gitea: secret; GitLab: secret token).")


class PayloadTooLarge(DockyardError):
    status, title, slug = 413, "Payload too large", "payload-too-large"
