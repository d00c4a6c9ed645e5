"""A local web server in a thread, for the tests that fetch URLs: it listens on 127.0.0.1
only, so no test ever reaches another address. Each route is a function of the handler."""

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

SEEDS = Path(__file__).resolve().parent.parent / "fixtures" / "seeds"


def send(handler, body: bytes, content_type="text/plain; charset=utf-8", status=200):
    handler.send_response(status)
    handler.send_header("Content-Type", content_type)
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)


def redirect(location: str):
    def route(handler):
        handler.send_response(302)
        handler.send_header("Location", location)
        handler.send_header("Content-Length", "0")
        handler.end_headers()

    return route


def file(body: bytes, content_type="text/plain; charset=utf-8"):
    return lambda handler: send(handler, body, content_type)


def endless(handler):
    """No Content-Length, and more bytes than any limit: only a streamed limit stops it."""
    handler.send_response(200)
    handler.send_header("Content-Type", "text/plain")
    handler.end_headers()
    try:
        for _ in range(4096):  # 64 MiB at most, so the thread ends even if nobody stops it
            handler.wfile.write(b"0" * 16384)
    except OSError:
        pass


def declared_huge(handler):
    handler.send_response(200)
    handler.send_header("Content-Type", "text/plain")
    handler.send_header("Content-Length", str(10**12))
    handler.end_headers()


def dribble(handler):
    """Headers at once, then a byte every 0.2 s for 6 s: each read is quick, the whole slow."""
    handler.send_response(200)
    handler.send_header("Content-Type", "text/plain")
    handler.end_headers()
    try:
        for _ in range(30):
            handler.wfile.write(b"x")
            handler.wfile.flush()
            time.sleep(0.2)
    except OSError:
        pass


def silent(handler):
    time.sleep(3)
    try:
        send(handler, b"too late")
    except OSError:
        pass


class LocalServer:
    def __init__(self):
        self.routes = {}
        self.requests = []
        routes, requests = self.routes, self.requests

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                requests.append(self.path)
                route = routes.get(self.path.split("?", 1)[0])
                if route is None:
                    send(self, b"not found", status=404)
                else:
                    route(self)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def url(self, path: str, host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self.port}{path}"

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def web(settings):
    """The local server, with the settings that let the app fetch from it (and only it)."""
    settings.FETCH_ALLOWED_HOSTS = ["127.0.0.1", "127.0.0.2", "localhost"]
    settings.FETCH_ALLOWED_ADDRESSES = ["127.0.0.1"]
    settings.FETCH_TIMEOUT_SECONDS = 2
    with LocalServer() as server:
        yield server
