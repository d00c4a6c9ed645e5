"""Crafted report files that once stalled or crashed the reader, built in code (nothing big is
committed): PDFs whose few bytes expand to huge text, lines that made regular expressions
quadratic, malformed JSON. Shared by the tests and by bench/abuse_uploads.py.

Each `Hostile` says what a user may see: the reading's agency (`reads`), a phrase of the
Chinese refusal (`refused`), or either. A file that only takes long to read may be refused
for its time or, on a machine fast enough, read (or refused for what its text lacks).
"""

import json
import zlib
from dataclasses import dataclass
from pathlib import Path

from gkreport.formats import FORMAT_2021

SEEDS = Path(__file__).resolve().parent.parent / "fixtures" / "seeds"
SEED = SEEDS / "003_b59b93e2e8dda449.txt"
TITLE = "测试市测试局2023年政府信息公开工作年度报告"
PARTS = tuple(part.heading for part in FORMAT_2021.parts)


def quadratic_line(characters: int) -> str:
    """“1 1 1 … x”: numbers up to a last word, which once cost time growing with its square."""
    return " ".join(["1"] * (characters // 2 - 1)) + " x"


QUADRATIC_LINE = quadratic_line(48_000)


@dataclass(frozen=True)
class Hostile:
    name: str
    filename: str
    data: bytes
    refused: str | tuple[str, ...] | None = None  # a phrase of the refusal (or of either)
    reads: str | None = None  # the agency the reading finds

    def __post_init__(self):
        assert self.refused is not None or self.reads is not None

    def refusal_matches(self, message: str) -> bool:
        phrases = (self.refused,) if isinstance(self.refused, str) else self.refused
        return any(phrase in message for phrase in phrases)


# --- PDF -----------------------------------------------------------------------------------


def _to_unicode_cmap() -> bytes:
    """Code = Unicode code point (two bytes): text extraction needs no font program."""
    ranges = "\n".join(f"<{high:02X}00> <{high:02X}FF> <{high:02X}00>" for high in range(256))
    return (
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        "/CMapName /GK-UCS def /CMapType 2 def\n"
        "1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
        f"100 beginbfrange\n{ranges}\nendbfrange\n"
        "endcmap CMapName currentdict /CMap defineresource pop end end\n"
    ).encode()


def _show(text: str) -> bytes:
    return b"<" + text.encode("utf-16-be").hex().upper().encode() + b"> Tj"


def page_content(lines, size: float = 10) -> bytes:
    """A content stream showing each line on a line of its own, in reading order; a long
    line needs a small font `size` to stay on the page (text off the page is not read)."""
    body = b"\n".join(_show(line) + b" T*" for line in lines)
    return b"BT /F1 %g Tf %g TL 40 800 Td\n" % (size, size * 1.2) + body + b"\nET\n"


def build_pdf(contents: list[bytes], page_streams: list[int], *, raw_streams=()) -> bytes:
    """A PDF of the given content streams, compressed here, then of `raw_streams`, already
    compressed; page i shows stream page_streams[i], so pages may share one stream."""
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    def stream(data: bytes, compressed=False) -> int:
        packed = data if compressed else zlib.compress(data, 9)
        head = f"<< /Length {len(packed)} /Filter /FlateDecode >>\nstream\n".encode()
        return add(head + packed + b"\nendstream")

    catalog = add(b"")  # filled below
    pages = add(b"")
    cmap = stream(_to_unicode_cmap())
    descriptor = add(
        b"<< /Type /FontDescriptor /FontName /GKText /Flags 4 /FontBBox [0 0 1000 1000]"
        b" /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>"
    )
    cid_font = add(
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /GKText /CIDToGIDMap /Identity"
        b" /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >>"
        b" /FontDescriptor %d 0 R /DW 1000 >>" % descriptor
    )
    font = add(
        b"<< /Type /Font /Subtype /Type0 /BaseFont /GKText /Encoding /Identity-H"
        b" /DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>" % (cid_font, cmap)
    )
    stream_ids = [stream(content) for content in contents]
    stream_ids += [stream(packed, compressed=True) for packed in raw_streams]
    kids = [
        add(
            b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Contents %d 0 R"
            b" /Resources << /Font << /F1 %d 0 R >> >> >>" % (pages, stream_ids[index], font)
        )
        for index in page_streams
    ]
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % pages
    refs = b" ".join(b"%d 0 R" % kid for kid in kids)
    objects[pages - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (refs, len(kids))

    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        catalog,
        xref,
    )
    return bytes(out)


def report_lines(*extra: str) -> list[str]:
    """A short report in the official headings, with `extra` lines in part 一."""
    return [
        TITLE,
        "本报告根据《中华人民共和国政府信息公开条例》编制。",
        PARTS[0],
        "2023年，本局认真贯彻落实《条例》，全年主动公开政府信息320条。",
        *extra,
        *PARTS[1:],
        "本年度未收取信息处理费。",
        "测试市测试局",
        "2024年1月20日",
    ]


def inflating_stream(chunk: bytes, total: int) -> bytes:
    """A zlib stream of `chunk` repeated up to `total` bytes, compressed only once: after a
    full flush deflate starts afresh, so the compressed chunk can simply be repeated."""
    repeats = max(1, total // len(chunk))
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = packer.compress(chunk) + packer.flush(zlib.Z_FULL_FLUSH)
    checksum = 1
    for _ in range(repeats):
        checksum = zlib.adler32(chunk, checksum)
    # zlib header, the repeated blocks, an empty final block, the checksum of the whole
    return b"\x78\xda" + block * repeats + b"\x03\x00" + checksum.to_bytes(4, "big")


def text_chunk() -> bytes:
    """About a megabyte of content drawing 80-character lines 1/4 point apart in 1-point
    type, then moving back up: repeated, it puts ever more text on the same page."""
    lines = 3_000
    line = b"0 -0.25 Td " + _show("1 " * 40) + b"\n"
    return b"BT /F1 1 Tf 40 800 Td\n" + line * lines + b"ET\n"


def path_chunk() -> bytes:
    return b"0 0 m 1 1 l S\n" * 75_000


def _pdf_files() -> list[Hostile]:
    busy_page = page_content([quadratic_line(120)] * 400, size=1)  # 48,000 characters
    return [
        Hostile(
            "pdf_quadratic_line",
            "line.pdf",
            build_pdf([page_content([QUADRATIC_LINE], size=0.01)], [0]),
            refused="有一行文字过长",
        ),
        Hostile(
            "pdf_long_line_under_limit",
            "long-line.pdf",
            build_pdf([page_content(report_lines(quadratic_line(9_000)), size=0.05)], [0]),
            reads="测试市测试局",
        ),
        Hostile(
            "pdf_1000_pages_one_stream",
            "pages.pdf",
            build_pdf([busy_page], [0] * 1000),
            refused="文字过多",
        ),
        Hostile(
            "pdf_1000_small_pages",
            "small-pages.pdf",
            build_pdf([page_content(report_lines())], [0] * 1000),
            refused="PDF页数过多",
        ),
        Hostile(
            "pdf_10000_pages_one_stream",
            "pages2.pdf",
            build_pdf([busy_page], [0] * 10_000),  # 480 MB of text
            refused="文字过多",
        ),
        Hostile(
            "pdf_text_bomb",
            "bomb.pdf",
            build_pdf([], [0], raw_streams=[inflating_stream(text_chunk(), 300 << 20)]),
            refused=("处理超时", "无法从标题中识别报告年度"),
        ),
        Hostile(
            "pdf_path_bomb",
            "paths.pdf",
            build_pdf([], [0], raw_streams=[inflating_stream(path_chunk(), 300 << 20)]),
            refused=("处理超时", "PDF中没有文字层"),
        ),
        Hostile(
            "pdf_truncated",
            "truncated.pdf",
            build_pdf([page_content(report_lines())], [0])[:700],
            refused="PDF文件已损坏",
        ),
        Hostile(
            "pdf_garbage",
            "garbage.pdf",
            b"%PDF-1.7\n" + bytes(range(256)) * 64,
            refused="PDF文件已损坏",
        ),
        Hostile(
            "pdf_nul_bytes",
            "nul.pdf",
            build_pdf([page_content(report_lines("含有\x00空字符\x00的一行"))], [0]),
            reads="测试市测试局",
        ),
    ]


# --- plain text ----------------------------------------------------------------------------


def seed_with(line: str) -> bytes:
    """Seed 003 with `line` added to its table 3."""
    text = SEED.read_text(encoding="utf-8")
    anchor = "6.属于四类过程性信息"
    return text.replace(anchor, line + "\n" + anchor, 1).encode()


def long_report(characters: int = 200_000) -> bytes:
    """Seed 003 with its part 一 repeated up to `characters`: as long as real reports get."""
    text = SEED.read_text(encoding="utf-8")
    start = text.index("一、总体情况\n") + len("一、总体情况\n")
    end = text.index("二、主动公开政府信息情况")
    part = text[start:end]
    repeats = (characters - len(text)) // len(part)
    return (text[:end] + part * repeats + text[end:]).encode()


def _text_files() -> list[Hostile]:
    seed_text = SEED.read_text(encoding="utf-8")
    return [
        Hostile(
            "txt_quadratic_line", "line.txt", seed_with(QUADRATIC_LINE), refused="有一行文字过长"
        ),
        Hostile(
            "txt_space_run_under_limit",
            "spaces.txt",
            seed_with("1" + " " * 9_000 + "1x"),
            reads="聊城市茌平区人民政府",
        ),
        Hostile(
            "txt_numbering_under_limit",
            "numbering.txt",
            seed_with("1." * 4_500),
            reads="聊城市茌平区人民政府",
        ),
        Hostile(
            "txt_digit_run_in_narrative",
            "digits.txt",
            seed_text.replace("二、", "本年收到申请" + "1" * 9_000 + "件。\n二、", 1).encode(),
            reads="聊城市茌平区人民政府",
        ),
        Hostile(
            "txt_many_short_lines",
            "lines.txt",
            (TITLE + "\n" + "\n".join(["一"] * 200_000)).encode(),
            reads="测试市测试局",
        ),
        Hostile(
            "txt_many_cells",
            "cells.txt",
            seed_with("\t".join(["1"] * 4_500)),
            reads="聊城市茌平区人民政府",
        ),
        Hostile(
            "txt_repeated_row_label",
            "rows.txt",
            seed_with("\n".join(["（六）其他处理"] * 50_000)),
            reads="聊城市茌平区人民政府",
        ),
        Hostile(
            "txt_huge_table",
            "table.txt",
            seed_with("\n".join(["\t".join(["1"] * 4_900)] * 48)),  # 235,000 cells
            reads="聊城市茌平区人民政府",
            refused="处理超时",
        ),
        Hostile("txt_long_real_report", "long.txt", long_report(), reads="聊城市茌平区人民政府"),
        Hostile(
            "txt_too_many_characters",
            "big.txt",
            (TITLE + "\n" + "本局全年主动公开政府信息320条。\n" * 60_000).encode(),
            refused="文字过多",
        ),
        Hostile("txt_one_huge_line", "huge.txt", b"1 " * 3_000_000 + b"x", refused="文字过多"),
    ]


# --- JSON ----------------------------------------------------------------------------------


def _json(**fields) -> bytes:
    document = {"year": 2023, "agency": "测试市测试局", "figures": {}, **fields}
    return json.dumps(document, ensure_ascii=False).encode()


def _json_files() -> list[Hostile]:
    big_integer = "9" * 5_000
    return [
        Hostile("json_deep_nesting", "deep.json", b'{"a":' * 100_000, refused="嵌套"),
        Hostile(
            "json_deep_nesting_closed",
            "deep2.json",
            b'{"figures": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
            refused="嵌套",
        ),
        Hostile(
            "json_infinite_year", "year.json", b'{"year": 1e999, "figures": {}}', refused="year"
        ),
        Hostile(
            "json_huge_integer_year",
            "bigyear.json",
            b'{"year": ' + big_integer.encode() + b', "figures": {}}',
            refused="位数过多",
        ),
        Hostile(
            "json_huge_integer_figure",
            "bigfigure.json",
            b'{"year": 2023, "figures": {"t3.new_received.total": ' + big_integer.encode() + b"}}",
            refused="位数过多",
        ),
        Hostile("json_raw_list", "raw.json", _json(raw=[1, 2]), refused="raw"),
        Hostile("json_raw_string", "raw2.json", _json(raw="文字"), refused="raw"),
        Hostile("json_raw_number", "raw3.json", _json(raw=7), refused="raw"),
        Hostile("json_sections_list", "sections.json", _json(sections=["a"]), refused="sections"),
        Hostile("json_sections_string", "sections2.json", _json(sections="a"), refused="sections"),
        Hostile("json_sections_number", "sections3.json", _json(sections=3), refused="sections"),
        Hostile("json_notes_number", "notes.json", _json(notes=5), refused="notes"),
        Hostile(
            "json_figure_dict",
            "fig1.json",
            _json(figures={"t3.new_received.total": {"a": 1}}),
            refused="figures",
        ),
        Hostile(
            "json_figure_list",
            "fig2.json",
            _json(figures={"t3.new_received.total": [1]}),
            refused="figures",
        ),
        Hostile(
            "json_figure_bool",
            "fig3.json",
            _json(figures={"t3.new_received.total": True}),
            refused="figures",
        ),
        Hostile(
            "json_many_unknown_codes",
            "wide.json",
            _json(figures={f"x{index}": 1 for index in range(25_000)}),
            reads="测试市测试局",
        ),
    ]


# --- web pages and Word files --------------------------------------------------------------


def _zip(members: dict[str, bytes]) -> bytes:
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def _document_files() -> list[Hostile]:
    deep = b"<html><body>" + b"<div>" * 100_000 + b"x" + b"</div>" * 100_000 + b"</body></html>"
    spans = (
        b"<html><body><p>\xe4\xb8\x80\xe3\x80\x81</p><table><tr>"
        + b'<td colspan="100000" rowspan="100000">1</td>' * 1_000
        + b"</tr></table></body></html>"
    )
    tables = b"<html><body>" + b"<table><tr><td>1</td></tr></table>" * 5_000 + b"</body></html>"
    return [
        Hostile("html_deep_nesting", "deep.html", deep, refused=("嵌套", "无法读取", "年度")),
        Hostile("html_absurd_spans", "spans.html", spans, refused=("表格", "单元格", "年度")),
        Hostile("html_many_tables", "tables.html", tables, refused="表格过多"),
        Hostile(
            "docx_zip_bomb",
            "bomb.docx",
            _zip({"word/document.xml": b"<w:document/>", "word/media/a.bin": bytes(200 << 20)}),
            refused="解压后过大",
        ),
    ]


def corpus() -> list[Hostile]:
    return _pdf_files() + _text_files() + _json_files() + _document_files()
