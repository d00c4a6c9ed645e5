"""Typed readers of environment variables that refuse junk instead of guessing."""

import os
import re

from django.core.exceptions import ImproperlyConfigured

TRUE = {"1", "true", "yes", "on"}
FALSE = {"0", "false", "no", "off", ""}


def envstr(name: str, default: str) -> str:
    return os.environ.get(name, default)


def envbool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    lowered = value.strip().lower()
    if lowered in TRUE:
        return True
    if lowered in FALSE:
        return False
    raise ImproperlyConfigured(f"{name}={value!r} is not a boolean (use 1/0, true/false, yes/no)")


def envint(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={value!r} is not an integer") from None


def envlist(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if value is None:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


HEADER_NAME = re.compile(r"[A-Za-z0-9-]+")


def envheader(name: str) -> tuple[str, str] | None:
    """A request header and the value that marks a request, for settings such as
    SECURE_PROXY_SSL_HEADER: "X-Forwarded-Proto: https" (or just "X-Forwarded-Proto", meaning
    the value https) becomes ("HTTP_X_FORWARDED_PROTO", "https"); unset or empty is None."""
    value = os.environ.get(name, "").strip()
    if not value:
        return None
    header, _, expected = value.partition(":")
    header, expected = header.strip(), expected.strip() or "https"
    if not HEADER_NAME.fullmatch(header):
        raise ImproperlyConfigured(
            f"{name}={value!r} is not a header name (e.g. X-Forwarded-Proto)"
        )
    return "HTTP_" + header.upper().replace("-", "_"), expected
