"""Rendering never fetches anything outside the app's static files."""

import http.server
import threading

import pytest

from gkreport import pdf
from gkreport.pdf import PdfError, html_to_pdf
from gkreport.printing.rendering import report_html
from tests.pdf.conftest import pdftotext, seed_report


@pytest.fixture
def bait_server():
    """A local HTTP server that counts every request it gets."""
    hits = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            hits.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "text/css")
            self.end_headers()
            self.wfile.write(b"body { color: red }")

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", hits
    server.shutdown()


def test_markup_typed_into_the_narrative_is_text_not_html(bait_server, tmp_path):
    url, hits = bait_server
    report = seed_report("003_b59b93e2e8dda449.txt")
    typed = (
        f'<img src="{url}/img.png"><link rel="stylesheet" href="{url}/x.css">'
        f'<style>@import url({url}/import.css);</style><img src="file:///etc/passwd">'
    )
    report.narrative["s5"] = {"intro": typed}
    path = tmp_path / "r.pdf"
    path.write_bytes(html_to_pdf(report_html(report)))
    assert hits == []
    assert "file:///etc/passwd" in pdftotext(path)  # printed as the text it is


@pytest.mark.parametrize(
    "snippet",
    [
        '<img src="{url}/img.png">',
        '<link rel="stylesheet" href="{url}/link.css">',
        "<style>@import url({url}/import.css);</style>",
        '<div style="background: url({url}/bg.png)">x</div>',
        "<style>@font-face {{ font-family: X; src: url({url}/font.otf) }}</style>",
    ],
)
def test_the_fetcher_refuses_other_hosts(bait_server, snippet):
    url, hits = bait_server
    html_to_pdf(f"<html><body><p>正文</p>{snippet.format(url=url)}</body></html>")
    assert hits == []


def test_local_files_are_not_read(tmp_path):
    secret = tmp_path / "secret.css"
    secret.write_text("body::after { content: 'SECRET-TOKEN' }")
    document = f'<html><head><link rel="stylesheet" href="file://{secret}"></head><body><p>正文</p></body></html>'
    path = tmp_path / "r.pdf"
    path.write_bytes(html_to_pdf(document))
    assert "SECRET-TOKEN" not in pdftotext(path)


def test_static_files_outside_the_static_folders_are_refused(tmp_path):
    document = (
        '<html><head><link rel="stylesheet" href="/static/../../gkreport/settings.py">'
        '<link rel="stylesheet" href="/fonts/../db.sqlite3"></head><body>正文</body></html>'
    )
    html_to_pdf(document)  # renders; the two links are refused (logged), nothing raised


def test_failures_raise_one_exception_type(monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("cairo exploded")

    monkeypatch.setattr("weasyprint.HTML.write_pdf", broken)
    with pytest.raises(PdfError, match="PDF生成失败：cairo exploded"):
        html_to_pdf("<p>x</p>")


def test_harfbuzz_subset_is_loaded():
    # Without libharfbuzz-subset0 a 9-page report takes ~9.5 s instead of ~0.4 s.
    assert pdf.harfbuzz_subset_available()


def test_a_system_check_says_so_when_it_is_missing(monkeypatch):
    from gkreport.reports import checks

    monkeypatch.setattr(pdf, "harfbuzz_subset_available", lambda: False)
    assert checks.HARFBUZZ in checks.pdf_dependencies(None)


def test_two_renders_at_once_never_share_a_font_configuration():
    with pdf.font_configuration() as first, pdf.font_configuration() as second:
        assert first is not second


def test_a_font_configuration_is_reused_once_its_render_is_done():
    # building one and loading the print fonts into it costs about a second per render
    with pdf.font_configuration() as first:
        pass
    with pdf.font_configuration() as again:
        assert again is first
