# The control-plane image (API, worker, builder, ssh, edge, one-shot migrate) of compose.yaml.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

# git: the builder fetches app sources from git repositories. nginx: the edge service.
RUN apt-get update \
    && apt-get install -y --no-install-recommends git nginx-light \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app

# Dependencies first, from the pins alone, so a code change does not reinstall them:
# a stub package lets pip resolve '.[server]' before the sources are copied.
COPY pyproject.toml constraints.txt ./
RUN mkdir backend && touch backend/__init__.py README.md \
    && pip install -c constraints.txt '.[server]' \
    && pip uninstall -y dockyard \
    && rm -rf backend build ./*.egg-info README.md

COPY . .
RUN pip install --no-deps -c constraints.txt .

# Runs as root: it talks to the host's Docker socket.
EXPOSE 8000
CMD ["uvicorn", "backend.main:create_app", "--factory", "--host", "0.0.0.0", "--port", "8000"]
