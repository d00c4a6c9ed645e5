"""One id per request: on the response (X-Request-ID), in every log record, on error pages.

A person quotes the id shown on an error page; support finds the log lines of that request. A
proxy's incoming X-Request-ID is kept when it is sane (so one id follows the request through
the proxy's log and ours); anything else is replaced by a fresh one.
"""

import logging
import re
import uuid
from contextvars import ContextVar

HEADER = "X-Request-ID"
SANE = re.compile(r"[A-Za-z0-9._:-]{8,64}")
NO_REQUEST = "-"

_current: ContextVar[str] = ContextVar("request_id", default=NO_REQUEST)


def current_request_id() -> str:
    return _current.get()


def request_id_from(incoming: str | None) -> str:
    if incoming and SANE.fullmatch(incoming):
        return incoming
    return uuid.uuid4().hex


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.request_id = request_id_from(request.headers.get(HEADER))
        token = _current.set(request.request_id)
        try:
            response = self.get_response(request)
        finally:
            _current.reset(token)
        response[HEADER] = request.request_id
        return response


class RequestIdFilter(logging.Filter):
    """Puts the request's id on each record (NO_REQUEST outside a request), unless the code
    that logged gave one itself (extra={"request_id": …}). Django logs 4xx/5xx responses after
    the middleware has returned, with the request on the record: its id is taken from there."""

    def filter(self, record):
        if not hasattr(record, "request_id"):
            request = getattr(record, "request", None)
            record.request_id = getattr(request, "request_id", None) or current_request_id()
        return True


def server_error(request):
    """handler500: the Chinese 500 page with the request id, rendered without a request
    context (context processors may need the database, which may be what failed)."""
    from django.http import HttpResponseServerError
    from django.template import loader

    page = loader.get_template("500.html").render({"request_id": current_request_id()})
    return HttpResponseServerError(page)
