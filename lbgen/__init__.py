"""lbgen: renders the edge nginx from the routes in etcd.

model (parse and check route records) -> render (pure, deterministic) -> nginx (write,
nginx -t, atomic rename, reload, confirm) ; watcher (etcd) ; service (coalesce, status).
"""
