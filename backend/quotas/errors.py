from backend.core.errors import Conflict, NotFound, Unprocessable


class QuotaExceeded(Conflict):
    title = "Quota exceeded"


class QuotaNotFound(NotFound):
    title = "No quota"


class PrivateClusterQuota(Unprocessable):
    title = "Quotas apply to public clusters"
