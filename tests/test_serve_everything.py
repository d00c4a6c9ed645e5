"""`make serve` (scripts/serve) with every real component configured: the database of the run
(a PostgreSQL database of its own when the suite runs on PostgreSQL), Redis (REDIS_URL, a real
redis-server) and an S3-compatible store (moto's server). The demo is loaded through it and
served: /healthz passes all four checks, the public list and a published PDF come through
gunicorn, the PDF's bytes live in the bucket and the cache in Redis."""

import http.client
import os
import subprocess
import sys
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

from tests.test_serve import free_port, get, serving

ROOT = Path(__file__).resolve().parent.parent
START_TIMEOUT = 120


@pytest.fixture
def database_url(tmp_path):
    """A database nobody else uses: a new PostgreSQL database beside the run's, dropped after,
    or a SQLite file."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        yield f"sqlite:///{tmp_path / 'serve.sqlite3'}"
        return
    import psycopg

    name = f"gk_serve_{uuid.uuid4().hex[:8]}"
    parts = urlsplit(url)
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f"CREATE DATABASE {name}")
    try:
        yield urlunsplit(parts._replace(path=f"/{name}"))
    finally:
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def manage(env, *args, timeout=300):
    subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, timeout=timeout
    )


@pytest.fixture
def served(tmp_path, database_url, redis_url, s3_storage):
    port = free_port()
    env = {
        **os.environ,  # s3_storage has put STORAGE_BACKEND and S3_* there
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "DEBUG": "0",
        "HTTPS": "0",
        "SECRET_KEY": "serve-test-only-secret-key-not-used-elsewhere",
        "STATIC_ROOT": str(tmp_path / "static"),
        "PDF_CACHE_DIR": str(tmp_path / "pdf-cache"),
        "DJANGO_SETTINGS_MODULE": "gkreport.settings",
        "PYTHON": sys.executable,
        "BIND": f"127.0.0.1:{port}",
        "WEB_WORKERS": "2",
        "WEB_THREADS": "4",
    }
    env.pop("TASKS_BACKEND", None)
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "collectstatic", "--noinput", "-v0")  # the demo renders PDFs with them
    manage(env, "gk_demo", "-v0")
    with serving(env, tmp_path / "serve.log", START_TIMEOUT):
        yield port


def test_the_demo_is_served_with_the_database_redis_and_the_object_store(
    served, s3_storage, redis_url
):
    import json
    import re

    import redis

    status, _, body = get(served, "/healthz")
    health = json.loads(body)
    assert status == 200, health
    assert all(check["ok"] for check in health["checks"].values())
    assert set(health["checks"]) == {"database", "cache", "storage", "queue"}

    status, _, body = get(served, "/public/")
    assert status == 200
    links = re.findall(r'href="(/public/agency/[^"]+/\d{4}/)"', body.decode())
    assert links, "the demo's published reports are listed"
    connection = http.client.HTTPConnection("127.0.0.1", served, timeout=30)
    connection.request("GET", links[0] + "report.pdf")
    response = connection.getresponse()
    pdf = response.read()
    assert response.status == 200 and pdf.startswith(b"%PDF")

    client, bucket = s3_storage
    stored = client.list_objects_v2(Bucket=bucket).get("Contents", [])
    assert any(item["Key"].endswith(".pdf") and item["Size"] == len(pdf) for item in stored)
    assert redis.Redis(unix_socket_path=urlsplit(redis_url).path).dbsize() > 0
