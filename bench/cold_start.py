"""A fresh server process on 127.0.0.1 hit by concurrent PDF renders the moment it listens.

Shared by bench/abuse_render.py and tests/pdf/test_pdf_concurrency.py. The server runs
against a database of its own (the demo data in a temporary SQLite file), never the
caller's; every request carries a session made up front, so the first requests a fresh
process handles are the renders themselves.
"""

import http.client
import os
import signal
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from bench.load import collect_static, free_port, gunicorn_command, wait_for

ROOT = Path(__file__).resolve().parent.parent
DEMO_USER = "chiping-editor"

# Run by `manage.py shell` in the prepared database: a logged-in session for the demo
# editor and the code of one of the agency's reports (its staff PDF renders every time).
_SESSION_SCRIPT = f"""
from django.contrib.auth import get_user_model
from django.test import Client
from gkreport.reports.models import Report
user = get_user_model().objects.get(username={DEMO_USER!r})
client = Client()
client.force_login(user)
report = Report.objects.filter(agency__memberships__user=user).order_by("year").last()
print(client.cookies["sessionid"].value, report.code)
"""


def _env(database_url: str) -> dict:
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "DEBUG": "0",
        "HTTPS": "0",  # plain HTTP on 127.0.0.1: no redirect, no secure-only cookies
        "SECRET_KEY": "cold-start-only-secret-key-not-used-elsewhere",
        "DJANGO_SETTINGS_MODULE": "gkreport.settings",
        "PYTHONFAULTHANDLER": "1",  # a native crash leaves the thread stacks on stderr
    }


def _manage(env, *args, timeout=120) -> str:
    completed = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if completed.returncode:
        raise RuntimeError(f"manage.py {args[0]} failed:\n{completed.stderr[-2000:]}")
    return completed.stdout


def prepare(folder: Path) -> dict:
    """Demo data in folder/db.sqlite3: the environment for the server, the report PDF's
    path and the session cookie to request it with."""
    env = _env(f"sqlite:///{folder / 'db.sqlite3'}")
    env["MEDIA_ROOT"] = str(folder / "media")
    collect_static(env, folder / "static")
    _manage(env, "migrate", "--noinput", "-v0")
    _manage(env, "gk_demo")
    session, code = _manage(env, "shell", "-v0", "-c", _SESSION_SCRIPT).split()
    return {"env": env, "path": f"/r/{code}/pdf/", "cookie": f"sessionid={session}"}


def server_command(kind: str, port: int) -> list[str]:
    """runserver as `make run` starts it (without the reloader's second process), or
    gunicorn as bench/load.py runs it (gthread), with one worker so that a crash shows."""
    if kind == "runserver":
        return [
            sys.executable,
            "manage.py",
            "runserver",
            "--noreload",
            "--skip-checks",
            f"127.0.0.1:{port}",
        ]
    return gunicorn_command(port, workers=1, threads=8, extra=("--timeout", "60"))


REQUEST_TIMEOUT = 45  # seconds; a healthy cold render of the demo report takes ~3-10


def _fetch(port: int, path: str, cookie: str) -> tuple[int, bytes, float]:
    """(status, body, seconds); status 0 when the server died, hung or refused."""
    started = time.perf_counter()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=REQUEST_TIMEOUT)
    try:
        connection.request("GET", path, headers={"Cookie": cookie})
        response = connection.getresponse()
        status, body = response.status, response.read()
    except (OSError, http.client.HTTPException) as error:
        status, body = 0, repr(error).encode()
    finally:
        connection.close()
    return status, body, time.perf_counter() - started


def _worker_pids(server: subprocess.Popen) -> set[int]:
    """gunicorn's worker processes (a replaced worker gets a new pid); empty for runserver."""
    children = Path(f"/proc/{server.pid}/task/{server.pid}/children")
    try:
        return {int(pid) for pid in children.read_text().split()}
    except OSError:
        return set()


def _wait_for_worker(server: subprocess.Popen, timeout=30) -> set[int]:
    """gunicorn listens before it forks its worker: wait for the worker to exist, so that
    a crash of it shows as a changed pid."""
    deadline = time.time() + timeout
    while not (workers := _worker_pids(server)) and time.time() < deadline:
        time.sleep(0.05)
    return workers


def _stop(server: subprocess.Popen):
    """SIGTERM, then SIGKILL to the whole group: gunicorn waits 30 s for a hung worker, and
    killing only the master would leave that worker running."""
    server.terminate()
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        pass
    try:
        os.killpg(server.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    server.wait()


def cold_round(kind: str, prepared: dict, clients: int = 5) -> dict:
    """Start a fresh server, send `clients` PDF requests together as soon as it listens,
    stop it. Returns the answers (status, body, seconds), whether the server (and for
    gunicorn its first worker) survived them, and the end of the server's stderr
    (faulthandler's stacks when it crashed)."""
    port = free_port()
    with tempfile.TemporaryFile() as stderr:
        server = subprocess.Popen(
            server_command(kind, port),
            cwd=ROOT,
            env=prepared["env"],
            stdout=subprocess.DEVNULL,
            stderr=stderr,
            start_new_session=True,  # its own process group: a hung worker goes with it
        )
        try:
            wait_for(port)
            workers = _wait_for_worker(server) if kind == "gunicorn" else set()
            with ThreadPoolExecutor(clients) as pool:
                futures = [
                    pool.submit(_fetch, port, prepared["path"], prepared["cookie"])
                    for _ in range(clients)
                ]
                answers = [future.result() for future in futures]
            alive = server.poll() is None and (not workers or _worker_pids(server) == workers)
        finally:
            _stop(server)
        stderr.seek(0)
        log = stderr.read().decode(errors="replace")
    return {"answers": answers, "alive": alive, "log": log[-3000:]}


def all_pdf(result: dict) -> bool:
    return all(status == 200 and body.startswith(b"%PDF") for status, body, _ in result["answers"])
