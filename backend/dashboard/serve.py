"""Serve the built SPA as browsers expect.

- `assets/*` are content-hashed by Vite: cached for a year and `immutable`.
- `index.html` (and every client-side route, which answers with it) is `no-cache`, so a
  new build is picked up on the next navigation; its ETag makes the re-check a 304.
- A `.gz` written beside a file at build time is sent when the client accepts gzip
  (`Vary: Accept-Encoding` either way); nothing is compressed per request.
- Source maps (and the `.gz` files themselves) are never served.
"""

import mimetypes
from dataclasses import dataclass
from pathlib import Path

from fastapi import FastAPI, Request, Response
from fastapi.responses import FileResponse

from backend.core.errors import NotFound

IMMUTABLE = "public, max-age=31536000, immutable"
NO_CACHE = "no-cache"
HIDDEN_SUFFIXES = (".map", ".gz")


def accepts_gzip(header: str | None) -> bool:
    """Whether an Accept-Encoding header allows gzip (`gzip;q=0` refuses, `*` allows)."""
    if not header:
        return False
    allowed: dict[str, bool] = {}
    for item in header.lower().split(","):
        name, _, params = item.strip().partition(";")
        q = 1.0
        for param in params.split(";"):
            key, _, value = param.strip().partition("=")
            if key == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        allowed[name.strip()] = q > 0
    if "gzip" in allowed:
        return allowed["gzip"]
    return allowed.get("*", False)


@dataclass(frozen=True)
class Choice:
    """The file to send for a request path and how it may be cached."""

    path: Path
    cache_control: str


class Dashboard:
    def __init__(self, dist: Path) -> None:
        self.dist = dist.resolve()

    def choose(self, path: str) -> Choice:
        """Which file answers `path`; raises NotFound when none does."""
        if path.startswith("api/") or path == "api":
            raise NotFound("No such API path.")
        if path.endswith(HIDDEN_SUFFIXES):
            raise NotFound("No such file.")
        candidate = (self.dist / path).resolve()
        if path and candidate.is_relative_to(self.dist) and candidate.is_file():
            hashed = candidate.parent == self.dist / "assets"
            return Choice(candidate, IMMUTABLE if hashed else NO_CACHE)
        if path.startswith("assets/"):
            # A hashed file of another build: HTML in its place would only confuse.
            raise NotFound("No such asset (the dashboard was rebuilt: reload the page).")
        index = self.dist / "index.html"
        if not index.is_file():
            raise NotFound("The dashboard is not built: `make up` builds it "
                           "(or run `npm run build`).")
        return Choice(index, NO_CACHE)

    def respond(self, request: Request, path: str) -> Response:
        choice = self.choose(path)
        media_type = mimetypes.guess_type(choice.path.name)[0] or "application/octet-stream"
        if media_type.startswith("text/") or media_type.endswith(("javascript", "json")):
            media_type += "; charset=utf-8"
        gz = choice.path.with_name(choice.path.name + ".gz")
        send, headers = choice.path, {"Cache-Control": choice.cache_control,
                                      "Vary": "Accept-Encoding"}
        if gz.is_file() and accepts_gzip(request.headers.get("accept-encoding")):
            send = gz
            headers["Content-Encoding"] = "gzip"
        response = FileResponse(send, media_type=media_type, headers=headers,
                                stat_result=send.stat())
        etag = response.headers.get("etag")
        if etag and etag in _etags(request.headers.get("if-none-match")):
            kept = {k: v for k, v in response.headers.items()
                    if k in ("etag", "cache-control", "vary", "last-modified")}
            return Response(status_code=304, headers=kept)
        return response


def _etags(header: str | None) -> set[str]:
    if not header:
        return set()
    return {tag.strip().removeprefix("W/") for tag in header.split(",")}


def mount(app: FastAPI, dist: Path) -> None:
    """Serve the SPA at every non-API path; files are looked up per request, so the
    route works before the first build and picks up a rebuild without a restart."""
    dashboard = Dashboard(dist)

    @app.api_route("/{path:path}", methods=["GET", "HEAD"], include_in_schema=False)
    async def spa(request: Request, path: str) -> Response:
        return dashboard.respond(request, path)
