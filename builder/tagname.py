"""Image tags: `<git tag or branch>-<short commit>-c<config revision>` (pure).

Every tag points at one commit and one build configuration. Git allows names Docker does
not (`feature/x`, unicode, 250 characters): each character outside Docker's tag set
becomes `-`, a leading `.`/`-` is dropped and the ref part is cut so the whole fits.
"""

import re

MAX_TAG = 128
VALID_TAG = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}")
_INVALID = re.compile(r"[^A-Za-z0-9_.-]")
_SHA = re.compile(r"[0-9a-f]{7,64}")
SHORT_SHA = 7


def short_ref(ref: str) -> str:
    """`refs/heads/main` -> `main`, `refs/tags/v1` -> `v1`; anything else as it is."""
    for prefix in ("refs/heads/", "refs/tags/"):
        if ref.startswith(prefix):
            return ref[len(prefix):]
    return ref


def normalise(ref: str, limit: int = MAX_TAG) -> str:
    """A string of Docker's tag charset, at most `limit` long, never empty; a name that is
    already a valid tag (and short enough) comes back unchanged."""
    name = _INVALID.sub("-", short_ref(ref)).lstrip(".-")[:limit]
    return name or "ref"


def image_tag(ref: str, commit: str, config_revision: int) -> str:
    """`v1.4.0-3f9c2ab-c7`; ValueError for a commit that is not a hex sha."""
    if not _SHA.fullmatch(commit):
        raise ValueError(f"commit {commit!r} is not a git sha")
    if config_revision < 0:
        raise ValueError("config revision must be >= 0")
    suffix = f"-{commit[:SHORT_SHA]}-c{config_revision}"
    return normalise(ref, MAX_TAG - len(suffix)) + suffix
