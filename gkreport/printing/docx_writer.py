"""A report as a Word file (.docx) in the official layout, for the agency's internal sign-off.

Built from the print context the PDF uses (layout.print_context): the same title, headings and
paragraphs, the same figures printed the same way (blank stays blank), and the three tables
from the same grid (formats/grid.py), with the same merged header and group cells. Only the
look is Word's: styles instead of CSS, and the 草稿 mark of a draft in the page header, never
in the body text, so text copied out of it is the report's alone.

Charts are not drawn: their captions and their numbers in words, as the PDF prints them under
each chart, stand in their place.
"""

import io
from xml.sax.saxutils import escape

import docx
from django.utils import timezone
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt, RGBColor

from gkreport.printing.layout import print_context
from gkreport.printing.rendering import received_history
from gkreport.vocabulary import Status

CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

# The fonts of official documents, as Word names them on an office PC: the document is opened
# there, not on the server, so these are not the server's PDF_FONTS (which fall back to fonts
# built for the PDF). Word substitutes a font the PC lacks.
FONTS = {
    "title": "方正小标宋简体",
    "body": "仿宋_GB2312",
    "heading": "黑体",
    "kai": "楷体_GB2312",
    "table": "宋体",
}
# GB/T 9704 as in static/print/report.css: A4, margins 37/26/35/28 mm, body 3号 (16 pt) on
# 22 lines a page, title 2号 (22 pt), page numbers 4号 (14 pt).
PAGE = {"top": 37, "right": 26, "bottom": 35, "left": 28}
TEXT_WIDTH_MM = 210 - PAGE["left"] - PAGE["right"]
BODY, TITLE, PAGE_NUMBER = Pt(16), Pt(22), Pt(14)
LINE = Pt(28.9)
INDENT = Pt(32)  # two characters of the body
# Table text: 五号 (10.5 pt), wide tables (tables 3 and 4) 小五 (9 pt), as in the PDF.
TABLE_TEXT, WIDE_TABLE_TEXT, CORNER_TEXT = Pt(10.5), Pt(9), Pt(8)
WIDE = 8  # grid columns from which a table counts as wide
DRAFT_RED = RGBColor(0xB4, 0, 0)

# Paragraph styles of our own (Word lists them by name); the part and sub-section headings
# are Word's Heading 1 and 2 (标题 1/2), so they show in the navigation pane like the PDF's
# bookmarks.
TITLE_STYLE, TABLE_STYLE, SIGNATURE_STYLE, CHART_STYLE = "报告标题", "表格文字", "落款", "图表说明"
LEAD_STYLE = "段首小标题"  # character style of a heading run into its paragraph
# Their ids inside the file, in ASCII as Word writes its own.
STYLE_IDS = {
    TITLE_STYLE: "GkTitle",
    TABLE_STYLE: "GkTable",
    SIGNATURE_STYLE: "GkSignature",
    CHART_STYLE: "GkChart",
    LEAD_STYLE: "GkLead",
}

CENTRED_KINDS = {"header", "value", "corner"}


def report_docx(report) -> bytes:
    history = received_history(report) if report.include_charts else []
    context = print_context(report, history=history)
    document = docx.Document()
    _page_setup(document)
    _styles(document)
    _page_numbers(document)
    if context["draft"]:
        _draft_mark(document)
    _properties(document, context)
    document.add_paragraph(context["doc_title"], style=TITLE_STYLE)
    _paragraphs(document, context["preamble"])
    for item in context["parts"]:
        document.add_paragraph(item["part"].heading, style="Heading 1")
        _paragraphs(document, item["paragraphs"])
        if item.get("table"):
            _table(document, item)
        for chart in item.get("charts", ()):
            document.add_paragraph(chart.title, style=CHART_STYLE)
            document.add_paragraph(chart.text, style=CHART_STYLE)
    _signature(document, report)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def docx_filename(report) -> str:
    return f"{report.fmt.title(report.agency.name, report.year)}.docx"


def _paragraphs(document, paragraphs) -> None:
    for p in paragraphs:
        if p["heading"]:
            document.add_paragraph(p["text"], style="Heading 2")
            continue
        paragraph = document.add_paragraph()
        if p["lead"]:
            paragraph.add_run(p["lead"], style=LEAD_STYLE)
        paragraph.add_run(p["text"])


def _table(document, item) -> None:
    """The official grid as a Word table: every cell where the grid puts it, spans merged
    (w:gridSpan across, w:vMerge down), fixed column widths as in the PDF, the leading header
    rows repeated on each page, no row split across pages, and the table kept on one page
    when it fits. Written as XML at once: python-docx's cell-by-cell API takes seconds for
    table 3's hundreds of cells."""
    rows = item["head"] + item["rows"]
    widths = [_twips(TEXT_WIDTH_MM * share / 100) for share in item["columns"]]
    size = WIDE_TABLE_TEXT if len(widths) >= WIDE else TABLE_TEXT
    style = document.styles[TABLE_STYLE].style_id
    spans = _spans(rows)
    xml = [
        f"<w:tbl {nsdecls('w')}><w:tblPr>"
        f'<w:tblStyle w:val="{document.styles["Table Grid"].style_id}"/>'
        f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:jc w:val="center"/>'
        '<w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>',
        *(f'<w:gridCol w:w="{width}"/>' for width in widths),
        "</w:tblGrid>",
    ]
    for r in range(len(rows)):
        header = "<w:tblHeader/>" if r < len(item["head"]) else ""
        xml.append(f"<w:tr><w:trPr><w:cantSplit/>{header}</w:trPr>")
        keep = r < len(rows) - 1
        for c, origin, cell, text in spans[r]:
            width = sum(widths[c : c + cell.colspan])
            merge = ""
            if cell.rowspan > 1:
                merge = '<w:vMerge w:val="restart"/>' if origin else "<w:vMerge/>"
            xml.append(
                f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>'
                f'<w:gridSpan w:val="{cell.colspan}"/>{merge}<w:vAlign w:val="center"/></w:tcPr>'
                f"{_cell_paragraph(style, cell.kind, text if origin else '', size, keep)}</w:tc>"
            )
        xml.append("</w:tr>")
    xml.append("</w:tbl>")
    # the paragraph after the table: Word joins two tables that touch
    after = document.add_paragraph(style=TABLE_STYLE)
    after._p.addprevious(parse_xml("".join(xml)))


def _spans(rows) -> list[list[tuple]]:
    """Per grid row, the Word cells it holds, left to right: (column, whether the span
    starts in this row, the grid cell, its text). A span reaching down from a row above
    holds a continuation cell in each row it covers."""
    placed: dict[tuple[int, int], tuple] = {}
    for r, row in enumerate(rows):
        c = 0
        for printed in row["cells"]:
            while (r, c) in placed:
                c += 1
            cell = printed["cell"]
            for dr in range(cell.rowspan):
                placed[(r + dr, c)] = (c, dr == 0, cell, printed["text"])
                placed.update({(r + dr, c + dc): None for dc in range(1, cell.colspan)})
            c += cell.colspan
    width = max(c for _, c in placed) + 1
    return [[placed[(r, c)] for c in range(width) if placed.get((r, c))] for r in range(len(rows))]


def _cell_paragraph(style: str, kind: str, text: str, size, keep: bool) -> str:
    properties = f'<w:pStyle w:val="{style}"/>'
    if keep:
        properties += "<w:keepNext/>"
    if kind not in CENTRED_KINDS:
        properties += '<w:jc w:val="left"/>'
    run = ""
    if text:
        points = CORNER_TEXT if kind == "corner" else size
        half_points = round(points.pt * 2)
        bold = "<w:b/>" if kind == "heading" else ""
        run = (
            f'<w:r><w:rPr>{bold}<w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/>'
            f'</w:rPr><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'
        )
    return f"<w:p><w:pPr>{properties}</w:pPr>{run}</w:p>"


def _twips(mm: float) -> int:
    return round(mm / 25.4 * 1440)


def _signature(document, report) -> None:
    document.add_paragraph(
        report.signature or report.agency.name, style=SIGNATURE_STYLE
    ).paragraph_format.space_before = LINE
    day = report.signed_on
    document.add_paragraph(
        f"{day.year}年{day.month}月{day.day}日" if day else "", style=SIGNATURE_STYLE
    )


def _page_setup(document) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(PAGE["top"]), Mm(PAGE["bottom"])
    section.left_margin, section.right_margin = Mm(PAGE["left"]), Mm(PAGE["right"])
    section.header_distance = section.footer_distance = Mm(20)


def _font(style, role: str) -> None:
    """Sets a style's font for Chinese and Latin text alike (Word keeps them apart), and
    drops the theme fonts of Word's own styles, which would win over it."""
    style.font.name = FONTS[role]
    fonts = style.element.rPr.rFonts
    fonts.set(qn("w:eastAsia"), FONTS[role])
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)


def _styles(document) -> None:
    styles = document.styles
    normal = styles["Normal"]
    _font(normal, "body")
    normal.font.size = BODY
    language = OxmlElement("w:lang")
    language.set(qn("w:val"), "zh-CN")
    language.set(qn("w:eastAsia"), "zh-CN")
    normal.element.rPr.append(language)
    body = normal.paragraph_format
    body.line_spacing = LINE  # a length: exactly this much, 22 lines a page
    body.first_line_indent = INDENT
    body.space_before = body.space_after = Pt(0)
    body.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    body.widow_control = True

    for name, role, bold in (("Heading 1", "heading", False), ("Heading 2", "kai", True)):
        heading = styles[name]
        _font(heading, role)
        heading.font.size, heading.font.bold = BODY, bold
        heading.font.color.rgb = RGBColor(0, 0, 0)
        layout = heading.paragraph_format
        layout.space_before = layout.space_after = Pt(0)
        layout.line_spacing = LINE
        layout.first_line_indent = INDENT
        layout.keep_with_next = True

    lead = styles.add_style(LEAD_STYLE, WD_STYLE_TYPE.CHARACTER)
    lead.style_id = STYLE_IDS[LEAD_STYLE]
    _font(lead, "kai")
    lead.font.bold = True

    title = _paragraph_style(styles, TITLE_STYLE, "title", TITLE, WD_ALIGN_PARAGRAPH.CENTER)
    # 小标宋 is a heavy face of its own: Word's bold would smear it (the PDF bolds only
    # because its fallback font is a regular weight).
    title.paragraph_format.line_spacing = Pt(TITLE.pt * 1.4)
    title.paragraph_format.space_after = LINE
    title.paragraph_format.keep_with_next = True

    table = _paragraph_style(styles, TABLE_STYLE, "table", TABLE_TEXT, WD_ALIGN_PARAGRAPH.CENTER)
    table.paragraph_format.line_spacing = 1.0

    chart = _paragraph_style(styles, CHART_STYLE, "table", TABLE_TEXT, WD_ALIGN_PARAGRAPH.CENTER)
    chart.paragraph_format.line_spacing = 1.4

    signature = _paragraph_style(styles, SIGNATURE_STYLE, "body", BODY, WD_ALIGN_PARAGRAPH.RIGHT)
    signature.paragraph_format.right_indent = INDENT

    for name in ("Header", "Footer"):
        _font(styles[name], "body")
        styles[name].paragraph_format.first_line_indent = Pt(0)
        styles[name].paragraph_format.line_spacing = 1.0


def _paragraph_style(styles, name, role, size, alignment):
    style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.style_id = STYLE_IDS[name]
    style.base_style = styles["Normal"]
    _font(style, role)
    style.font.size = size
    layout = style.paragraph_format
    layout.alignment = alignment
    layout.first_line_indent = Pt(0)
    return style


def _page_numbers(document) -> None:
    """“— N —” in 4号, on the outer side: right on odd pages, left on even ones."""
    document.settings.odd_and_even_pages_header_footer = True
    section = document.sections[0]
    for footer, alignment in (
        (section.footer, WD_ALIGN_PARAGRAPH.RIGHT),
        (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT),
    ):
        paragraph = footer.paragraphs[0]
        paragraph.alignment = alignment
        layout = paragraph.paragraph_format
        layout.left_indent = layout.right_indent = Pt(14)
        paragraph.add_run("— ").font.size = PAGE_NUMBER
        field = OxmlElement("w:fldSimple")
        field.set(qn("w:instr"), " PAGE ")
        paragraph._p.append(field)  # python-docx writes no fields; Word fills the number in
        run = paragraph.add_run(" —")
        run.font.size = PAGE_NUMBER
        field.append(_sized_run("1"))


def _sized_run(text: str):
    run = OxmlElement("w:r")
    properties = OxmlElement("w:rPr")
    for tag in ("w:sz", "w:szCs"):
        size = OxmlElement(tag)
        size.set(qn("w:val"), str(int(PAGE_NUMBER.pt * 2)))
        properties.append(size)
    text_element = OxmlElement("w:t")
    text_element.text = text
    run.append(properties)
    run.append(text_element)
    return run


def _draft_mark(document) -> None:
    """Not the final text: 草稿 in red at the top of every page, in the header, which stays
    out of the body text (the PDF draws it as a watermark picture for the same reason)."""
    section = document.sections[0]
    for header in (section.header, section.even_page_header):
        paragraph = header.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        run = paragraph.add_run(Status.DRAFT.label)
        run.font.size, run.font.bold = BODY, True
        run.font.color.rgb = DRAFT_RED


def _properties(document, context) -> None:
    report = context["report"]
    properties = document.core_properties
    properties.title = context["doc_title"]
    properties.author = properties.last_modified_by = report.agency.name
    properties.keywords = context["keywords"]
    properties.comments = "gkreport"
    properties.language = "zh-CN"
    properties.created = properties.modified = timezone.now()
    properties.revision = 1
