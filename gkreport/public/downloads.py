"""Serving stored bytes the way caches and download managers expect: ETag (the SHA-256),
Last-Modified, Cache-Control, conditional requests, HEAD and single byte ranges."""

import re

from django.http import HttpResponse
from django.utils.http import http_date, parse_http_date_safe

from gkreport.lib.http import content_disposition

RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


def serve_bytes(
    request,
    data: bytes,
    *,
    sha256: str,
    modified,
    filename: str,
    content_type: str,
    max_age: int = 3600,
    immutable: bool = False,
) -> HttpResponse:
    etag = f'"{sha256}"'
    last_modified = int(modified.timestamp())
    headers = {
        "ETag": etag,
        "Last-Modified": http_date(last_modified),
        "Cache-Control": f"public, max-age={max_age}" + (", immutable" if immutable else ""),
        "Accept-Ranges": "bytes",
        "Content-Disposition": content_disposition(filename),
    }
    if _not_modified(request, etag, last_modified):
        response = HttpResponse(status=304)
        for name in ("ETag", "Last-Modified", "Cache-Control"):
            response[name] = headers[name]
        return response
    status, body, extra = 200, data, {}
    wanted = request.headers.get("Range")
    if wanted and _if_range_ok(request, etag, last_modified):
        span = _parse_range(wanted, len(data))
        if span is None:
            response = HttpResponse(status=416)
            response["Content-Range"] = f"bytes */{len(data)}"
            return response
        start, end = span
        status, body = 206, data[start : end + 1]
        extra["Content-Range"] = f"bytes {start}-{end}/{len(data)}"
    response = HttpResponse(
        b"" if request.method == "HEAD" else body, status=status, content_type=content_type
    )
    for name, value in {**headers, **extra}.items():
        response[name] = value
    response["Content-Length"] = str(len(body))
    return response


def _not_modified(request, etag, last_modified) -> bool:
    if_none_match = request.headers.get("If-None-Match")
    if if_none_match is not None:
        return (
            etag in [tag.strip() for tag in if_none_match.split(",")]
            or if_none_match.strip() == "*"
        )
    since = parse_http_date_safe(request.headers.get("If-Modified-Since", ""))
    return since is not None and last_modified <= since


def _if_range_ok(request, etag, last_modified) -> bool:
    if_range = request.headers.get("If-Range")
    if if_range is None:
        return True
    if if_range.startswith('"'):
        return if_range == etag
    return parse_http_date_safe(if_range) == last_modified


def _parse_range(header: str, size: int):
    """(start, end) inclusive for one satisfiable range; None otherwise."""
    match = RANGE.match(header.strip())
    if not match or size == 0:
        return None
    first, last = match.groups()
    if first == "" and last == "":
        return None
    if first == "":  # the last N bytes
        length = int(last)
        if length == 0:
            return None
        return max(size - length, 0), size - 1
    start = int(first)
    end = min(int(last), size - 1) if last else size - 1
    if start >= size or start > end:
        return None
    return start, end
