"""One settings file, read through typed environment helpers that refuse junk."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from gkreport.lib.env import envbool, envheader, envint, envlist

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    "value, expected", [("1", True), ("yes", True), ("0", False), ("off", False)]
)
def test_envbool_reads_booleans(monkeypatch, value, expected):
    monkeypatch.setenv("GK_FLAG", value)
    assert envbool("GK_FLAG", not expected) is expected


def test_envbool_refuses_junk(monkeypatch):
    monkeypatch.setenv("GK_FLAG", "maybe")
    with pytest.raises(ImproperlyConfigured, match="GK_FLAG='maybe' is not a boolean"):
        envbool("GK_FLAG", False)


def test_envint_refuses_junk(monkeypatch):
    monkeypatch.setenv("GK_NUMBER", "ten")
    with pytest.raises(ImproperlyConfigured, match="is not an integer"):
        envint("GK_NUMBER", 1)
    monkeypatch.setenv("GK_NUMBER", "12")
    assert envint("GK_NUMBER", 1) == 12


def test_envlist_splits_on_commas(monkeypatch):
    monkeypatch.setenv("GK_HOSTS", "a.example, b.example,")
    assert envlist("GK_HOSTS", []) == ["a.example", "b.example"]


def test_language_and_time_zone():
    assert settings.LANGUAGE_CODE == "zh-hans"
    assert settings.TIME_ZONE == "Asia/Shanghai"


def _environ_without(*names):
    return {k: v for k, v in os.environ.items() if k not in names}


def _start(**env):
    code = "import django; django.setup(); from django.conf import settings; print(settings.DATABASES['default']['ENGINE'])"
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        # Not the DATABASE_URL of the run: the suite itself may be running on PostgreSQL.
        env={
            **_environ_without("DATABASE_URL"),
            "DJANGO_SETTINGS_MODULE": "gkreport.settings",
            **env,
        },
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_it_refuses_to_start_without_debug_on_the_development_key():
    env = _environ_without("SECRET_KEY", "DATABASE_URL")
    completed = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=ROOT,
        env={**env, "DJANGO_SETTINGS_MODULE": "gkreport.settings", "DEBUG": "0"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert completed.returncode != 0
    assert "SECRET_KEY is the built-in development key" in completed.stderr


def test_it_starts_without_debug_on_a_real_key():
    completed = _start(DEBUG="0", SECRET_KEY="a-real-secret-for-this-test")
    assert completed.returncode == 0, completed.stderr


def test_sqlite_is_the_default_and_database_url_selects_postgresql():
    assert _start().stdout.strip() == "django.db.backends.sqlite3"
    completed = _start(DATABASE_URL="postgres://gk:pw@db.internal:5432/gkreport")
    assert completed.stdout.strip() == "django.db.backends.postgresql"


def test_junk_in_debug_is_refused():
    completed = _start(DEBUG="perhaps")
    assert completed.returncode != 0
    assert "is not a boolean" in completed.stderr


def test_a_junk_redis_url_is_refused():
    completed = _start(REDIS_URL="localhost")
    assert completed.returncode != 0
    assert "is not a Redis URL" in completed.stderr


def test_envheader_reads_a_proxy_header(monkeypatch):
    monkeypatch.setenv("GK_HEADER", "X-Forwarded-Proto: https")
    assert envheader("GK_HEADER") == ("HTTP_X_FORWARDED_PROTO", "https")
    monkeypatch.setenv("GK_HEADER", "X-Forwarded-Ssl:on")
    assert envheader("GK_HEADER") == ("HTTP_X_FORWARDED_SSL", "on")
    monkeypatch.setenv("GK_HEADER", "")
    assert envheader("GK_HEADER") is None
    monkeypatch.setenv("GK_HEADER", "X Forwarded Proto")
    with pytest.raises(ImproperlyConfigured, match="is not a header name"):
        envheader("GK_HEADER")


PRODUCTION = {"DEBUG": "0", "SECRET_KEY": secrets.token_urlsafe(50)}


def _deploy_check(**env):
    base = _environ_without(*SECURITY_VARIABLES, "DATABASE_URL")
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env={**base, "DJANGO_SETTINGS_MODULE": "gkreport.settings", **PRODUCTION, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


SECURITY_VARIABLES = {
    "HTTPS",
    "SECURE_SSL_REDIRECT",
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SECURE_PROXY_SSL_HEADER",
    "DJANGO_ALLOW_ASYNC_UNSAFE",  # set by the browser tests' fixture, never in production
}


def test_the_deploy_check_is_clean_in_production():
    completed = _deploy_check()
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert "System check identified no issues" in completed.stdout


def test_the_deploy_check_is_clean_behind_a_tls_proxy():
    completed = _deploy_check(SECURE_PROXY_SSL_HEADER="X-Forwarded-Proto: https")
    assert completed.returncode == 0, completed.stdout + completed.stderr


def test_https_settings_follow_the_environment():
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.SECURE_SSL_REDIRECT, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, "
        "s.SECURE_HSTS_SECONDS, s.SECURE_PROXY_SSL_HEADER)"
    )

    def read(**env):
        base = _environ_without(*SECURITY_VARIABLES, "DATABASE_URL")
        completed = subprocess.run(
            [sys.executable, "-c", code],
            cwd=ROOT,
            env={**base, "DJANGO_SETTINGS_MODULE": "gkreport.settings", **env},
            capture_output=True,
            text=True,
            timeout=60,
        )
        return completed.stdout.strip().splitlines()[-1]

    assert read(**PRODUCTION) == "True True True 31536000 None"
    assert read(DEBUG="1") == "False False False 0 None"
    assert read(**PRODUCTION, HTTPS="0") == "False False False 0 None"
    assert (
        read(**PRODUCTION, SECURE_HSTS_SECONDS="3600", SECURE_PROXY_SSL_HEADER="X-Forwarded-Proto")
        == "True True True 3600 ('HTTP_X_FORWARDED_PROTO', 'https')"
    )


def test_production_responses_carry_hsts_and_csp(tmp_path):
    code = (
        "import django; django.setup(); from django.test import Client; c = Client(); "
        "r = c.get('/check/'); print(r.status_code, r.url); "
        "r = c.get('/accounts/login/', secure=True); "
        "print(r.status_code); print(r['Strict-Transport-Security']); "
        "print(r['Content-Security-Policy'])"
    )
    base = _environ_without(*SECURITY_VARIABLES, "DATABASE_URL")
    # Without DEBUG pages name the hashed static files: collected first, as `make serve` does.
    env = {**base, "DJANGO_SETTINGS_MODULE": "gkreport.settings", **PRODUCTION}
    env["STATIC_ROOT"] = str(tmp_path / "static")
    collect = [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"]
    subprocess.run(collect, cwd=ROOT, env=env, check=True, timeout=300)
    completed = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    redirect, status, hsts, csp = completed.stdout.strip().splitlines()[-4:]
    assert redirect.startswith("301 https://testserver/check/")  # plain HTTP goes to HTTPS
    assert status == "200"
    assert hsts == "max-age=31536000; includeSubDomains; preload"
    assert "default-src 'self'" in csp and "script-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp and "unsafe-inline" not in csp
