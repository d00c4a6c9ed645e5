"""`make serve` (scripts/serve) in a real subprocess on 127.0.0.1: gunicorn answers /healthz,
serves the collected static files under hashed names with a year-long Cache-Control, and
pages link to those names. Bounded: the server must answer within START_TIMEOUT seconds and
is stopped (its whole process group) at the end."""

import http.client
import os
import re
import signal
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
START_TIMEOUT = 90  # collectstatic compresses every file first


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(port, path):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("GET", path, headers={"Accept-Encoding": "gzip"})
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()


@contextmanager
def serving(env: dict, log: Path, timeout: float):
    """scripts/serve running with `env` until the block ends, answering /healthz first; its
    whole process group stopped at the end (a hung gunicorn worker must not outlive it)."""
    port = int(env["BIND"].rsplit(":", 1)[1])
    with open(log, "wb") as output:
        process = subprocess.Popen(
            [str(ROOT / "scripts" / "serve")],
            cwd=ROOT,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: stopped as one below
        )
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                if get(port, "/healthz")[0] in (200, 503):
                    break
            except OSError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"scripts/serve did not answer:\n{log.read_text()[-3000:]}")
            time.sleep(0.3)
        yield process
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("serve")
    port = free_port()
    env = {
        **{k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")},
        "DATABASE_URL": f"sqlite:///{folder / 'db.sqlite3'}",
        "DEBUG": "0",
        "HTTPS": "0",  # plain HTTP on 127.0.0.1
        "SECRET_KEY": "serve-test-only-secret-key-not-used-elsewhere",
        "STATIC_ROOT": str(folder / "static"),
        "MEDIA_ROOT": str(folder / "media"),
        "DJANGO_SETTINGS_MODULE": "gkreport.settings",
        "PYTHON": sys.executable,
        "BIND": f"127.0.0.1:{port}",
        "WEB_WORKERS": "1",
        "WEB_THREADS": "4",
    }
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
        timeout=120,
    )
    log = folder / "serve.log"
    with serving(env, log, START_TIMEOUT) as process:
        yield port, process.pid, log


def test_the_health_endpoint_answers_from_gunicorn(server):
    port, _, _ = server
    status, _, body = get(port, "/healthz")
    assert status == 200, body


def test_pages_link_hashed_static_files_served_for_a_year(server):
    port, _, _ = server
    status, _, page = get(port, "/accounts/login/")
    assert status == 200
    hashed = re.search(rb'href="(/static/gkreport/app\.[0-9a-f]{12}\.css)"', page)
    assert hashed, page[:2000]
    status, headers, body = get(port, hashed.group(1).decode())
    assert status == 200
    assert headers["Content-Encoding"] == "gzip"  # compressed once, at collectstatic
    assert "max-age=315360000" in headers["Cache-Control"]
    assert "immutable" in headers["Cache-Control"]


def test_favicon_ico_leads_to_the_hashed_icon(server):
    port, _, _ = server
    status, headers, _ = get(port, "/favicon.ico")
    assert status == 302
    icon = re.fullmatch(r"/static/gkreport/favicon\.[0-9a-f]{12}\.svg", headers["Location"])
    assert icon, headers["Location"]
    status, headers, _ = get(port, headers["Location"])
    assert status == 200 and headers["Content-Type"].startswith("image/svg+xml")


def test_a_background_worker_runs_beside_it(server):
    _, session, _ = server
    deadline = time.monotonic() + 20
    while (
        b"gk_worker"
        not in subprocess.run(
            ["ps", "-o", "args=", "--sid", str(session)], capture_output=True, timeout=10
        ).stdout
    ):
        assert time.monotonic() < deadline, "no gk_worker process"
        time.sleep(0.5)


def test_its_access_log_carries_the_request_id(server):
    port, _, log = server
    _, headers, _ = get(port, "/healthz")
    request_id = headers["X-Request-ID"]
    deadline = time.monotonic() + 10
    while f"request_id={request_id}" not in log.read_text():
        assert time.monotonic() < deadline, log.read_text()[-2000:]
        time.sleep(0.2)
