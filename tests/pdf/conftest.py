import re
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from gkreport.imports.files import read_report_file
from gkreport.pdf import html_to_pdf
from gkreport.printing.rendering import report_html
from gkreport.reports.importing import unsaved_report

# The GB2312 cuts of Noto CJK SC that gk_fonts builds (var/fonts).
GB2312_CUTS = {"GK-Serif-SC", "GK-Serif-SC-Bold", "GK-Sans-SC"}

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


def embedded_fonts(reader: PdfReader) -> set[str]:
    """Names of the fonts the PDF embeds, without the subset tag; asserts each one is an
    embedded subset."""
    fonts = set()
    for page in reader.pages:
        resources = page["/Resources"].get_object()
        for font in resources.get("/Font", {}).values():
            font = font.get_object()
            base = str(font["/BaseFont"])
            descendant = (
                font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            )
            descriptor = descendant["/FontDescriptor"].get_object()
            assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")), base
            assert re.match(r"^/[A-Z]{6}\+", base), f"{base} is not a subset"
            fonts.add(base.split("+", 1)[1])
    return fonts


def official_fonts_installed() -> bool:
    """The official fonts (仿宋_GB2312 …) come first in PDF_FONTS when the system has them."""
    listed = subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True, text=True)
    return "仿宋" in listed.stdout
