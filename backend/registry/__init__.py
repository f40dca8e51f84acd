"""The image registry: token auth for Docker Distribution, platform credentials."""
