"""gkreport settings: one file, read from environment variables through typed helpers."""

from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from gkreport.imports.limits import Limits
from gkreport.lib.env import envbool, envheader, envint, envlist, envstr
from gkreport.storage import default_storage_settings

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

# HTTPS: on by default when DEBUG is off (HTTPS=0 turns every default off, for a plain-HTTP
# intranet); each setting can also be set on its own. HSTS includeSubDomains covers only the
# hosts below the one serving gkreport, and preload only permits a submission to the browsers'
# preload list, which someone would still have to make.
HTTPS = envbool("HTTPS", not DEBUG)
SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", HTTPS)
SESSION_COOKIE_SECURE = envbool("SESSION_COOKIE_SECURE", HTTPS)
CSRF_COOKIE_SECURE = envbool("CSRF_COOKIE_SECURE", HTTPS)
SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 365 * 24 * 3600 if HTTPS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = envbool("SECURE_HSTS_INCLUDE_SUBDOMAINS", HTTPS)
SECURE_HSTS_PRELOAD = envbool("SECURE_HSTS_PRELOAD", HTTPS)
# Behind a TLS-terminating proxy, the header it sets (opt-in: trusting it from anyone else
# would let a client claim HTTPS), e.g. "X-Forwarded-Proto: https".
SECURE_PROXY_SSL_HEADER = envheader("SECURE_PROXY_SSL_HEADER")
# Load balancers probe /healthz over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

# Content-Security-Policy (django-csp): scripts only from our own static files, none inline.
# Styles: our static CSS, plus the one <style> block of the print template (the print font
# stacks come from settings), allowed by a per-response nonce. Images: data: for the select
# arrows and check marks Bootstrap's CSS draws as data: SVG. No page is framed, not even by
# the app itself (the review page shows the report inline).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, NONCE],
        "img-src": [SELF, "data:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "crispy_forms",
    "crispy_bootstrap5",
    "axes",
    "django_tasks",
    "django_tasks_db",
    "gkreport.reports",
    "gkreport.review",
    "gkreport.public",
    "gkreport.ledger",
]

MIDDLEWARE = [
    "gkreport.request_id.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
    "gkreport.write_failures.WriteFailureMiddleware",
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

# A read replica of the PostgreSQL primary for the public pages (gkreport/replica.py;
# docs/deploy.md): DATABASE_REPLICA_URL=postgres://…@db-replica:5432/gkreport.
DATABASE_REPLICA_URL = envstr("DATABASE_REPLICA_URL", "")
if DATABASE_REPLICA_URL:
    DATABASES["replica"] = dj_database_url.parse(
        DATABASE_REPLICA_URL, conn_max_age=envint("DB_CONN_MAX_AGE", 0)
    )
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    DATABASE_ROUTERS = ["gkreport.replica.PublicReadsRouter"]
    MIDDLEWARE.append("gkreport.replica.PublicReadsMiddleware")

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Validators apply wherever a password is chosen through a form (admin, password change) or
# validate_password(); set_password() (the demo accounts, tests) does not run them.
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "gkreport.reports.passwords.MinimumLengthValidator",
        "OPTIONS": {"min_length": envint("PASSWORD_MIN_LENGTH", 8)},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Login throttling (django-axes), counted per user name and address and per user name from
# every address: see gkreport/reports/lockout.py for why. Axes' backend comes first so that a
# locked-out login is refused before the password is even checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_HANDLER = "gkreport.reports.lockout.LoginLockoutHandler"
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "username"]
AXES_FAILURE_LIMIT = envint("LOGIN_FAILURE_LIMIT", 5)
LOGIN_ACCOUNT_FAILURE_LIMIT = envint("LOGIN_ACCOUNT_FAILURE_LIMIT", 20)
AXES_COOLOFF_TIME = timedelta(minutes=envint("LOGIN_LOCKOUT_MINUTES", 15))
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "gkreport.reports.lockout.lockout_response"
AXES_CLIENT_IP_CALLABLE = "gkreport.reports.lockout.client_ip"
# Behind a reverse proxy: the header it sets to the client's address (e.g. X-Real-IP).
CLIENT_IP_HEADER = envstr("CLIENT_IP_HEADER", "")

# The cache holds published PDFs (immutable, keyed by their hash) and the public list page
# (keyed by the latest publication), so entries are right in any process that reads them.
# REDIS_URL (redis://host:6379/0, rediss://…, unix:///path/redis.sock) shares one cache
# between processes and machines; without it each process keeps its own, bounded by
# CACHE_MAX_ENTRIES.
REDIS_URL = envstr("REDIS_URL", "")
if REDIS_URL:
    if not REDIS_URL.startswith(("redis://", "rediss://", "unix://")):
        raise ImproperlyConfigured(
            f"REDIS_URL={REDIS_URL!r} is not a Redis URL (redis://, rediss:// or unix://)"
        )
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": envstr("CACHE_KEY_PREFIX", "gkreport"),
            # A cache that does not answer must not hang a request for long.
            "OPTIONS": {"socket_timeout": 2, "socket_connect_timeout": 2},
        }
    }
else:
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

# Files (published PDFs, batch-check files, cached drafts) go through Django's storage API: STORAGES["default"]
# is the local directory MEDIA_ROOT unless STORAGE_BACKEND=s3 names an S3-compatible bucket
# (S3_BUCKET, S3_ENDPOINT_URL, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY, S3_REGION, S3_PREFIX;
# gkreport/storage.py). Nothing is served from MEDIA_URL: gkreport serves each file itself.
MEDIA_ROOT = Path(envstr("MEDIA_ROOT", str(BASE_DIR / "var" / "media")))
# Static files are served by WhiteNoise (its middleware, right after SecurityMiddleware).
# Without DEBUG they are collected (`manage.py collectstatic`, which `make serve` runs) under
# names with their content hash, compressed, so that they can be cached for a year.
STORAGES = {
    "default": default_storage_settings(str(MEDIA_ROOT)),
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "gkreport.storage.HashedStaticFilesStorage"
        ),
    },
}

LOGIN_URL = "/accounts/login/"
LOGIN_REDIRECT_URL = "/"

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Largest report file accepted for import (text, JSON, PDF), in bytes.
MAX_UPLOAD_BYTES = envint("MAX_UPLOAD_BYTES", 10 * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = MAX_UPLOAD_BYTES

# The application ledger (gkreport/ledger/): at most this many applications per agency and
# year (the largest agencies receive a few thousand), whether typed, pasted or imported.
LEDGER_MAX_ENTRIES = envint("LEDGER_MAX_ENTRIES", 20000)
# A save of the ledger's grid posts a page of 100 applications (13 fields each) and up to
# 500 pasted ones; Django's default of 1,000 fields would refuse a full page.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10000

# Bounds on reading a report file (/check/, gk_check): real reports have 5–40 pages and fewer
# than 200,000 characters. The reading runs in a child process held to the CPU time, wall
# clock and memory below; beyond any bound the file is refused (docs/importing.md).
IMPORT_LIMITS = Limits(
    pages=envint("IMPORT_MAX_PAGES", Limits.pages),
    characters=envint("IMPORT_MAX_CHARACTERS", Limits.characters),
    line_characters=envint("IMPORT_MAX_LINE_CHARACTERS", Limits.line_characters),
    cpu_seconds=envint("IMPORT_CPU_SECONDS", Limits.cpu_seconds),
    wall_seconds=envint("IMPORT_WALL_SECONDS", Limits.wall_seconds),
    memory_mb=envint("IMPORT_MEMORY_MB", Limits.memory_mb),
)

# Background work (the office's batch check) through Django's task framework (the
# django-tasks backport): queued in the database and run by `manage.py gk_worker` (db_worker
# plus recovery), which `make run` starts beside the server. Nothing but the database is
# needed.
TASKS = {
    "default": {
        "BACKEND": envstr("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default"],
    }
}

# A task RUNNING this long since it started or last reported a step (heartbeat(): the batch
# check after each file) has lost its worker: `manage.py gk_worker` queues it again, at most
# TASK_MAX_ATTEMPTS claims in all. A render, a mail or one file takes seconds.
TASK_STALLED_SECONDS = envint("TASK_STALLED_SECONDS", 600)
TASK_MAX_ATTEMPTS = envint("TASK_MAX_ATTEMPTS", 3)
TASK_RECOVERY_INTERVAL = envint("TASK_RECOVERY_INTERVAL", 60)

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
# Rendered PDFs kept for the next download (gkreport.printing.pdf_store), unless
# STORAGES["pdfs"] names another storage.
PDF_CACHE_DIR = Path(envstr("PDF_CACHE_DIR", str(BASE_DIR / "var" / "pdf-cache")))
PDF_FONTS = {
    "title": envlist("PDF_FONT_TITLE", ["方正小标宋简体", "GK Serif SC", "Noto Serif CJK SC"]),
    "body": envlist("PDF_FONT_BODY", ["仿宋_GB2312", "GK Serif SC", "Noto Serif CJK SC"]),
    "heading": envlist("PDF_FONT_HEADING", ["黑体", "GK Sans SC", "Noto Sans CJK SC"]),
    "kai": envlist("PDF_FONT_KAI", ["楷体_GB2312", "GK Serif SC", "Noto Serif CJK SC"]),
    "table": envlist("PDF_FONT_TABLE", ["GK Serif SC", "Noto Serif CJK SC"]),
}

# Errors are mailed to ADMINS ("ops@example.cn,it@example.cn") when DEBUG is off.
ADMINS = [(address.split("@")[0], address) for address in envlist("ADMINS", [])]
SERVER_EMAIL = envstr("SERVER_EMAIL", "gkreport@localhost")

# One line per record on the console (the process manager keeps it): time, level, logger,
# request id (see gkreport/request_id.py), message; tracebacks follow.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "request_id": {"()": "gkreport.request_id.RequestIdFilter"},
        "require_debug_false": {"()": "django.utils.log.RequireDebugFalse"},
    },
    "formatters": {
        "line": {
            "format": "%(asctime)s %(levelname)s %(name)s request_id=%(request_id)s %(message)s"
        }
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": "line",
        },
        "mail_admins": {
            "level": "ERROR",
            "class": "django.utils.log.AdminEmailHandler",
            "filters": ["request_id", "require_debug_false"],
        },
    },
    "root": {"handlers": ["console"], "level": envstr("LOG_LEVEL", "INFO")},
    "loggers": {
        "django": {"handlers": ["mail_admins"], "level": "INFO"},
        "gkreport": {"handlers": ["mail_admins"], "level": "INFO"},
        "axes": {"level": "WARNING"},  # one line per failed login; not every cleanup
        "weasyprint": {"level": "WARNING"},  # not every step of every PDF
        "fontTools": {"level": "WARNING"},
    },
}

EMAIL_BACKEND = envstr("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = envstr("DEFAULT_FROM_EMAIL", "gkreport@localhost")
