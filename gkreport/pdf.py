"""The only module that imports WeasyPrint: HTML in, PDF bytes out.

Print layout lives in templates/print/ and static/print/. Rendering never fetches
anything but the app's own static files: text a user typed cannot make the server reach
a URL or a local file.
"""

import gc
import logging
import mimetypes
import threading
import zlib
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import unquote, urlsplit
from xml.etree import ElementTree

from django.conf import settings
from django.contrib.staticfiles import finders

logger = logging.getLogger(__name__)

# The base URL print templates resolve against; only /static/… under it is served.
BASE_URL = "https://gkreport.internal/"
STATIC_PREFIX = BASE_URL + "static/"
FONTS_PREFIX = BASE_URL + "fonts/"  # the print fonts built by gk_fonts (PDF_FONT_DIR)


class PdfError(Exception):
    """Rendering failed; the message says why."""


# Pango's font map is not thread-safe, and a FontConfiguration is one font map: its
# @font-face fonts are written to a temporary file and registered with fontconfig during
# the first render that meets them (FreeType mmaps the file another render is rewriting:
# SIGBUS; the map's caches are cleared while another render reads them: SIGSEGV), and
# even once every font is loaded each line laid out moves the font map's least-recently-used
# fontset list (GLib: "corrupted double-linked list detected"). cffi releases the GIL
# around those C calls. So a FontConfiguration serves one render at a time: a render takes
# an idle one or makes its own, and hands it back for the next render to reuse (building
# one and loading the print fonts into it costs ~1 s, so they are kept, at most one per
# render running at once).
_idle_fonts = []
_idle_fonts_lock = threading.Lock()


@contextmanager
def font_configuration():
    """A FontConfiguration that no other render uses until this one is done with it."""
    with _idle_fonts_lock:
        fonts = _idle_fonts.pop() if _idle_fonts else None
    if fonts is None:
        from weasyprint.text.fonts import FontConfiguration

        fonts = FontConfiguration()
    try:
        yield fonts
    finally:
        with _idle_fonts_lock:
            _idle_fonts.append(fonts)


# A render allocates hundreds of thousands of short-lived objects: the cyclic garbage
# collector runs ~100 times during a warm render of seed 003, and its older generations walk
# the ~130,000 long-lived objects (Django, WeasyPrint, the font maps) again and again:
# ~15–20 % of a warm render's CPU time (docs/pdf.md). The boxes
# of a render die with it, so the collector is paused while any render runs and then
# collects only the young generation, which holds that render's garbage. Reference counting
# still frees everything acyclic meanwhile; peak RSS does not grow (measured).
_renders_running = 0
_renders_running_lock = threading.Lock()


@contextmanager
def collector_paused():
    global _renders_running
    with _renders_running_lock:
        _renders_running += 1
        if _renders_running == 1:
            gc.disable()
    try:
        yield
    finally:
        with _renders_running_lock:
            _renders_running -= 1
            if _renders_running == 0:
                gc.enable()
        # Every render collects on its way out, so renders that keep overlapping on a busy
        # server never leave the collector off for longer than one render.
        gc.collect(0)


# pydyf compresses every stream at zlib's level 9. Most of a report's stream bytes are its
# font subsets, which deflate poorly at any level: level 9 took 25–50 ms of a 0.4 s render
# of seed 003 for a PDF 4 % smaller than level 1 (268 KB against 279 KB; Chromium's is
# 807 KB). The streams are compressed by the finisher WeasyPrint calls before writing.
FLATE_LEVEL = 1


def compress_streams(document, pdf) -> None:
    """A WeasyPrint finisher: deflate the streams pydyf would compress, at FLATE_LEVEL."""
    import pydyf

    for item in pdf.objects:
        if isinstance(item, pydyf.Stream) and item.compress:
            raw = b"\n".join(pydyf._to_bytes(part) for part in item.stream)  # as pydyf joins
            item.stream = [zlib.compress(raw, FLATE_LEVEL)]
            item.extra["Filter"] = "/FlateDecode"
            item.compress = False


def harfbuzz_subset_available() -> bool:
    """Without libharfbuzz-subset WeasyPrint subsets fonts with fontTools, ~25× slower."""
    from weasyprint.text.ffi import harfbuzz, harfbuzz_subset

    return harfbuzz_subset is not None and bool(harfbuzz.hb_version_atleast(4, 1, 0))


def _fetcher_class():
    from weasyprint.urls import URLFetcher, URLFetcherResponse, URLFetchingError

    def _response(url, path: Path):
        # WeasyPrint only applies a stylesheet served as text/css.
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        headers = {"Content-Type": content_type}
        return URLFetcherResponse(url, body=path.read_bytes(), headers=headers)

    def _static_file(relative: str):
        # Without DEBUG, {% static %} names the hashed copy that collectstatic wrote to
        # STATIC_ROOT (print/report.3f2a….css), which the finders do not know.
        if found := finders.find(relative):
            return found
        collected = Path(settings.STATIC_ROOT) / relative
        return collected if collected.is_file() else None

    class StaticOnlyFetcher(URLFetcher):
        """Serves the app's static files; refuses every other URL (http, file, data …)."""

        def fetch(self, url, headers=None):
            if url.startswith(STATIC_PREFIX):
                relative = unquote(urlsplit(url).path)[len("/static/") :]
                path = _static_file(relative) if ".." not in relative.split("/") else None
                if path:
                    return _response(url, Path(path))
            if url.startswith(FONTS_PREFIX):
                name = unquote(urlsplit(url).path)[len("/fonts/") :]
                path = Path(settings.PDF_FONT_DIR) / name
                if "/" not in name and not name.startswith(".") and path.is_file():
                    return _response(url, path)
            logger.warning("PDF rendering refused to fetch %s", url[:200])
            raise URLFetchingError(f"refused: {url[:200]}")

    return StaticOnlyFetcher


def parsed_document(html: str):
    """A WeasyPrint HTML document of `html`, parsed as XML when it is well formed.

    WeasyPrint parses with tinyhtml5, an HTML5 parser in pure Python: 25–50 ms of a
    0.4 s render of seed 003, most of it in the tables. The print templates write XHTML
    syntax (`<!DOCTYPE html>`, `<col/>`), so expat, in C, reads them in under 1 ms and
    builds the same tree (tests/pdf/test_fast_parse.py compares the two, element by
    element, on every seed with charts, and the PDFs byte for byte). Anything expat refuses
    (an HTML entity, a stray control character, a template that is not well formed) is
    parsed by tinyhtml5 as before, so no document renders differently or fails."""
    from weasyprint import HTML

    fetcher = _fetcher_class()()
    try:
        root = ElementTree.fromstring(html)
    except (ElementTree.ParseError, ValueError):  # ValueError: a lone surrogate
        return HTML(string=html, base_url=BASE_URL, url_fetcher=fetcher)
    return _html_from_tree(root, fetcher)


def _html_from_tree(root, fetcher):
    """What weasyprint.HTML.__init__ sets after parsing (WeasyPrint 70, pinned in the lock)."""
    import cssselect2
    from weasyprint import HTML

    document = HTML.__new__(HTML)
    document.base_url = BASE_URL  # the print templates have no <base>
    document.url_fetcher = fetcher
    document.media_type = "print"
    document.wrapper_element = cssselect2.ElementWrapper.from_html_root(root, content_language=None)
    document.etree_element = document.wrapper_element.etree_element
    return document


def html_to_pdf(html: str, *, tagged: bool = True) -> bytes:
    """Render an HTML document to PDF bytes. Raises PdfError.

    Title, author, subject, keywords and creation date come from the document's <title>
    and <meta> elements; bookmarks from the headings' bookmark-level (print CSS)."""
    try:
        with collector_paused():
            document = parsed_document(html)
            with font_configuration() as fonts:
                return document.write_pdf(
                    font_config=fonts, pdf_tags=tagged, finisher=compress_streams
                )
    except PdfError:
        raise
    except Exception as error:  # WeasyPrint raises many types; callers get one
        raise PdfError(f"PDF生成失败：{error}") from error
