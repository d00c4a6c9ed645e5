"""PDFs asked for together the moment a server process starts: each render gets its own
font map (gkreport.pdf), so none crashes the process or falls back to other fonts.

A real server in a subprocess (gunicorn gthread, as bench/load.py runs it) on 127.0.0.1,
against the demo data in a database of its own; bounded: three cold starts, each request
times out after bench.cold_start.REQUEST_TIMEOUT seconds.
"""

import io

import pytest
from pypdf import PdfReader

from bench.cold_start import all_pdf, cold_round, prepare
from tests.pdf.conftest import GB2312_CUTS, embedded_fonts, official_fonts_installed

COLD_STARTS = 3
CLIENTS = 5


@pytest.fixture(scope="module")
def demo_server_data(tmp_path_factory):
    return prepare(tmp_path_factory.mktemp("cold-start"))


def test_concurrent_pdfs_on_a_fresh_server_all_arrive_and_it_survives(demo_server_data):
    for start in range(COLD_STARTS):
        result = cold_round("gunicorn", demo_server_data, clients=CLIENTS)
        statuses = [status for status, _, _ in result["answers"]]
        assert all_pdf(result), f"cold start {start}: statuses {statuses}\n{result['log']}"
        assert result["alive"], f"cold start {start}: the worker died\n{result['log']}"
        for _, body, _ in result["answers"]:
            fonts = embedded_fonts(PdfReader(io.BytesIO(body)))
            assert "GK-Serif-SC" in fonts, fonts
            if not official_fonts_installed():
                # a render that lost the race for the @font-face fonts fell back to the
                # system's full Noto CJK
                assert fonts <= GB2312_CUTS, fonts
