"""The Word file (下载Word) of each seed, read back with python-docx: the official layout, every
figure in the cell the format puts it in, the merged headers merged, the headings, and the
draft's 草稿 in the page header only."""

import io
from datetime import date

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn

from gkreport.formats import FORMAT_2021
from gkreport.formats.grid import table_width
from gkreport.formats.model import ColumnGroup
from gkreport.imports.files import read_report_bytes, read_report_file
from gkreport.printing.docx_writer import report_docx
from gkreport.printing.layout import as_filled, part_paragraphs
from gkreport.vocabulary import Status
from tests.data.seed_tables import SEEDS, ZERO, expected_figures
from tests.pdf.conftest import SEED_NAMES, seed_report
from tests.pdf.conftest import SEEDS as SEEDS_FOLDER

T3, T4 = FORMAT_2021.table("t3"), FORMAT_2021.table("t4")


def word(report):
    return docx.Document(io.BytesIO(report_docx(report)))


def word_grid(table) -> dict:
    """A Word table as Word lays it out, read from its XML: (row, column) of each cell where
    it starts → (text, rows it spans down, columns it spans across)."""
    starts, below = {}, {}
    for r, tr in enumerate(table._tbl.tr_lst):
        c = 0
        for tc in tr.tc_lst:
            if tc.vMerge == "continue":
                origin = below.pop(c)
                text, rowspan, colspan = starts[origin]
                starts[origin] = (text, rowspan + 1, colspan)
                below[c] = origin
            else:
                texts = ["".join(t.text or "" for t in p.iter(qn("w:t"))) for p in tc.p_lst]
                starts[(r, c)] = ("\n".join(texts), 1, tc.grid_span)
                below[c] = (r, c)
            c += tc.grid_span
    return starts


def body_values(grid, rows, values_per_row):
    """The last values_per_row cells of each body row (the first `rows` header rows apart)."""
    width = max(c for _, c in grid) + 1
    by_row = {}
    for (r, c), (text, _, colspan) in grid.items():
        if c + colspan > width - values_per_row:
            by_row.setdefault(r, []).append((c, text))
    return [[text for _, text in sorted(cells)] for r, cells in sorted(by_row.items()) if r >= rows]


@pytest.mark.parametrize("name", SEED_NAMES)
def test_every_figure_is_in_the_cell_the_format_puts_it_in(name):
    seed = SEEDS[name]
    document = word(seed_report(name))
    t2, t3, t4 = document.tables

    # table 3: one row per row of the format (seed 001 prints its single 2019 row), the
    # seven applicant columns in order after the three header rows
    report = seed_report(name)
    rows = [row.key for block in as_filled(report, T3).blocks for row in block.rows]
    printed = body_values(word_grid(t3), T3.blocks[0].header_depth, 7)
    assert printed == [seed["t3"].get(row, ZERO).split() for row in rows]

    # table 4: its one row of fifteen figures under the three header rows, blanks blank
    (row,) = body_values(word_grid(t4), T4.blocks[0].header_depth, 15)
    assert row == [("" if text == "_" else text) for text in seed["t4"].split()]

    # table 2: the figures in reading order, block after block
    figures = [
        text
        for (r, c), (text, _, _) in sorted(word_grid(t2).items())
        if text and (text[0].isdigit() or text[0] == "-")
    ]
    assert " ".join(figures) == seed["t2"].replace(" |", "")


@pytest.mark.parametrize("name", SEED_NAMES)
def test_our_own_importer_reads_it_back_to_the_same_report(name):
    from_text = read_report_file(SEEDS_FOLDER / name).report
    result = read_report_bytes(report_docx(seed_report(name)))
    assert result.unplaced == [] and result.complete
    assert result.report["figures"] == expected_figures(SEEDS[name])
    for field in ("year", "agency", "signature", "date"):
        assert result.report[field] == from_text[field], field
    assert result.report["title"].replace(" ", "") == from_text["title"].replace(" ", "")


def format_spans(report, table) -> dict:
    """The format's grid placed the way a table is laid out: (row, column) of each cell
    where it starts → (text printed there, row span, column span)."""
    from gkreport.printing.layout import table_rows

    head, body = table_rows(report, table)
    starts, taken = {}, set()
    for r, row in enumerate(head + body):
        c = 0
        for printed in row["cells"]:
            while (r, c) in taken:
                c += 1
            cell = printed["cell"]
            starts[(r, c)] = (printed["text"], cell.rowspan, cell.colspan)
            taken |= {(r + i, c + j) for i in range(cell.rowspan) for j in range(cell.colspan)}
            c += cell.colspan
    return starts


@pytest.mark.parametrize("name", ["003_b59b93e2e8dda449.txt", "001_c779024abbc6666e.txt"])
def test_the_merged_cells_are_merged_as_in_the_format(name):
    report = seed_report(name)
    document = word(report)
    for table, word_table in zip(report.fmt.tables, document.tables, strict=True):
        grid = word_grid(word_table)
        assert grid == format_spans(report, table)
        assert len(word_table.columns) == table_width(table)

    # what a reader sees: table 3's 申请人情况 over its seven columns, 法人或其他组织 over
    # five; table 4's 行政复议 over five, 行政诉讼 over ten and each of its halves over five
    applicants = T3.blocks[0].columns[0]
    organisations = next(n for n in applicants.children if isinstance(n, ColumnGroup))
    t3 = {text: span for text, *span in word_grid(document.tables[1]).values()}
    assert t3[applicants.label] == [1, 7] and t3[organisations.label] == [1, 5]
    t4 = {text: span for text, *span in word_grid(document.tables[2]).values()}
    review, litigation = T4.blocks[0].columns
    assert t4[review.label] == [1, 5] and t4[litigation.label] == [1, 10]
    assert [t4[half.label] for half in litigation.children] == [[1, 5], [1, 5]]


def test_header_rows_repeat_on_each_page_and_no_row_splits():
    document = word(seed_report("003_b59b93e2e8dda449.txt"))
    t3 = document.tables[1]
    repeated = [
        tr.trPr is not None and tr.trPr.find(qn("w:tblHeader")) is not None for tr in t3._tbl.tr_lst
    ]
    assert repeated == [True] * 3 + [False] * (len(repeated) - 3)
    assert all(tr.trPr.find(qn("w:cantSplit")) is not None for tr in t3._tbl.tr_lst)


def test_official_layout_title_headings_paragraphs_signature():
    report = seed_report("003_b59b93e2e8dda449.txt")
    document = word(report)
    section = document.sections[0]
    assert [round(length.mm) for length in (section.page_width, section.page_height)] == [210, 297]
    assert [round(m.mm) for m in (section.top_margin, section.right_margin)] == [37, 26]
    assert [round(m.mm) for m in (section.bottom_margin, section.left_margin)] == [35, 28]

    paragraphs = [p for p in document.paragraphs if p.text]
    title = paragraphs[0]
    assert title.text == report.title
    assert title.style.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert title.style.font.size.pt == 22

    headings = [p.text for p in paragraphs if p.style.name == "Heading 1"]
    assert headings == [part.heading for part in report.fmt.parts]
    sub_headings = [p.text for p in paragraphs if p.style.name == "Heading 2"]
    expected = [
        p["text"]
        for part in report.fmt.parts
        for p in part_paragraphs(report, part)
        if p["heading"]
    ]
    assert sub_headings == expected and len(expected) >= 6

    body = [p for p in paragraphs if p.style.name == "Normal"]
    assert body[0].text.startswith("根据《中华人民共和国政府信息公开条例》")
    assert document.styles["Normal"].paragraph_format.first_line_indent.pt == 32
    assert document.styles["Normal"].font.size.pt == 16

    signature, day = paragraphs[-2:]
    assert (signature.text, day.text) == (report.signature, "2024年2月6日")
    assert report.signed_on == date(2024, 2, 6)
    for paragraph in (signature, day):
        assert paragraph.style.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.RIGHT


def header_text(document) -> str:
    section = document.sections[0]
    return "".join(
        p.text for header in (section.header, section.even_page_header) for p in header.paragraphs
    )


def body_text(document) -> str:
    return "".join(t.text or "" for t in document.element.body.iter(qn("w:t")))


def test_a_draft_says_so_in_the_page_header_never_in_the_text():
    report = seed_report("003_b59b93e2e8dda449.txt")
    draft = word(report)
    assert Status.DRAFT.label in header_text(draft)
    report.status = Status.PUBLISHED
    published = word(report)
    assert header_text(published) == ""
    assert body_text(draft) == body_text(published)  # the body is the same text either way


def test_page_numbers_on_the_outer_side():
    document = word(seed_report("003_b59b93e2e8dda449.txt"))
    assert document.settings.odd_and_even_pages_header_footer
    section = document.sections[0]
    odd, even = section.footer.paragraphs[0], section.even_page_footer.paragraphs[0]
    assert (odd.alignment, even.alignment) == (WD_ALIGN_PARAGRAPH.RIGHT, WD_ALIGN_PARAGRAPH.LEFT)
    for footer in (odd, even):
        fields = footer._p.findall(qn("w:fldSimple"))
        assert [f.get(qn("w:instr")).strip() for f in fields] == ["PAGE"]
        assert footer.text.startswith("— ") and footer.text.endswith(" —")


def test_charts_give_their_numbers_in_words():
    report = seed_report("003_b59b93e2e8dda449.txt")
    report.include_charts = True
    text = [p.text for p in word(report).paragraphs]
    assert "本年度办理结果分布（件）" in text
    assert any(line.startswith("本年度办理结果分布：予以公开92件；") for line in text)
