"""With REDIS_URL the public list page and published PDFs are cached once for every process
and machine: another process finds what this one stored."""

import os
import subprocess
import sys
from pathlib import Path

from django.core.cache import cache
from django.test import override_settings

from tests.public.test_report_pdf import url

ROOT = Path(__file__).resolve().parent.parent.parent


def redis_cache(location):
    return {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": location,
            "KEY_PREFIX": "gkreport",
        }
    }


def keys_seen_by_another_process(location) -> list[str]:
    """The cache keys another process finds, configured only through REDIS_URL."""
    code = (
        "import django; django.setup();"
        "from django.core.cache import cache;"
        "client = cache._cache.get_client();"
        "print('\\n'.join(sorted(k.decode() for k in client.keys('*'))))"
    )
    environ = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    completed = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**environ, "DJANGO_SETTINGS_MODULE": "gkreport.settings", "REDIS_URL": location},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert completed.returncode == 0, completed.stderr
    return completed.stdout.split()


def test_the_list_page_and_the_pdf_are_cached_for_every_process(
    client, people, published, redis_url
):
    with override_settings(CACHES=redis_cache(redis_url)):
        assert client.get("/public/").status_code == 200
        pdf = client.get(url(people))
        assert pdf.status_code == 200
        sha256 = published.versions.get().sha256
        assert cache.get(f"public:pdf:{sha256}") == pdf.content
    keys = keys_seen_by_another_process(redis_url)
    assert any(key.startswith("gkreport:1:public:list:") for key in keys), keys
    assert f"gkreport:1:public:pdf:{sha256}" in keys
