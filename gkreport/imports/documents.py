"""Which reader a file needs, by its content (and its name where the content is ambiguous).

Web pages (.html/.htm) and Word files (.docx) have readers of their own; a .doc or .wps
file (an OLE compound file) gets a clear request for .docx or PDF. Anything else is left
to files.py: PDF, plain text, the project's JSON.
"""

import re

from gkreport.imports.text import ImportError_, ImportResult

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP = b"PK\x03\x04"
HTML_START = re.compile(
    rb"^\s*<(?:!doctype\s+html|html|head|meta|body|title|!--|div|table|p[\s>]|span|h1)", re.I
)
HTML_NAMES = (".html", ".htm", ".shtml", ".xhtml")
BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")


def read_document(data: bytes, *, name: str = "", year: int | None = None, limits=None):
    """The import result of a web page or Word file; None for what files.py reads."""
    if data.startswith(OLE):
        raise ImportError_(
            "这是旧版Word（.doc）、WPS或Excel文件，无法直接读取：请另存为.docx或导出为PDF后再检查"
        )
    if data.startswith(ZIP):
        from gkreport.imports.docx import read_docx

        return read_docx(data, year=year, limits=limits)
    if is_html(data, name):
        from gkreport.imports.html import read_html

        return read_html(data, year=year, limits=limits)
    return None


def is_html(data: bytes, name: str = "") -> bool:
    head = data[:2048]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        head = head.decode("utf-16", "ignore").encode("utf-8")
    head = head.removeprefix(BOMS[0]).lstrip()
    if head.lower().startswith(b"<?xml"):
        return b"<html" in head.lower()
    if HTML_START.match(head):
        return True
    return name.lower().endswith(HTML_NAMES) and not head.startswith((b"{", b"%PDF"))


__all__ = ["read_document", "is_html", "ImportResult"]
