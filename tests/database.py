"""The test database as other processes see it: a DATABASE_URL for a worker or a server the
test starts, and a way to make it refuse writes, on SQLite and on PostgreSQL alike."""

import os
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from django.db import connection

READ_ONLY_ROLE = "gk_read_only"
ROOT = Path(__file__).resolve().parents[1]


def worker_database_url() -> str:
    """DATABASE_URL of the test database (the run's own URL names the other database)."""
    name = connection.settings_dict["NAME"]
    if connection.vendor == "sqlite":
        return f"sqlite:///{name}"
    parts = urlsplit(os.environ["DATABASE_URL"])
    return urlunsplit(parts._replace(path=f"/{name}"))


def worker_environment() -> dict:
    """The environment of a `db_worker` the test starts: the test database, the files the
    test stored, the database queue (not the immediate backend the tests use)."""
    from django.conf import settings

    env = {**os.environ, "DATABASE_URL": worker_database_url()}
    env["MEDIA_ROOT"] = str(settings.MEDIA_ROOT)
    env.pop("TASKS_BACKEND", None)
    return env


def run_worker_batch(command: str = "db_worker", timeout: int = 120, **env):
    """Run every queued task in a worker process (`--batch`: it exits when the queue is
    empty) against the test database; `env` adds to worker_environment()."""
    return subprocess.run(
        [sys.executable, "manage.py", command, "--batch", "--no-reload", "--no-startup-delay"],
        cwd=ROOT,
        env={**worker_environment(), **env},
        capture_output=True,
        text=True,
        timeout=timeout,
    )


@contextmanager
def read_only_database():
    """Every write from this connection is refused, as by a read-only file (SQLite) or by a
    role with no right to write (PostgreSQL). Use in tests with transaction=True: on
    PostgreSQL a refused write ends the transaction it happens in."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("PRAGMA query_only = ON")
        else:
            cursor.execute(
                f"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{READ_ONLY_ROLE}')"
                f" THEN CREATE ROLE {READ_ONLY_ROLE}; END IF; END $$"
            )
            cursor.execute(f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {READ_ONLY_ROLE}")
            cursor.execute(f"GRANT USAGE ON SCHEMA public TO {READ_ONLY_ROLE}")
            cursor.execute(f"SET ROLE {READ_ONLY_ROLE}")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            if connection.vendor == "sqlite":
                cursor.execute("PRAGMA query_only = OFF")
            else:
                cursor.execute("RESET ROLE")
