"""The per-host agent: reports what really runs on one Docker host into etcd."""

__version__ = "0.1.0"
