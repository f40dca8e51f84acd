# Rendered by Dockyard from the repository's build settings.
FROM 127.0.0.1:5000/library/busybox:1.35
WORKDIR /app
COPY src/ /app/
COPY dockyard/start.sh /dockyard/start.sh
ENTRYPOINT ["/bin/sh", "/dockyard/start.sh"]

# --- dockyard/start.sh
exec sleep 1000
