"""Reports as agencies publish them, made in code: CMS web pages and Word files.

Each builder takes a report dict as the text importer returns it for a seed (title,
preamble, sections, the raw text of every cell, signature, date) and writes it out in one
class of published layout (see the field guide's patterns): a Word paste inside a GBK CMS
page, a plain UTF-8 page, an old table-layout page with a wrong charset, a .docx file with
merged cells. The tables are drawn from the format's official grid (rowspan/colspan as in
the template), so the cells are where the template puts them, not where the reader expects.
"""

import html
import io
import re
import struct
import zlib
from dataclasses import dataclass

from gkreport.formats import get_format
from gkreport.formats.grid import table_grid


def _png() -> bytes:
    """A 1×1 white PNG: a table published as a picture."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\xff\xff")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


PNG = _png()
SUB_HEADING = re.compile(r"^[（(][一二三四五六七八九十]+[)）]")
LEGACY_ROWS = ("other_no_correction", "other_no_fee", "other_other")


@dataclass
class Cell:
    text: str
    rowspan: int = 1
    colspan: int = 1
    kind: str = "label"  # label | value (header, group and corner cells are labels)


def table_rows(report: dict, table_key: str, labels=None) -> list[list[Cell]]:
    """The official grid of a table with the report's printed cell texts in it; a report
    using the 2019 single （六）其他处理 row prints that row in place of the three.
    `labels` prints some labels otherwise: {canonical label: as printed}."""
    fmt = get_format(report["format"])
    raw = report.get("raw", {})
    labels = labels or {}
    legacy = table_key == "t3" and any(code.startswith("t3.other_processing.") for code in raw)
    rows = []
    for grid_row in table_grid(fmt.table(table_key)):
        cells = []
        for cell in grid_row.cells:
            if cell.kind == "value":
                cells.append(Cell(raw.get(cell.code, ""), 1, cell.colspan, "value"))
            else:
                cells.append(Cell(labels.get(cell.text, cell.text), cell.rowspan, cell.colspan))
        rows.append(cells)
    if not legacy:
        return rows
    first = next(i for i, row in enumerate(rows) if any(c.text == "（六）其他处理" for c in row))
    leaves = [leaf.key for leaf in fmt.table("t3").blocks[0].leaves]
    single = [Cell("（六）其他处理", 1, 2)] + [
        Cell(raw.get(f"t3.other_processing.{key}", ""), kind="value") for key in leaves
    ]
    for row in rows:  # the 三、本年度办理结果 label spans two rows fewer
        for cell in row:
            if cell.text == "三、本年度办理结果":
                cell.rowspan -= 2
    return rows[:first] + [single] + rows[first + 3 :]


def items(report: dict, drop=()) -> list[tuple[str, str]]:
    """The report in reading order: (title | p | heading | subheading | table | sign | date).
    `drop`: part keys printed without their heading."""
    fmt = get_format(report["format"])
    out = [("title", report["title"])]
    out += [("p", line) for line in report.get("preamble", "").splitlines() if line.strip()]
    for part in fmt.parts:
        if part.key not in drop:
            out.append(("heading", part.heading))
        for line in report["sections"].get(part.key, "").splitlines():
            short = SUB_HEADING.match(line) and len(line) <= 30
            out.append(("subheading" if short else "p", line))
        if part.table:
            out.append(("table", part.table))
    if report.get("signature"):
        out.append(("sign", report["signature"]))
    if report.get("date"):
        year, month, day = (int(n) for n in report["date"].split("-"))
        out.append(("date", f"{year}年{month}月{day}日"))
    return out


# Web pages --------------------------------------------------------------------------------

MSO_STYLE = "font-size:16.0pt;font-family:仿宋_GB2312;mso-hansi-font-family:宋体"
TD_STYLE = (
    "border:solid windowtext 1.0pt;mso-border-alt:solid windowtext .5pt;padding:0cm 5.4pt 0cm 5.4pt"
)


def _wrap_source(text: str, width: int = 38) -> str:
    """Word's HTML wraps long source lines, even inside a sentence (between two Chinese
    characters, where a browser shows nothing)."""
    out, count = [], 0
    for index, char in enumerate(text):
        out.append(html.escape(char, quote=False))
        count += 1
        following = text[index + 1 : index + 2]
        if count >= width and "\u4e00" <= char <= "\u9fff" and "\u4e00" <= following <= "\u9fff":
            out.append("\r\n")
            count = 0
    return "".join(out)


def _word_value(text: str) -> str:
    """A number the way Word pastes it: each digit its own span, a stray &nbsp; span after,
    empty paragraphs around; an empty cell is an empty paragraph."""
    empty = "<p class=MsoNormal align=center><span lang=EN-US><o:p>&nbsp;</o:p></span></p>"
    if not text:
        return empty
    # Word breaks its source lines inside tags, so a browser shows the digits together.
    digits = "".join(
        f"<span{' ' if i == 0 else chr(13) + chr(10)}lang=EN-US style='font-size:10.5pt;"
        f"font-family:仿宋_GB2312'>{html.escape(ch)}</span>"
        for i, ch in enumerate(text)
    )
    return (
        f"{empty}<p class=MsoNormal align=center style='text-align:center'>{digits}"
        f"<span lang=EN-US style='font-size:10.5pt'>&nbsp;</span><o:p></o:p></p>{empty}"
    )


def _word_label(text: str) -> str:
    """A label in one or two paragraphs: a long one broken with <br>, a header with its
    note on a second paragraph (“现行有效件数” / “(历史累计)”-style)."""
    span = "<span style='font-size:10.5pt;font-family:仿宋_GB2312;mso-bidi-font-family:宋体'>"
    if "（" in text and len(text) > 12 and not text.startswith("（"):
        head, tail = text.split("（", 1)
        body = f"{span}{html.escape(head)}</span></p><p class=MsoNormal align=center>{span}（{html.escape(tail)}</span>"
    elif len(text) > 16:
        middle = len(text) // 2
        body = f"{span}{html.escape(text[:middle])}<br>{html.escape(text[middle:])}</span>"
    else:
        body = f"{span}{html.escape(text)}</span>"
    return f"<p class=MsoNormal align=center style='text-align:center'>{body}<span lang=EN-US><o:p></o:p></span></p>"


def word_table(rows: list[list[Cell]], *, repeat_group: str = "") -> str:
    out = [
        "<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0 width=604 "
        "style='width:453.0pt;border-collapse:collapse;border:none;mso-table-layout-alt:fixed'>"
    ]
    for row in rows:
        out.append("<tr style='height:20.0pt'>")
        for cell in row:
            spans = ""
            if cell.rowspan > 1:
                spans += f" rowspan={cell.rowspan}"
            if cell.colspan > 1:
                spans += f" colspan={cell.colspan}"
            content = _word_value(cell.text) if cell.kind == "value" else _word_label(cell.text)
            out.append(f"<td width=57{spans} valign=middle style='{TD_STYLE}'>{content}</td>")
            if repeat_group and cell.text == repeat_group:  # the label cell printed twice
                out.append(f"<td width=20{spans} style='{TD_STYLE}'>{content}</td>")
        out.append("</tr>")
    out.append("</table>")
    return "\n".join(out)


def plain_table(rows: list[list[Cell]], *, spaced: bool = False) -> str:
    """A table as a newer CMS editor writes it: th for headers, labels spaced out and with
    half-width brackets when `spaced`."""
    out = ['<table border="1" cellspacing="0" style="width:100%">']
    for index, row in enumerate(rows):
        out.append("<tr>")
        for cell in row:
            tag = "th" if index < 3 and cell.kind != "value" else "td"
            spans = "".join(
                f' {name}="{value}"'
                for name, value in (("rowspan", cell.rowspan), ("colspan", cell.colspan))
                if value > 1
            )
            text = cell.text
            if spaced and cell.kind != "value":
                text = text.replace("（", "(").replace("）", ")").replace("1.", "1．")
                text = "&nbsp;".join(html.escape(text[i : i + 4]) for i in range(0, len(text), 4))
            else:
                text = html.escape(text)
            out.append(f"<{tag}{spans}>{text}</{tag}>")
        out.append("</tr>")
    out.append("</table>")
    return "\n".join(out)


def _nav(count: int = 160) -> str:
    links = "".join(
        f'<li><a href="/col/col{4000 + i}/index.html" target="_blank">栏目{i}·政务服务</a></li>'
        for i in range(count)
    )
    return f'<nav class="main-nav"><ul>{links}</ul></nav>'


SCRIPT = (
    "<script type=\"text/javascript\">var _hmt=_hmt||[];(function(){var hm=document.createElement('script');"
    "hm.src='https://hm.example.com/hm.js?0';var s=document.getElementsByTagName('script')[0];"
    "s.parentNode.insertBefore(hm,s);})();function zoom(n){document.getElementById('zoom')"
    ".style.fontSize=n+'px';}"
    + "var weather={city:'聊城',t:["
    + ",".join(str(i % 37) for i in range(4000))
    + "]};"
    "</script>"
)
STYLE = (
    "<style>"
    + "".join(f".c{i}{{margin:{i % 9}px;color:#3{i % 10}{i % 7}}}" for i in range(1500))
    + "</style>"
)


def _chrome_top(site: str) -> str:
    return (
        f'<div class="top"><h1 class="logo">{site}</h1><form action="/search" method="get">'
        '<input type="text" name="q" value="请输入关键字"><button type="submit">搜索</button></form>'
        '<div class="weather" id="weather">聊城 晴 12℃~25℃ 空气质量：良 75</div></div>'
        + _nav()
        + '<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/gk/">政务公开</a> &gt; '
        "<span>政府信息公开年报</span></div>"
    )


def _chrome_bottom(site: str) -> str:
    related = "".join(
        f'<li><a href="/art/{year}/1/20/art_{year}.html">{site}{year}年政府信息公开工作年度报告</a>'
        f"<span>{year}-01-20</span></li>"
        for year in (2019, 2020, 2021)
    )
    return (
        f'<div class="related"><h3>相关阅读</h3><ul>{related}</ul></div>'
        '<div class="tools"><a href="javascript:window.print()">【打印本页】</a>'
        '<a href="javascript:window.close()">【关闭窗口】</a></div>'
        f'<footer class="footer"><p>主办单位：{site}办公室 地址：聊城市东昌府区东昌东路1号 邮编：252000</p>'
        "<p>联系电话：0635-8241234 网站标识码：3715000001 鲁ICP备05003219号-1 "
        "鲁公网安备 37150202000123号</p></footer>"
    )


def _word_paragraphs(report: dict, table_html, *, image_tables=(), drop=(), labels=None) -> str:
    """The article body as a Word paste: headings bold in 黑体, paragraphs indented, list
    numbers of part headings in Word's downlevel-revealed list markup now and then."""
    out = []
    for kind, content in items(report, drop):
        if kind == "title":
            continue
        if kind == "table":
            if content in image_tables:
                out.append(
                    f'<p class=MsoNormal align=center><img width=604 height=180 src="/picture/0/{content}.png" '
                    'alt="" border=0></p>'
                )
            else:
                out.append(table_html(table_rows(report, content, labels)))
            continue
        text = _wrap_source(content)
        if kind == "heading":
            numeral, rest = content[:2], _wrap_source(content[2:])
            out.append(
                "<p class=MsoListParagraph style='text-indent:32.0pt;mso-list:l0 level1 lfo1'>"
                f"<![if !supportLists]><b><span style='font-family:黑体'>{numeral}</span></b><![endif]>"
                f"<b><span style='font-size:16.0pt;font-family:黑体'>{rest}<span lang=EN-US><o:p></o:p></span></span></b></p>"
            )
        elif kind == "subheading":
            out.append(
                f"<p class=MsoNormal style='text-indent:32.0pt'><b><span style='font-family:楷体_GB2312'>{text}</span></b></p>"
            )
        elif kind in ("sign", "date"):
            out.append(
                f"<p class=MsoNormal align=right style='text-align:right'><span style='{MSO_STYLE}'>{text}</span></p>"
            )
        else:
            out.append(
                f"<p class=MsoNormal style='text-indent:32.0pt;mso-char-indent-count:2.0'>"
                f"<span style='{MSO_STYLE}'>{text}<span lang=EN-US><o:p></o:p></span></span></p>"
                "<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>"
            )
    return "\n".join(out)


def word_page(
    report: dict, *, encoding="gbk", image_tables=(), repeat_group="", drop=(), labels=None
) -> bytes:
    """A GBK CMS page whose article is a Word paste; the title only in the page's head and
    headline, outside the article."""
    site = report.get("agency") or "聊城市人民政府"
    title = report["title"]
    charset = "gb2312" if encoding == "gbk" else encoding
    body = _word_paragraphs(
        report,
        lambda rows: word_table(rows, repeat_group=repeat_group),
        image_tables=image_tables,
        drop=drop,
        labels=labels,
    )
    page = f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><head>
<meta http-equiv="Content-Type" content="text/html; charset={charset}" />
<title>{html.escape(title)}_政府信息公开年报_{html.escape(site)}</title>
<meta name="ArticleTitle" content="{html.escape(title)}">
<meta name="PubDate" content="{report.get("date") or "2023-01-20"} 09:30">
<meta name="ContentSource" content="{html.escape(site)}">
{STYLE}{SCRIPT}</head>
<body>{_chrome_top(site)}
<div class="article"><div class="article-title">{html.escape(title)}</div>
<div class="info">发布时间：{report.get("date") or "2023-01-20"} 来源：{html.escape(site)} 浏览次数：1024 字号：<a href="javascript:zoom(18)">大</a> <a href="javascript:zoom(16)">中</a></div>
<div class="article-content" id="zoom"><div class=WordSection1 style='layout-grid:15.6pt'>
{body}
</div></div></div>
{_chrome_bottom(site)}{SCRIPT}</body></html>"""
    return page.encode(encoding, "xmlcharrefreplace")


def plain_page(report: dict, *, drop=(), labels=None) -> bytes:
    """A UTF-8 page of a newer CMS: HTML5 chrome, the title as the article's own <h1>, plain
    tables with <th>, labels spaced out with &nbsp; and half-width brackets."""
    site = report.get("agency") or "聊城市人民政府"
    out = []
    for kind, content in items(report, drop):
        if kind == "title":
            out.append(f"<h1 class='art-title'>{html.escape(content)}</h1>")
        elif kind == "table":
            out.append(plain_table(table_rows(report, content, labels), spaced=True))
        elif kind == "heading":
            out.append(f"<h3>{html.escape(content)}</h3>")
        elif kind in ("sign", "date"):
            out.append(f'<p style="text-align:right">{html.escape(content)}</p>')
        else:
            out.append(f"<p>&nbsp;&nbsp;&nbsp;&nbsp;{html.escape(content)}</p>")
    page = f"""<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{html.escape(site)} - 政府信息公开</title>
{STYLE}</head><body>
<header class="site">{_chrome_top(site)}</header>
<main><div class="left">{_nav(40)}</div>
<article class="content"><div class="art-body">{"".join(out)}</div></article></main>
{_chrome_bottom(site)}{SCRIPT}
</body></html>"""
    return page.encode("utf-8")


def layout_table_page(
    report: dict, *, declared="utf-8", encoding="gb18030", drop=(), labels=None
) -> bytes:
    """An old CMS page laid out with tables: the article sits in a cell of a layout table,
    the report's tables nested inside; the page declares one charset and is written in
    another; a table ends with a row of empty cells."""
    site = report.get("agency") or "聊城市人民政府"
    parts = []
    for kind, content in items(report, drop):
        if kind == "table":
            rows = table_rows(report, content, labels)
            width = sum(cell.colspan for cell in rows[-1]) + (3 if content == "t3" else 0)
            rows = rows + [[Cell("", kind="value") for _ in range(width)]]
            parts.append(plain_table(rows))
        elif kind == "title":
            parts.append(f"<p align=center><font size=5><b>{html.escape(content)}</b></font></p>")
        else:
            parts.append(f"<p>{html.escape(content)}</p>")
    page = f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset={declared}">
<title>{html.escape(report["title"])}</title></head>
<body><table width=980 align=center><tr><td colspan=2>{_chrome_top(site)}</td></tr>
<tr><td width=200 valign=top>{_nav(30)}</td>
<td width=780 valign=top><table width=100%><tr><td class=bt>{html.escape(report["title"])}</td></tr>
<tr><td class=content>{"".join(parts)}</td></tr></table></td></tr>
<tr><td colspan=2>{_chrome_bottom(site)}</td></tr></table></body></html>"""
    return page.encode(encoding, "xmlcharrefreplace")


# Word files -------------------------------------------------------------------------------


def _place(rows: list[list[Cell]]) -> list[tuple[int, int, Cell]]:
    """(row, column, cell) of each cell on the grid, skipping positions spans cover."""
    taken: set[tuple[int, int]] = set()
    placed = []
    for r, row in enumerate(rows):
        c = 0
        for cell in row:
            while (r, c) in taken:
                c += 1
            placed.append((r, c, cell))
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    taken.add((r + dr, c + dc))
            c += cell.colspan
    return placed


def word_file(report: dict, *, split_runs=True, drop=(), labels=None, image_tables=()) -> bytes:
    """A .docx as agencies send it: merged header and group cells (gridSpan, vMerge), a
    header label in two paragraphs, numbers typed in several runs."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    document = docx.Document()
    for kind, content in items(report, drop):
        if kind == "table" and content in image_tables:
            document.add_picture(io.BytesIO(PNG))
            continue
        if kind == "table":
            rows = table_rows(report, content, labels)
            placed = _place(rows)
            width = max(c + cell.colspan for _, c, cell in placed)
            table = document.add_table(rows=len(rows), cols=width)
            table.style = "Table Grid"
            for r, c, cell in placed:
                target = table.cell(r, c)
                if cell.rowspan > 1 or cell.colspan > 1:
                    target = target.merge(table.cell(r + cell.rowspan - 1, c + cell.colspan - 1))
                _word_cell(target, cell, split_runs)
            continue
        paragraph = document.add_paragraph()
        if kind == "title":
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            paragraph.add_run(content).bold = True
        elif kind in ("heading", "subheading"):
            paragraph.add_run(content).bold = True
        elif kind in ("sign", "date"):
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            paragraph.add_run(content)
        else:
            # a sentence typed in pieces, as edits leave it
            for start in range(0, len(content), 17):
                paragraph.add_run(content[start : start + 17])
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _word_cell(target, cell: Cell, split_runs: bool) -> None:
    paragraph = target.paragraphs[0]
    if cell.kind == "value":
        if split_runs:
            for char in cell.text:
                paragraph.add_run(char)
        else:
            paragraph.add_run(cell.text)
        return
    if "（" in cell.text and len(cell.text) > 12 and not cell.text.startswith("（"):
        head, tail = cell.text.split("（", 1)
        paragraph.add_run(head)
        target.add_paragraph("（" + tail)
    else:
        paragraph.add_run(cell.text)


# Reports made up for one case -------------------------------------------------------------

SECTIONS = {
    "s1": "（一）主动公开\n全年主动公开政府信息1200条，其中政策文件35件。\n（二）依申请公开\n"
    "全年收到政府信息公开申请20件，均已按期答复。",
    "s2": "",
    "s3": "",
    "s4": "",
    "s5": "一是公开内容不够全面。二是解读形式较为单一。下一步将加强培训。",
    "s6": "（一）收取信息处理费情况\n本机关未收取信息处理费。",
}


def with_text(report: dict, agency: str = "测试市测试局") -> dict:
    """A report dict of the rule tests (tests/factories.py) with what a published report
    also prints: title, preamble, the parts' text, signature and date."""
    return {
        **report,
        "agency": agency,
        "title": f"{agency}{report['year']}年政府信息公开工作年度报告",
        "preamble": f"根据《中华人民共和国政府信息公开条例》，现公布{agency}{report['year']}年度"
        "政府信息公开工作年度报告。统计期限为当年1月1日至12月31日。",
        "sections": dict(SECTIONS),
        "signature": agency,
        "date": f"{report['year'] + 1}-01-20",
    }


NAMESPACES = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "v": "urn:schemas-microsoft-com:vml",
}


def text_box_file(report: dict, table_index: int = -1) -> bytes:
    """A .docx whose table sits in a text box, written as Word writes one: the drawing
    (mc:Choice) and the VML copy for old readers (mc:Fallback), so the table is there twice."""
    import docx
    from docx.oxml import parse_xml
    from lxml import etree

    document = docx.Document(io.BytesIO(word_file(report)))
    body = document.element.body
    table = body.findall(f"{{{NAMESPACES['w']}}}tbl")[table_index]
    inner = etree.tostring(table, encoding="unicode")
    declarations = " ".join(f'xmlns:{k}="{v}"' for k, v in NAMESPACES.items())
    box = (
        f"<w:p {declarations}><w:r><mc:AlternateContent>"
        '<mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData>'
        f"<wps:wsp><wps:txbx><w:txbxContent>{inner}<w:p/></w:txbxContent></wps:txbx></wps:wsp>"
        "</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
        "<mc:Fallback><w:pict><v:shape><v:textbox>"
        f"<w:txbxContent>{inner}<w:p/></w:txbxContent></v:textbox></v:shape></w:pict>"
        "</mc:Fallback></mc:AlternateContent></w:r></w:p>"
    )
    table.addprevious(parse_xml(box))
    body.remove(table)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
