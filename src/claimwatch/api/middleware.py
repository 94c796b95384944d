"""ASGI middleware every response goes through: the security headers (CSP), and the body-size
limit, checked on Content-Length and again on the bytes as they stream in (a chunked upload has
no length to trust)."""

from __future__ import annotations

import json

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from claimwatch.api.problems import PROBLEM_JSON, problem_body
from claimwatch.api.settings import SECURITY_HEADERS

_HEADERS = [(k.lower().encode(), v.encode()) for k, v in SECURITY_HEADERS.items()]


class SecurityHeaders:
    """Adds the Content-Security-Policy and its companions to every HTTP response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {k for k, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [h for h in _HEADERS if h[0] not in names]
            await send(message)

        await self.app(scope, receive, with_headers)


class TooLarge(HTTPException):
    """Raised while the body streams in; an HTTPException, so the app's handlers answer it (413)."""

    def __init__(self, detail: str) -> None:
        super().__init__(413, detail)


async def _problem(send: Send, status: int, detail: str, kind: str) -> None:
    body = json.dumps(problem_body(status, detail, kind)).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", PROBLEM_JSON.encode()), (b"content-length", str(len(body)).encode()),
                            *_HEADERS]})
    await send({"type": "http.response.body", "body": body})


class RequestGuard:
    """413 for a body over `max_bytes`; 400 for a NUL byte in the path or query (no filter has one,
    and some databases refuse them)."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if b"%00" in scope.get("query_string", b"") or "\x00" in scope.get("path", ""):
            await _problem(send, 400, "a NUL character in the URL", "bad-filter")
            return
        too_large = (f"the request body is over the limit of {self.max_bytes} bytes "
                     "(start the server with a larger --max-body)")
        length = dict(scope.get("headers", [])).get(b"content-length")
        if length is not None and length.isdigit() and int(length) > self.max_bytes:
            await _problem(send, 413, too_large, "too-large")
            return
        seen = 0
        started = False

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:
                    raise TooLarge(too_large)
            return message

        async def tracked(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted, tracked)
        except TooLarge:
            if not started:
                await _problem(send, 413, too_large, "too-large")
