"""The server as `.streamlit/config.toml` starts it, probed from outside: it listens on the
loopback address only, and refuses the page's WebSocket to a host name it was not given (what a
DNS-rebinding page would use) while taking it from `localhost`."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
START_TIMEOUT_S = 60


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def outward_address() -> str | None:
    """This machine's address on its network (no packet is sent), if it has one."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        try:
            sock.connect(("192.0.2.1", 9))  # TEST-NET-1: routable in form, never answered
        except OSError:
            return None
        address = sock.getsockname()[0]
    return None if address.startswith("127.") or address == "0.0.0.0" else address


@pytest.fixture(scope="module")
def port(tmp_path_factory: pytest.TempPathFactory):
    """`streamlit run dashboard.py` with nothing but the repository's config: no address given."""
    port = free_port()
    env = {**os.environ, "SCO_DATA_CACHE_DIR": str(tmp_path_factory.mktemp("cache"))}
    env.pop("SCO_DATA_DIR", None)
    server = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "dashboard.py", "--server.headless", "true",
         "--server.port", str(port), "--server.fileWatcherType", "none"],
        cwd=REPO_ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + START_TIMEOUT_S
    try:
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2):
                    break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise RuntimeError("streamlit did not start") from None
                time.sleep(0.3)
        yield port
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_it_listens_on_the_loopback_address_only(port):
    with socket.create_connection(("127.0.0.1", port), timeout=5):
        pass
    address = outward_address()
    if address is None:
        pytest.skip("this machine has no network address besides loopback")
    with pytest.raises(OSError), socket.create_connection((address, port), timeout=5):
        pass


def handshake(port: int, host: str) -> str:
    """The status line the server answers a WebSocket opening of the page's stream with."""
    request = (f"GET /_stcore/stream HTTP/1.1\r\nHost: {host}:{port}\r\nUpgrade: websocket\r\n"
               "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
               f"Sec-WebSocket-Version: 13\r\nOrigin: http://{host}:{port}\r\n\r\n")
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(request.encode("ascii"))
        return sock.recv(4096).decode("latin-1").split("\r\n", 1)[0]


def test_a_foreign_host_name_is_refused_the_page_stream(port):
    assert " 101 " in handshake(port, "localhost")
    refused = handshake(port, "rebound.example")
    assert " 101 " not in refused and refused.startswith("HTTP/1.1 4"), refused
