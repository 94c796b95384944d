"""Fetching pages and feeds over HTTP(S), safely: timeouts, a size limit, only http(s), and no
private, loopback or link-local addresses (a URL list must not reach into the local network)
unless the user allows it. Redirects are followed by hand so that every hop is checked."""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpx

from claimwatch import __version__
from claimwatch.errors import InputError

MAX_BYTES = 10 * 1024 * 1024
TIMEOUT_S = 20.0
MAX_REDIRECTS = 5


@dataclass
class Fetched:
    url: str  # after redirects
    data: bytes
    content_type: str


def _blocked_address(host: str) -> str | None:
    """Why the host may not be fetched (it resolves to a non-public address), or None."""
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except socket.gaierror as exc:
        raise InputError(f"{host}: cannot resolve ({exc.strerror})") from exc
    for info in infos:
        address = ipaddress.ip_address(info[4][0].split("%")[0])
        if not address.is_global or address.is_multicast:
            return f"{host} resolves to the non-public address {address} (use --allow-private)"
    return None


class Fetcher:
    """One HTTP client for a whole ingest run."""

    def __init__(self, *, allow_private: bool = False, timeout: float = TIMEOUT_S, max_bytes: int = MAX_BYTES,
                 transport: httpx.BaseTransport | None = None) -> None:
        self.allow_private = allow_private
        self.max_bytes = max_bytes
        self.client = httpx.Client(timeout=timeout, follow_redirects=False, transport=transport,
                                   headers={"User-Agent": f"claimwatch/{__version__}"})

    def close(self) -> None:
        self.client.close()

    def check(self, url: str) -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https"):
            raise InputError(f"{url}: only http and https URLs are fetched")
        if not parts.hostname:
            raise InputError(f"{url}: no host")
        if not self.allow_private and (why := _blocked_address(parts.hostname)):
            raise InputError(f"{url}: {why}")

    def get(self, url: str) -> Fetched:
        """The body of a URL (after checked redirects); InputError with the reason otherwise."""
        for _ in range(MAX_REDIRECTS + 1):
            self.check(url)
            try:
                with self.client.stream("GET", url) as response:
                    if response.is_redirect and "location" in response.headers:
                        url = urljoin(url, response.headers["location"])
                        continue
                    if response.status_code >= 400:
                        raise InputError(f"{url}: HTTP {response.status_code}")
                    declared = response.headers.get("content-length")
                    if declared and declared.isdigit() and int(declared) > self.max_bytes:
                        raise InputError(f"{url}: larger than {self.max_bytes} bytes")
                    chunks, size = [], 0
                    for chunk in response.iter_bytes():
                        size += len(chunk)
                        if size > self.max_bytes:
                            raise InputError(f"{url}: larger than {self.max_bytes} bytes")
                        chunks.append(chunk)
                    return Fetched(str(response.url), b"".join(chunks), response.headers.get("content-type", ""))
            except httpx.TimeoutException as exc:
                raise InputError(f"{url}: timed out") from exc
            except httpx.HTTPError as exc:
                raise InputError(f"{url}: {type(exc).__name__}: {exc}") from exc
        raise InputError(f"{url}: more than {MAX_REDIRECTS} redirects")
