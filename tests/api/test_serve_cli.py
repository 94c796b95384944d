"""`claimwatch serve` itself: a real process on a loopback port, over a store, bound to 127.0.0.1."""

from __future__ import annotations

import socket
import subprocess
import sys
import time

import httpx
from sample_store import build


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_serve_answers_on_loopback_with_writes_off(tmp_path):
    db = tmp_path / "serve.db"
    build(db).close()
    port = _free_port()
    env = {"PATH": "/usr/bin:/bin", "CLAIMWATCH_TOKEN": ""}
    server = subprocess.Popen([sys.executable, "-m", "claimwatch", "serve", "--db", str(db), "--port", str(port)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/api/events", timeout=5)
                break
            except httpx.HTTPError:
                assert server.poll() is None and time.monotonic() < deadline, server.stderr.read()
                time.sleep(0.2)
        assert r.status_code == 200 and r.json()["total"] == 4
        write = httpx.post(f"http://127.0.0.1:{port}/api/documents", json={"text": "x"}, timeout=5)
        assert write.status_code == 403 and "--token" in write.json()["detail"]
    finally:
        server.terminate()
        _, err = server.communicate(timeout=20)
    assert f"on http://127.0.0.1:{port}/" in err and "writes are off" in err
