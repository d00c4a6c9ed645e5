"""Reading reports sent as Word files: merged cells, runs, text boxes; old formats and zip
bombs get a clear refusal."""

import io
import struct
import zipfile
from pathlib import Path

import pytest

from gkreport.checks import check_report
from gkreport.formats import FORMAT_2021
from gkreport.imports.files import read_report_bytes, read_report_file
from gkreport.imports.text import ImportError_
from tests.data import published
from tests.data.seed_tables import SEEDS, expected_figures
from tests.factories import build_report, changed

SEED_DIR = Path(__file__).resolve().parent.parent / "fixtures" / "seeds"
T3_LEAVES = [leaf.key for leaf in FORMAT_2021.table("t3").blocks[0].leaves]
T4_CODES = [cell.code for cell in FORMAT_2021.table("t4").cells]
SEED_FINDINGS = {
    "000": ["H5.blank"] * 5,
    "001": ["S9"],
    "002": ["S4.format"],
    "003": ["H4.review", "S4.format"],
    "004": ["S4.format"],
}


def seed(name):
    return read_report_file(SEED_DIR / name)


def summary(check):
    return sorted((f.code, f.cells) for f in check.findings)


def read_docx_bytes(data):
    return read_report_bytes(data, name="report.docx")


def document_xml(data):
    return zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")


@pytest.mark.parametrize("split_runs", [True, False])
@pytest.mark.parametrize("name", sorted(SEEDS))
def test_every_printed_cell_of_a_seed_docx_is_read(name, split_runs):
    source = seed(name)
    data = published.word_file(source.report, split_runs=split_runs)
    xml = document_xml(data)
    assert b"<w:vMerge/>" in xml and b'<w:gridSpan w:val="' in xml  # really merged cells
    result = read_docx_bytes(data)
    report = result.report
    assert report["figures"] == expected_figures(SEEDS[name])
    assert result.complete and result.unplaced == []
    assert (report["year"], report["agency"]) == (SEEDS[name]["year"], SEEDS[name]["agency"])
    assert (report["signature"], report["date"]) == (
        source.report["signature"],
        source.report["date"],
    )
    check = check_report(report)
    assert sorted(f.code for f in check.findings) == SEED_FINDINGS[name[:3]]
    assert summary(check) == summary(check_report(source.report))


def test_paragraphs_typed_in_pieces_come_back_whole():
    source = seed("003_b59b93e2e8dda449.txt").report
    report = read_docx_bytes(published.word_file(source)).report
    assert report["sections"]["s6"].replace(" ", "") == source["sections"]["s6"].replace(" ", "")
    assert report["preamble"].replace(" ", "") == source["preamble"].replace(" ", "")


def test_a_table_in_a_text_box_is_read_once():
    source = seed("003_b59b93e2e8dda449.txt")
    data = published.text_box_file(source.report)
    assert document_xml(data).count(b"<w:txbxContent>") == 2  # drawing and VML fallback
    result = read_docx_bytes(data)
    assert result.report["figures"] == expected_figures(SEEDS["003_b59b93e2e8dda449.txt"])
    assert result.unplaced == [] and result.complete
    assert [f.code for f in check_report(result.report).errors] == ["H4.review"]


def test_a_column_that_does_not_add_up_is_found():
    report = build_report(
        results={"natural": {"granted": 14, "partially_granted": 3, "unavailable_not_held": 3}},
        carried_over={},
        carried_forward={},
    )
    report = published.with_text(changed(report, t3__granted__natural=20, t3__granted__total=20))
    result = read_docx_bytes(published.word_file(report))
    assert result.complete
    assert [f.code for f in check_report(result.report).errors] == ["H2.natural", "H2.total"]


def test_a_row_the_reader_cannot_place_is_unread_not_an_error():
    source = seed("004_0b3756e79a1f4c29.txt").report
    data = published.word_file(source, labels={"3.其他": "3.另行处理的"})
    result = read_docx_bytes(data)
    codes = [f"t3.other_other.{key}" for key in T3_LEAVES]
    assert result.unread == [
        {
            "where": "表三 （六）其他处理 3.其他",
            "cells": codes,
            "reason": "未找到这一行",
            "near": "3.另行处理的 0 0 0 0 0 0 0",
        }
    ]
    check = check_report(result.report)
    assert summary(check) == [("S4.format", ("t2.fees.amount",))]
    assert "H3.other_other" in check.not_assessed_unread


def test_a_table_published_as_a_picture_is_unread_and_says_why():
    source = seed("002_e42161fe7aa08ef3.txt").report
    result = read_docx_bytes(published.word_file(source, image_tables=("t2",)))
    t2_codes = [cell.code for cell in FORMAT_2021.table("t2").cells]
    assert result.unread == [
        {"where": "表二", "cells": t2_codes, "reason": "表格是图片，无法读取其中的数字", "near": ""}
    ]
    assert check_report(result.report).findings == []  # S4 was about a table-2 cell


def test_table_4_without_its_heading_is_read_from_its_header():
    source = seed("003_b59b93e2e8dda449.txt").report
    result = read_docx_bytes(published.word_file(source, drop=("s4",)))
    assert result.complete
    assert result.report["figures"]["t4.review.total"] == 6


# Files that are not a readable .docx -----------------------------------------------------


def test_a_doc_or_wps_file_is_asked_for_as_docx_or_pdf():
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(2000)
    for name in ("report.doc", "report.wps", "report"):
        with pytest.raises(ImportError_) as error:
            read_report_bytes(ole, name=name)
        assert str(error.value) == (
            "这是旧版Word（.doc）、WPS或Excel文件，无法直接读取：请另存为.docx或导出为PDF后再检查"
        )


def zipped(members):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return out.getvalue()


def test_a_zip_bomb_is_refused_before_it_is_unpacked():
    bomb = zipped({"word/document.xml": b"<w:document/>", "word/media/a.bin": bytes(80 << 20)})
    assert len(bomb) < 200_000
    with pytest.raises(ImportError_, match="Word文件解压后过大（80 MB），可能是恶意构造的文件"):
        read_docx_bytes(bomb)


def test_a_zip_lying_about_its_sizes_is_refused_as_damaged():
    data = bytearray(zipped({"word/document.xml": b"<w:document>" + b" " * 5_000_000}))
    archive = zipfile.ZipFile(io.BytesIO(bytes(data)))
    (info,) = archive.infolist()
    struct.pack_into("<I", data, info.header_offset + 22, 1000)  # local header: size
    central = bytes(data).index(b"PK\x01\x02")
    struct.pack_into("<I", data, central + 24, 1000)  # central directory: size
    with pytest.raises(ImportError_, match="Word文件（.docx）已损坏"):
        read_docx_bytes(bytes(data))


def test_a_zip_needing_an_unknown_version_is_refused_as_damaged():
    data = bytearray(published.word_file(seed("004_0b3756e79a1f4c29.txt").report))
    central = bytes(data).index(b"PK\x01\x02")
    struct.pack_into("<H", data, central + 6, 255)  # version needed to extract: 25.5
    with pytest.raises(ImportError_, match="文件是ZIP格式但已损坏"):
        read_docx_bytes(bytes(data))


def test_too_many_members_are_refused():
    members = {f"word/part{i}.xml": b"" for i in range(1500)}
    members["word/document.xml"] = b"<w:document/>"
    with pytest.raises(ImportError_, match="压缩文件中的部件过多"):
        read_docx_bytes(zipped(members))


@pytest.mark.parametrize(
    "data, message",
    [
        (b"PK\x03\x04 not really a zip", "文件是ZIP格式但已损坏"),
        (zipped({"xl/workbook.xml": b"<workbook/>"}), "不是Word文档（.docx）"),
        (zipped({"word/document.xml": b"<not xml"}), "Word文件（.docx）已损坏"),
    ],
)
def test_other_zips_get_a_clear_message(data, message):
    with pytest.raises(ImportError_, match=message):
        read_docx_bytes(data)
