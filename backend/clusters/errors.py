from backend.core.errors import Conflict


class ClusterNameTaken(Conflict):
    title = "Cluster name taken"


class ClusterNotEmpty(Conflict):
    title = "Cluster not empty"
