import subprocess
from pathlib import Path

import pytest

from gkreport.imports.files import read_report_file
from gkreport.pdf import html_to_pdf
from gkreport.reports.importing import unsaved_report
from gkreport.reports.rendering import report_html

SEEDS = Path(__file__).resolve().parents[2] / "fixtures" / "seeds"
SEED_NAMES = sorted(p.name for p in SEEDS.glob("*.txt"))


def seed_report(name):
    return unsaved_report(read_report_file(SEEDS / name))


@pytest.fixture(scope="session")
def final_pdfs(tmp_path_factory):
    """Each seed rendered once, without the draft watermark: name → PDF path."""
    folder = tmp_path_factory.mktemp("pdf")
    paths = {}
    for name in SEED_NAMES:
        path = folder / (name[:3] + ".pdf")
        path.write_bytes(html_to_pdf(report_html(seed_report(name), final=True)))
        paths[name] = path
    return paths


def pdftotext(path, *args):
    completed = subprocess.run(
        ["pdftotext", *args, str(path), "-"], capture_output=True, text=True, check=True
    )
    return completed.stdout
