"""A save that fails in the database loses nothing the person can still see.

When a POST fails with a database error (the database file read-only, the disk full, the
connection lost …), the failure is logged with the request id and its traceback, and the
person gets a page (503) that says plainly that the input was NOT saved and shows every text
field they posted, labelled, in read-only boxes to copy, with the request id for support.

The page needs no database: the failure may be that the database is gone.
"""

import logging

from django.db import DatabaseError
from django.shortcuts import render

from gkreport.formats import FORMAT_2019, FORMAT_2021, get_format

logger = logging.getLogger(__name__)

# Posted fields that are not the person's text: security tokens, page state, passwords.
NOT_INPUT = {"csrfmiddlewaretoken", "fingerprint", "next"}


class WriteFailureMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if request.method != "POST" or not isinstance(exception, DatabaseError):
            return None
        request_id = getattr(request, "request_id", "-")
        logger.error(
            "POST %s was not saved: database error %s: %s",
            request.path,
            type(exception).__name__,
            exception,
            exc_info=exception,
            extra={"request_id": request_id, "status_code": 503},
        )
        context = {"fields": posted_text(request), "request_id": request_id, "back": request.path}
        return render(request, "write_failed.html", context, status=503)


def posted_text(request) -> list[dict]:
    """The text fields as posted, in order, with the form's labels where they are known."""
    labels = field_labels(request)
    fields = []
    for name in request.POST:
        if name in NOT_INPUT or "password" in name.lower():
            continue
        value = "\n".join(request.POST.getlist(name))
        if value.strip():
            long = len(value) > 40 or "\n" in value.strip()
            fields.append(
                {"name": name, "label": labels.get(name, name), "value": value, "long": long}
            )
    return fields


def field_labels(request) -> dict[str, str]:
    from gkreport.reports.forms import InfoForm, NarrativeForm, StartYearForm

    labels = {}
    for form in (InfoForm, StartYearForm):
        labels.update({name: str(field.label) for name, field in form.base_fields.items()})
    for fmt in (FORMAT_2019, FORMAT_2021):
        labels.update({cell.code: cell.label for cell in fmt.cells})
    part = _part(request)
    if part is not None:
        for name, field in NarrativeForm(part).fields.items():
            labels[name] = labels[f"text-{name}"] = f"{part.heading} {field.label}"
    return labels


def _part(request):
    """The narrative part of a drafting page, if the failed POST was one."""
    from gkreport.reports.models import Report
    from gkreport.reports.pages import page

    match = request.resolver_match
    key = match and (match.kwargs.get("part") or match.kwargs.get("table"))
    if not key:
        return None
    try:  # a read may still work when writing does not; if not, the newer format's headings
        version = Report.objects.filter(code=match.kwargs["code"]).values_list(
            "format_version", flat=True
        )[0]
        fmt = get_format(version)
    except Exception:
        fmt = FORMAT_2021
    current = page(fmt, key)
    return current.part if current else None
