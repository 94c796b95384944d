"""Fetching pages and feeds over HTTP(S), safely: timeouts, a size limit, only http(s), and no
private, loopback or link-local addresses (a URL list must not reach into the local network)
unless the user allows it.

The address rule is checked twice: on each URL's host before the request (a clear early error,
on every redirect hop, since redirects are followed by hand) and again on the very address the
socket connects to, so that a name that resolves to a public address for the check and to a
private one for the connection (DNS rebinding) is refused too. Every fetch also has a total
time limit, so that a server that trickles bytes or never stops sending cannot hold a run, and
compressed bodies are decompressed in bounded steps, so that a gzip bomb stops at the size limit.
"""

from __future__ import annotations

import ipaddress
import socket
import threading
import time
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx
from httpcore._backends.sync import SyncStream  # the stream httpcore wraps a socket in

from claimwatch import __version__
from claimwatch.errors import InputError

MAX_BYTES = 10 * 1024 * 1024
TIMEOUT_S = 20.0  # no byte for this long: the server is gone
TOTAL_S = 60.0  # the whole fetch, redirects included: a trickling or endless response is cut here
MAX_REDIRECTS = 5
#: decompressed bytes per step: a compressed chunk never expands in memory past this
_INFLATE_STEP = 64 * 1024


@dataclass
class Fetched:
    url: str  # after redirects
    data: bytes
    content_type: str


def _non_public(address: str) -> bool:
    """Private, loopback, link-local, reserved, multicast or unspecified (IPv4-mapped IPv6 included)."""
    ip = ipaddress.ip_address(address.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return not ip.is_global or ip.is_multicast


def _resolve(host: str, port: int | None = None) -> list[tuple[int, Any]]:
    """(address family, socket address) of every address of a host; InputError when it has none."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP)
    except socket.gaierror as exc:
        raise InputError(f"{host}: cannot resolve ({exc.strerror})") from exc
    return [(info[0], info[4]) for info in infos]


def _blocked_address(host: str) -> str | None:
    """Why the host may not be fetched (it resolves to a non-public address), or None."""
    for _family, sockaddr in _resolve(host):
        if _non_public(sockaddr[0]):
            return f"{host} resolves to the non-public address {sockaddr[0]} (use --allow-private)"
    return None


class _Deadline(threading.local):
    """The monotonic time the current fetch of this thread must end by (None: no fetch running)."""

    at: float | None = None

    def remaining(self, timeout: float | None) -> float | None:
        """A socket timeout no longer than the time left; ReadTimeout once none is left."""
        if self.at is None:
            return timeout
        left = self.at - time.monotonic()
        if left <= 0:
            raise httpcore.ReadTimeout("total time limit reached")
        return left if timeout is None else min(timeout, left)


class _Stream(httpcore.NetworkStream):
    """A connection whose every read and write ends by the fetch's deadline."""

    def __init__(self, inner: httpcore.NetworkStream, deadline: _Deadline) -> None:
        self.inner, self.deadline = inner, deadline

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self.inner.read(max_bytes, self.deadline.remaining(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self.inner.write(buffer, self.deadline.remaining(timeout))

    def close(self) -> None:
        self.inner.close()

    def start_tls(self, ssl_context: Any, server_hostname: str | None = None,
                  timeout: float | None = None) -> httpcore.NetworkStream:
        tls = self.inner.start_tls(ssl_context, server_hostname, self.deadline.remaining(timeout))
        return _Stream(tls, self.deadline)

    def get_extra_info(self, info: str) -> Any:
        return self.inner.get_extra_info(info)


class _GuardedBackend(httpcore.SyncBackend):
    """Connects only to addresses the rule allows, checked on the resolved address itself."""

    def __init__(self, allow_private: bool, deadline: _Deadline) -> None:
        self.allow_private, self.deadline = allow_private, deadline

    def connect_tcp(self, host: str, port: int, timeout: float | None = None, local_address: str | None = None,
                    socket_options: Iterable[Any] | None = None) -> httpcore.NetworkStream:
        addresses = _resolve(host, port)
        if not self.allow_private:
            for _family, sockaddr in addresses:
                if _non_public(sockaddr[0]):
                    raise InputError(f"{host} connects to the non-public address {sockaddr[0]} "
                                     f"(use --allow-private)")
        error: OSError | None = None
        for family, sockaddr in addresses:  # the vetted addresses, never a second lookup
            sock = socket.socket(family, socket.SOCK_STREAM)
            try:
                sock.settimeout(self.deadline.remaining(timeout))
                sock.connect(sockaddr)
            except OSError as exc:
                sock.close()
                error = exc
                continue
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            return _Stream(SyncStream(sock), self.deadline)
        if isinstance(error, TimeoutError):
            raise httpcore.ConnectTimeout(str(error))
        raise httpcore.ConnectError(str(error or f"{host}: no address"))


def _transport(allow_private: bool, deadline: _Deadline) -> httpx.HTTPTransport:
    """httpx's transport over the guarded backend (httpx has no public hook for the backend)."""
    transport = httpx.HTTPTransport()
    transport._pool._network_backend = _GuardedBackend(allow_private, deadline)  # type: ignore[attr-defined]
    return transport


def _inflate(chunks: Iterator[bytes], encoding: str) -> Iterator[bytes]:
    """The body decoded from gzip or deflate in steps of at most _INFLATE_STEP bytes, so that the
    caller's size limit stops a decompression bomb before it fills the memory."""
    if encoding in ("", "identity"):
        yield from chunks
        return
    if encoding not in ("gzip", "x-gzip", "deflate"):
        raise InputError(f"unsupported Content-Encoding {encoding!r}")
    inflater = zlib.decompressobj(zlib.MAX_WBITS | 32 if encoding != "deflate" else zlib.MAX_WBITS)
    first = True
    for chunk in chunks:
        data = chunk
        while data:
            try:
                out = inflater.decompress(data, _INFLATE_STEP)
            except zlib.error as exc:
                if not (first and encoding == "deflate"):
                    raise InputError(f"corrupt {encoding} body: {exc}") from exc
                inflater = zlib.decompressobj(-zlib.MAX_WBITS)  # raw deflate, as some servers send
                out = inflater.decompress(data, _INFLATE_STEP)
            first = False
            data = inflater.unconsumed_tail
            if out:
                yield out


class Fetcher:
    """One HTTP client for a whole ingest run."""

    def __init__(self, *, allow_private: bool = False, timeout: float = TIMEOUT_S, max_bytes: int = MAX_BYTES,
                 total_timeout: float = TOTAL_S, transport: httpx.BaseTransport | None = None) -> None:
        self.allow_private = allow_private
        self.max_bytes = max_bytes
        self.total_timeout = total_timeout
        self.deadline = _Deadline()
        self.client = httpx.Client(timeout=timeout, follow_redirects=False,
                                   transport=transport or _transport(allow_private, self.deadline),
                                   headers={"User-Agent": f"claimwatch/{__version__}",
                                            "Accept-Encoding": "gzip, deflate"})

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
        self.deadline.at = time.monotonic() + self.total_timeout
        try:
            return self._get(url)
        finally:
            self.deadline.at = None

    def _get(self, url: str) -> Fetched:
        for _ in range(MAX_REDIRECTS + 1):
            self.check(url)
            try:
                with self.client.stream("GET", url) as response:
                    if response.is_redirect and "location" in response.headers:
                        url = urljoin(url, response.headers["location"])
                        continue
                    return self._body(url, response)
            except InputError as exc:
                if str(exc).startswith(url):
                    raise
                raise InputError(f"{url}: {exc}") from exc
            except httpx.TimeoutException as exc:
                if self.deadline.at is not None and time.monotonic() >= self.deadline.at:
                    raise InputError(f"{url}: took longer than the total limit of {self.total_timeout:g}s") from exc
                raise InputError(f"{url}: timed out") from exc
            except httpx.RemoteProtocolError as exc:
                if "too long" in str(exc).lower() or "too large" in str(exc).lower():
                    raise InputError(f"{url}: response headers too large") from exc
                raise InputError(f"{url}: RemoteProtocolError: {exc}") from exc
            except httpx.HTTPError as exc:
                raise InputError(f"{url}: {type(exc).__name__}: {exc}") from exc
        raise InputError(f"{url}: more than {MAX_REDIRECTS} redirects")

    def _body(self, url: str, response: httpx.Response) -> Fetched:
        """The decoded body, refused as soon as it passes the size or time limit."""
        if response.status_code >= 400:
            raise InputError(f"{url}: HTTP {response.status_code}")
        declared = response.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > self.max_bytes:
            raise InputError(f"{url}: larger than {self.max_bytes} bytes")
        encoding = response.headers.get("content-encoding", "").strip().lower()
        raw: Iterator[bytes] = response.iter_raw()
        if response.is_stream_consumed:  # a body given whole (a mock transport): httpx decoded it already
            raw, encoding = iter([response.content]), ""
        chunks, size = [], 0
        for chunk in _inflate(raw, encoding):
            size += len(chunk)
            if size > self.max_bytes:
                what = "decompresses to more" if encoding not in ("", "identity") else "larger"
                raise InputError(f"{url}: {what} than {self.max_bytes} bytes")
            self.deadline.remaining(None)  # an endless body of small fast chunks
            chunks.append(chunk)
        return Fetched(str(response.url), b"".join(chunks), response.headers.get("content-type", ""))
