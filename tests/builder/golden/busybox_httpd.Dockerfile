# Rendered by Dockyard from the repository's build settings.
FROM 127.0.0.1:5000/library/busybox:1.35
WORKDIR /app
COPY dockyard/build.sh /dockyard/build.sh
COPY src/ /app/
RUN ["/bin/sh", "/dockyard/build.sh"]
COPY dockyard/start.sh /dockyard/start.sh
EXPOSE 8080/tcp
ENTRYPOINT ["/bin/sh", "/dockyard/start.sh"]

# --- dockyard/build.sh
mkdir -p /www && cp index.html /www/

# --- dockyard/start.sh
exec httpd -f -p 8080 -h /www
