"""What `claimwatch serve` is configured with; one object, so the CLI, tests and the app agree."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

#: Request bodies larger than this are refused with 413 (a long article is well under 1 MB).
MAX_BODY_BYTES = 2 * 1024 * 1024
#: An analysis that takes longer is answered with 503 (its thread finishes in the background).
ANALYSIS_TIMEOUT_S = 60.0
#: At most this many URLs in one POST /api/documents.
MAX_URLS = 20

#: Sent with every response: scripts and styles only from this server, no inline code, no framing.
CONTENT_SECURITY_POLICY = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                           "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
                           "form-action 'self'; frame-ancestors 'none'")
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


@dataclass
class Settings:
    """`db`: a SQLite path or database URL (None: $CLAIMWATCH_DB, else ./claimwatch.db); `token`: the
    bearer token writes need (None: $CLAIMWATCH_TOKEN; empty: writes refused)."""

    db: str | None = None
    token: str | None = field(default=None, repr=False)
    max_body_bytes: int = MAX_BODY_BYTES
    analysis_timeout_s: float = ANALYSIS_TIMEOUT_S
    max_urls: int = MAX_URLS
    allow_private: bool = False

    def __post_init__(self) -> None:
        if self.token is None:
            self.token = os.environ.get("CLAIMWATCH_TOKEN") or None
        self.token = self.token or None
