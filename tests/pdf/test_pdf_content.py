"""The PDF of each seed: every label and figure in reading order, A4, fonts, pictures."""

import re
import subprocess

import pytest
from PIL import Image
from pypdf import PdfReader

from gkreport.formats import FORMAT_2021
from gkreport.formats.grid import table_grid
from gkreport.printing.layout import as_filled, printed_value
from tests.pdf.conftest import (
    GB2312_CUTS,
    SEED_NAMES,
    embedded_fonts,
    official_fonts_installed,
    pdftotext,
    seed_report,
)

CONFIGURED_FONTS = {
    "GK-Serif-SC",
    "GK-Serif-SC-Bold",
    "GK-Sans-SC",
    "Noto-Serif-CJK-SC",
    "Noto-Sans-CJK-SC",
}


def squeeze(text):
    return re.sub(r"\s+", "", text)


def expected_tokens(report):
    """Every label and printed figure of the three tables, in the official grid order."""
    for table in report.fmt.tables:
        table = as_filled(report, table)  # seed 001 prints its single （六）其他处理 row
        kinds = {cell.code: cell.kind for cell in table.cells}
        for row in table_grid(table):
            for cell in row.cells:
                if cell.kind == "value":
                    text = printed_value(report.cells.get(cell.code, ""), kinds[cell.code])
                    if text:
                        yield "value", text
                else:
                    yield (
                        ("group" if cell.rowspan > 1 and cell.kind == "group" else "label"),
                        cell.text,
                    )


@pytest.mark.parametrize("name", SEED_NAMES)
def test_every_label_and_figure_is_in_the_text_in_reading_order(final_pdfs, name):
    text = squeeze(pdftotext(final_pdfs[name], "-raw"))
    report = seed_report(name)
    cursor = 0
    checked = 0
    for kind, token in expected_tokens(report):
        token = squeeze(token)
        if kind == "group":
            # a merged cell spanning many rows wraps in its narrow column; its lines are
            # printed before the rows beside it
            position = text.find(token[:2], cursor)
        else:
            position = text.find(token, cursor)
        assert position >= 0, f"{token!r} missing after position {cursor} in {name}"
        cursor = position + (len(token) if kind == "value" else 1)
        checked += 1
    assert checked > 200


@pytest.mark.parametrize("name", SEED_NAMES)
def test_pages_are_a4_and_fonts_embedded_subset_and_configured(final_pdfs, name):
    reader = PdfReader(final_pdfs[name])
    for page in reader.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert (round(width), round(height)) == (595, 842)
    fonts = embedded_fonts(reader)
    assert fonts <= CONFIGURED_FONTS, fonts - CONFIGURED_FONTS
    assert "GK-Serif-SC" in fonts
    if not official_fonts_installed():
        # every character of the seeds is in the GB2312 cuts: the full fonts (≈50 MB more
        # memory per process) are never loaded, not even for the page numbers
        assert fonts <= GB2312_CUTS, fonts


def png(path, page, folder):
    prefix = folder / f"page{page}"
    subprocess.run(
        ["pdftoppm", "-r", "40", "-png", "-f", str(page), "-l", str(page), str(path), str(prefix)],
        check=True,
    )
    (image,) = folder.glob(f"page{page}*.png")
    return Image.open(image).convert("L")


def ink(image) -> float:
    """Share of pixels that are not white."""
    histogram = image.histogram()
    return 1 - sum(histogram[240:]) / sum(histogram)


def test_page_one_and_the_table_three_page_are_not_blank(final_pdfs, tmp_path):
    path = final_pdfs["003_b59b93e2e8dda449.txt"]
    first = pdftotext(path, "-f", "1", "-l", "1")
    assert "聊城市茌平区人民政府" in squeeze(first)
    assert ink(png(path, 1, tmp_path)) > 0.03
    pages = len(PdfReader(path).pages)
    table3 = next(
        n
        for n in range(1, pages + 1)
        if "一、本年新收政府信息公开申请数量"
        in squeeze(pdftotext(path, "-f", str(n), "-l", str(n)))
    )
    assert ink(png(path, table3, tmp_path)) > 0.05


def test_metadata_tags_and_bookmarks(final_pdfs):
    reader = PdfReader(final_pdfs["003_b59b93e2e8dda449.txt"])
    meta = reader.metadata
    assert meta.title == "聊城市茌平区人民政府2023年度政府信息公开工作报告"
    assert meta.author == "聊城市茌平区人民政府"
    assert "国办公开办函〔2021〕30号" in meta.subject
    assert "政府信息公开" in meta["/Keywords"]
    assert meta.creation_date is not None
    assert bool(reader.trailer["/Root"]["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in reader.trailer["/Root"]
    outline = [item.title for item in reader.outline if not isinstance(item, list)]
    assert outline == [part.heading for part in FORMAT_2021.parts]  # asserted in test_formats


def test_page_numbers_alternate_sides(final_pdfs):
    path = final_pdfs["003_b59b93e2e8dda449.txt"]
    odd = pdftotext(path, "-layout", "-f", "1", "-l", "1").rstrip().splitlines()[-1]
    even = pdftotext(path, "-layout", "-f", "2", "-l", "2").rstrip().splitlines()[-1]
    assert squeeze(odd) == "—1—" and squeeze(even) == "—2—"
    assert len(odd) - len(odd.lstrip()) > len(even) - len(even.lstrip())  # right vs left


def test_blank_cells_print_blank(final_pdfs):
    # seed 000 leaves the 行政复议 cells blank: the table-4 row starts with the first 诉讼 figure
    text = pdftotext(final_pdfs["000_32c3f535e9b88d87.txt"], "-raw")
    assert "4 0 0 0 4 0 0 0 0 0" in text
    assert "0 0 0 0 0 4 0 0 0 4" not in text


def test_a_single_2019_other_row_is_printed_not_dropped(final_pdfs):
    text = pdftotext(final_pdfs["001_c779024abbc6666e.txt"], "-raw")
    assert "（六）其他处理 1 0 0 0 0 0 1" in text
    assert "3.其他" not in text  # the three 2021 rows it stands for are not printed blank
