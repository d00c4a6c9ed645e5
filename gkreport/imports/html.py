"""Reading a report published as a web page (the commonest form) — with lxml.

A government CMS page holds the report as an article among menus, search forms, scripts
and footers; the article itself is usually pasted from Word or WPS (MsoNormal paragraphs,
spans around single digits, `<o:p>`, runs of `&nbsp;`, tables with rowspan/colspan).

1. The bytes are decoded by what they are, not only by what they declare: valid UTF-8 is
   UTF-8; otherwise the declared charset (GB2312 and GBK read as their superset GB18030),
   then GB18030. A wrong declaration is noted.
2. The page becomes blocks (layout.py): paragraphs, tables (a table holding other tables is
   page layout, and is walked into), images. Scripts, styles, forms' controls and hidden
   elements are skipped.
3. The article is the smallest element holding the part headings and the report's tables;
   everything outside it is site chrome. The title comes from the article when it names
   the report, otherwise from <meta name="ArticleTitle">, the headline or <title>.
4. The text importer reads the result (text.py), so labels, rows and checks are the same
   as for any text.
"""

import re

import lxml.etree

from gkreport.formats import FORMATS
from gkreport.imports.files import read_bounded_text
from gkreport.imports.labels import norm_heading
from gkreport.imports.layout import MAX_GRID_CELLS, Blocks, Cell, blocks_to_text, clean_line
from gkreport.imports.limits import DEFAULT_LIMITS
from gkreport.imports.text import (
    PART_LINE,
    TITLE_VARIANTS,
    YEAR_IN_TITLE,
    ImportError_,
    ImportResult,
)

SKIP = {
    "script", "style", "noscript", "template", "iframe", "frame", "object", "embed", "svg",
    "math", "select", "option", "button", "input", "textarea", "head", "title", "meta",
    "link", "map", "area", "audio", "video", "canvas", "base",
}  # fmt: skip
BLOCK = {
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
    "section", "article", "main", "aside", "header", "footer", "nav", "blockquote", "pre",
    "center", "address", "figure", "figcaption", "form", "fieldset", "legend", "hr", "table",
    "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "body", "html",
}  # fmt: skip
HIDDEN = re.compile(r"display\s*:\s*none|mso-hide\s*:\s*all", re.I)
HIDDEN_INSIDE = (
    ".//*[@hidden or contains(translate(@style, ' ', ''), 'display:none')"
    " or contains(@style, 'mso-hide')]"
)
CELL_SKIP = ("script", "style", "noscript", "template", "svg", "math", "select", "textarea")
CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)""", re.I)
XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>", re.I)
# Words that mark a table of the report (the formats' landmarks), in any format.
REPORT_TABLE = tuple(dict.fromkeys(word for fmt in FORMATS.values() for word in fmt.landmarks))
SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030"}
CHINESE = {"gb18030", "big5", "big5-hkscs", "hz", "utf-16"}
TITLE_PARTS = re.compile(r"\s*[_|｜]\s*|\s+-\s+")
MAX_SPAN = 10_000  # layout.expand stops a rowspan at the table's end, a colspan at its limit
MAX_TITLE = 80
YEAR = re.compile(r"(20\d{2})\s*年")


def read_html(data: bytes, *, year: int | None = None, limits=None) -> ImportResult:
    text, note = decode_html(data)
    document = _parse(text)
    body = document.find("body")
    if body is None:
        body = document
    blocks, sources = _blocks(body)
    article = _article(body, blocks, sources)
    kept = Blocks(
        items=[b for b, s in zip(blocks.items, sources, strict=True) if _inside(s, article)]
    )
    title, named_year = _title(document, kept)
    result = read_bounded_text(
        blocks_to_text(kept, title), year=year or named_year, limits=limits or DEFAULT_LIMITS
    )
    if not result.report.get("agency"):
        result.report["agency"] = _meta(document, "ContentSource")
    if note:
        result.notes.insert(0, note)
    return result


def decode_html(data: bytes) -> tuple[str, str]:
    """(text, a note when the page declares another encoding than it is written in)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), ""
        except UnicodeDecodeError:
            raise ImportError_("无法识别网页的文字编码（UTF-16内容有误）") from None
    data = data.removeprefix(b"\xef\xbb\xbf")
    match = CHARSET.search(data[:4096])
    declared = match.group(1).decode("ascii", "replace").lower() if match else ""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        wrong = declared and declared not in ("utf-8", "utf8") and not data.isascii()
        return text, (
            f"网页声明的编码为{declared.upper()}，实际为UTF-8，已按UTF-8读取" if wrong else ""
        )
    # A Chinese page declaring a Western single-byte charset is misconfigured: such a
    # declaration (which decodes any bytes) is tried only after GB18030.
    wanted = SUPERSETS.get(declared, declared)
    order = [wanted, "gb18030"] if wanted in CHINESE else ["gb18030", wanted]
    for encoding in dict.fromkeys(order):
        if not encoding or encoding in ("utf-8", "utf8"):
            continue
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        if declared and wanted != encoding:
            return text, f"网页声明的编码为{declared.upper()}，实际为{_name(encoding)}，已按此读取"
        return text, ""
    raise ImportError_("无法识别网页的文字编码（应为UTF-8或GBK/GB18030）")


def _name(encoding: str) -> str:
    return "GB18030（GBK）" if encoding == "gb18030" else encoding.upper()


def _parse(text: str):
    # lxml.etree's HTML parser, not lxml.html's: plain elements walk several times faster.
    parser = lxml.etree.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True)
    source = XML_DECLARATION.sub("", text, count=1).encode("utf-8")
    document = lxml.etree.fromstring(source, parser) if source.strip() else None
    if document is None:
        raise ImportError_("网页内容为空或无法解析")
    return document


def _tag(element) -> str:
    tag = element.tag
    return tag if isinstance(tag, str) else ""


def _hidden(element) -> bool:
    style = element.get("style")
    return (style is not None and bool(HIDDEN.search(style))) or element.get("hidden") is not None


def _blocks(root) -> tuple[Blocks, list]:
    """The page as blocks, with the element each block came from (to find the article)."""
    blocks = Blocks()
    sources: list = []
    line: list[str] = []
    owner = [root]  # the block element the current line belongs to
    closed: set = set()  # elements whose inside was skipped or read as a table

    def flush():
        before = len(blocks.items)
        blocks.text("".join(line))
        sources.extend([owner[-1]] * (len(blocks.items) - before))
        line.clear()

    walker = lxml.etree.iterwalk(root, events=("start", "end"))
    for event, element in walker:
        tag = _tag(element)
        if event == "end":
            if element in closed:
                closed.discard(element)
            elif tag in BLOCK:
                flush()
                owner.pop()
            if element.tail and element is not root:
                line.append(element.tail)
            continue
        if not tag or tag in SKIP or _hidden(element):
            closed.add(element)
            walker.skip_subtree()
        elif tag == "br":
            flush()
        elif tag == "img":
            flush()
            blocks.image()
            sources.append(element)
        elif tag == "table" and element.find(".//table") is None:
            flush()
            blocks.table(_table_rows(element))
            sources.append(element)
            closed.add(element)
            walker.skip_subtree()
        else:
            if tag in BLOCK:
                flush()
                owner.append(element)
            if element.text:
                line.append(element.text)
    flush()
    return blocks, sources


def _table_rows(table) -> list[list[Cell]]:
    # Counted in C before any cell is read: a huge table is refused, not walked.
    if table.xpath("count(.//td | .//th)") > MAX_GRID_CELLS:
        raise ImportError_("文件中的表格过大，无法读取")
    # Most tables hold nothing hidden and no script: their cells' text is all their text.
    plain = not table.xpath(HIDDEN_INSIDE) and next(table.iter(*CELL_SKIP), None) is None
    rows = []
    for tr in table.iter("tr"):
        if _hidden(tr):
            continue
        cells = [
            Cell(_cell_text(td, plain), _span(td, "rowspan"), _span(td, "colspan"))
            for td in tr
            if _tag(td) in ("td", "th") and not _hidden(td)
        ]
        rows.append(cells)
    return rows


def _cell_text(td, plain: bool) -> str:
    """All the text of a cell on one line: paragraphs and <br> inside a cell are line breaks
    of one label or value (“现行有效件数” / “(历史累计)”), so they join without a space."""
    if plain:
        return clean_line("".join(td.itertext()))
    pieces: list[str] = []
    _collect(td, pieces)
    return "".join(clean_line(piece) for piece in "".join(pieces).split("\n"))


def _collect(element, pieces: list[str]) -> None:
    # Recursion is bounded: libxml2 nests elements at most 256 deep.
    if element.text:
        pieces.append(element.text)
    for child in element:
        tag = _tag(child)
        if tag and tag not in SKIP and not _hidden(child):
            if tag in BLOCK or tag == "br":
                pieces.append("\n")
            _collect(child, pieces)
            if tag in BLOCK:
                pieces.append("\n")
        if child.tail:
            pieces.append(child.tail)


def _span(td, name: str) -> int:
    match = re.match(r"\s*(\d+)", td.get(name) or "")
    if not match:
        return 1
    value = int(match.group(1))
    if value == 0 and name == "rowspan":  # HTML: to the end of the table section
        return MAX_SPAN
    return max(1, min(value, MAX_SPAN))


def _inside(element, ancestor) -> bool:
    while element is not None:
        if element is ancestor:
            return True
        element = element.getparent()
    return False


def _article(body, blocks: Blocks, sources: list):
    """The smallest element holding every part heading and report table of the page."""
    signals = []
    wanted = _part_titles()
    for (kind, content), source in zip(blocks.items, sources, strict=True):
        if kind == "text":
            match = PART_LINE.match(content)
            if match and len(content) <= 40:
                title = norm_heading(match.group(2))
                if any(title.startswith(t) for t in wanted):
                    signals.append(source)
        elif kind == "table":
            text = "".join(cell.text for row in content for cell, _ in row[:3])
            if any(word in text for word in REPORT_TABLE):
                signals.append(source)
    if len(signals) < 2:
        return body
    common = _ancestors(signals[0])
    for element in signals[1:]:
        chain = set(map(id, _ancestors(element)))
        common = [a for a in common if id(a) in chain]
    return common[0] if common else body


def _ancestors(element) -> list:
    chain = []
    while element is not None:
        chain.append(element)
        element = element.getparent()
    return chain


def _part_titles() -> tuple[str, ...]:
    """The part titles and their known variants, under whatever number a report gives them."""
    from gkreport.formats.common import PARTS

    titles = [part.title for part in PARTS]
    titles += [variant for part in PARTS for variant in TITLE_VARIANTS.get(part.key, ())]
    return tuple(norm_heading(title) for title in titles)


def _meta(document, name: str) -> str:
    for meta in document.iter("meta"):
        if (meta.get("name") or "").lower() == name.lower():
            return clean_line(meta.get("content") or "")
    return ""


def _title(document, kept: Blocks) -> tuple[str, int | None]:
    """(the title to put first, or "" when the article starts with the report's own title;
    the year the page names, for a title that does not)."""
    for kind, content in kept.items[:6]:
        if kind != "text":
            continue
        if PART_LINE.match(content):
            break
        if _names_the_report(content) and YEAR_IN_TITLE.search(content):
            return "", None
    candidates = [_meta(document, "ArticleTitle")]
    for tag in ("h1", "h2", "h3"):
        candidates.extend(clean_line("".join(h.itertext())) for h in document.iter(tag))
    page_title = document.find(".//title")
    if page_title is not None and page_title.text:
        candidates.extend(TITLE_PARTS.split(clean_line(page_title.text)))
    named = [c for c in candidates if _names_the_report(c)]
    with_year = [c for c in named if YEAR_IN_TITLE.search(c)]
    title = (with_year or named or [""])[0]
    years = [int(m.group(1)) for c in candidates if c and (m := YEAR.search(c))]
    return title, (years[0] if years and not with_year else None)


def _names_the_report(text: str) -> bool:
    return bool(text) and len(text) <= MAX_TITLE and "报告" in text and not text.endswith("。")
