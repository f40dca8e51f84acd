# Rendered by Dockyard from the repository's build settings.
FROM 127.0.0.1:5000/library/python:3-bookworm
ARG A_FLAG="1"
ARG PIP_INDEX_URL="https://pypi.org/simple"
WORKDIR /app
COPY dockyard/build.sh /dockyard/build.sh
COPY src/ /app/
RUN ["/bin/sh", "/dockyard/build.sh"]
COPY dockyard/start.sh /dockyard/start.sh
EXPOSE 8080/tcp
EXPOSE 9000/tcp
VOLUME ["/data", "/var/lib/app/"]
ENTRYPOINT ["/bin/sh", "/dockyard/start.sh"]

# --- dockyard/build.sh
pip install -r requirements.txt

# --- dockyard/start.sh
exec python3 app.py
