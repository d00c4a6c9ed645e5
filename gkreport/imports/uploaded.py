"""The one door through which a file a user hands over (an upload, an archive member, a
fetched URL) is read: the office's batch check and the import of last year's report both
come through here, so bounding the reading (a child process with time and memory limits)
is a change of this one function."""

from django.conf import settings

from gkreport.formats import UnknownFormat
from gkreport.imports.files import read_report_bytes
from gkreport.imports.text import ImportError_, ImportResult

# What a user may hand over, by name (a URL is read by what it sends, whatever its name).
SUPPORTED = (".html", ".htm", ".docx", ".pdf", ".txt", ".json")
SUPPORTED_TEXT = "、".join(SUPPORTED)


def supported(name: str) -> bool:
    return name.lower().endswith(SUPPORTED)


def read_uploaded(name: str, data: bytes, *, year: int | None = None) -> ImportResult:
    """The reading of one file, or ImportError_ with the reason in Chinese."""
    try:
        return read_report_bytes(data, year=year, max_bytes=settings.MAX_UPLOAD_BYTES)
    except UnknownFormat as error:
        raise ImportError_(str(error)) from None
