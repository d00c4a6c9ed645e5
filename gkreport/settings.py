"""gkreport settings: one file, read from environment variables through typed helpers."""

from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from gkreport.lib.env import envbool, envint, envlist, envstr

BASE_DIR = Path(__file__).resolve().parent.parent

DEVELOPMENT_SECRET_KEY = "gkreport-development-key-not-for-production"
SECRET_KEY = envstr("SECRET_KEY", DEVELOPMENT_SECRET_KEY)
DEBUG = envbool("DEBUG", True)
if not DEBUG and SECRET_KEY == DEVELOPMENT_SECRET_KEY:
    raise ImproperlyConfigured(
        "DEBUG is off but SECRET_KEY is the built-in development key: set SECRET_KEY."
    )

ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_tasks",
    "django_tasks_db",
    "gkreport.reports",
    "gkreport.review",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "gkreport.urls"
WSGI_APPLICATION = "gkreport.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# SQLite is the embedded default; DATABASE_URL (postgres://…) switches to PostgreSQL.
DATABASES = {
    "default": dj_database_url.parse(
        envstr("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=envint("DB_CONN_MAX_AGE", 0),
    )
}

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Writers wait for each other instead of failing, and a write transaction takes its
    # lock up front (no deadlock on upgrade). Tests use a file too: an in-memory shared
    # cache database refuses concurrent writers outright.
    # WAL with synchronous=NORMAL: readers never wait for the writer and a commit does not
    # wait for the disk twice (safe against a crash of the app; the usual SQLite web setup).
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / "test-db.sqlite3")}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
]

# Per-process memory cache: published PDFs (immutable, keyed by their hash) and the public
# list page (keyed by the latest publication). CACHE_MAX_ENTRIES bounds its memory.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "OPTIONS": {"MAX_ENTRIES": envint("CACHE_MAX_ENTRIES", 300)},
    }
}

LANGUAGE_CODE = "zh-hans"
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(envstr("STATIC_ROOT", str(BASE_DIR / "staticfiles")))

LOGIN_URL = "/accounts/login/"
LOGIN_REDIRECT_URL = "/"

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Largest report file accepted for import (text, JSON, PDF), in bytes.
MAX_UPLOAD_BYTES = envint("MAX_UPLOAD_BYTES", 10 * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = MAX_UPLOAD_BYTES

# Background work (the office's batch check) through Django's task framework (the
# django-tasks backport): queued in the database and run by `manage.py db_worker`, which
# `make run` starts beside the server. Nothing but the database is needed.
TASKS = {
    "default": {
        "BACKEND": envstr("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default"],
    }
}

# The office's batch check: at most this many files (uploaded, inside a .zip, or URLs) and
# this many bytes in all, each file at most MAX_UPLOAD_BYTES.
BATCH_MAX_FILES = envint("BATCH_MAX_FILES", 500)
BATCH_MAX_TOTAL_BYTES = envint("BATCH_MAX_TOTAL_BYTES", 200 * 1024 * 1024)
# Django refuses a request with more files than this outright (a bare 400); above the batch
# limit so that the batch form can say what the limit is.
DATA_UPLOAD_MAX_NUMBER_FILES = BATCH_MAX_FILES * 2

# Fetching a report from a URL (batch check, importing last year's report): only these hosts
# (`*.gov.cn` is gov.cn and every name under it), never a private, loopback or link-local
# address unless listed in FETCH_ALLOWED_ADDRESSES (tests only: refused in production).
FETCH_ALLOWED_HOSTS = envlist("FETCH_ALLOWED_HOSTS", ["*.gov.cn"])
FETCH_ALLOWED_ADDRESSES = envlist("FETCH_ALLOWED_ADDRESSES", [])
if not DEBUG and FETCH_ALLOWED_ADDRESSES:
    raise ImproperlyConfigured(
        "FETCH_ALLOWED_ADDRESSES lets the server fetch from private addresses: tests only."
    )
FETCH_TIMEOUT_SECONDS = envint("FETCH_TIMEOUT_SECONDS", 20)
FETCH_MAX_REDIRECTS = envint("FETCH_MAX_REDIRECTS", 5)

# Print fonts (see gkreport/reports/management/commands/gk_fonts.py): the official fonts
# first when installed, then the GB2312 cuts of Noto CJK SC built at set-up, then the full
# system fonts for characters outside GB2312.
PDF_FONT_DIR = Path(envstr("PDF_FONT_DIR", str(BASE_DIR / "var" / "fonts")))
PDF_FONTS = {
    "title": envlist("PDF_FONT_TITLE", ["方正小标宋简体", "GK Serif SC", "Noto Serif CJK SC"]),
    "body": envlist("PDF_FONT_BODY", ["仿宋_GB2312", "GK Serif SC", "Noto Serif CJK SC"]),
    "heading": envlist("PDF_FONT_HEADING", ["黑体", "GK Sans SC", "Noto Sans CJK SC"]),
    "kai": envlist("PDF_FONT_KAI", ["楷体_GB2312", "GK Serif SC", "Noto Serif CJK SC"]),
    "table": envlist("PDF_FONT_TABLE", ["GK Serif SC", "Noto Serif CJK SC"]),
}

EMAIL_BACKEND = envstr("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = envstr("DEFAULT_FROM_EMAIL", "gkreport@localhost")
