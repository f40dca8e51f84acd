"""The built dashboard (frontend/dist) served by the API."""
