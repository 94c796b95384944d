"""The HTTP API of `claimwatch serve` (FastAPI): `create_app(Settings(db=...))` gives the ASGI app."""

from claimwatch.api.app import create_app
from claimwatch.api.settings import Settings

__all__ = ["create_app", "Settings"]
