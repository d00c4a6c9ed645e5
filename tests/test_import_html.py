"""Reading reports published as web pages: each class of page layout, every printed cell,
the findings exactly; printed errors found, unread rows reported, site chrome left out."""

import re
from pathlib import Path

import pytest

from gkreport.checks import check_report
from gkreport.formats import FORMAT_2021
from gkreport.imports.files import read_report_bytes, read_report_file
from gkreport.imports.html import decode_html
from gkreport.imports.text import ImportError_
from tests.data import published
from tests.data.seed_tables import SEEDS, expected_figures
from tests.factories import build_report, changed

SEED_DIR = Path(__file__).resolve().parent.parent / "fixtures" / "seeds"
T3_LEAVES = [leaf.key for leaf in FORMAT_2021.table("t3").blocks[0].leaves]
T4_CODES = [cell.code for cell in FORMAT_2021.table("t4").cells]
PAGES = {
    "word_gbk": published.word_page,
    "plain_utf8": published.plain_page,
    "layout_tables_wrong_charset": published.layout_table_page,
}
# The spec's findings for each seed (docs/validations.md), by code.
SEED_FINDINGS = {
    "000": ["H5.blank"] * 5,  # printed blank 行政复议 cells: blanks, not unread
    "001": ["S9"],
    "002": ["S4.format"],
    "003": ["H4.review", "S4.format"],
    "004": ["S4.format"],
}
CHROME = (
    "主办单位",
    "网站标识码",
    "相关阅读",
    "打印本页",
    "请输入关键字",
    "栏目1·",
    "发布时间",
    "hm.js",
)


def seed(name):
    return read_report_file(SEED_DIR / name)


def summary(check):
    return sorted((f.code, f.cells) for f in check.findings)


def squeeze(text):
    return re.sub(r"\s+", "", text)


def read_page(data, name="report.html", **options):
    return read_report_bytes(data, name=name, **options)


@pytest.mark.parametrize("layout", sorted(PAGES))
@pytest.mark.parametrize("name", sorted(SEEDS))
def test_every_printed_cell_of_a_seed_page_is_read(name, layout):
    source = seed(name)
    result = read_page(PAGES[layout](source.report))
    report = result.report
    assert report["figures"] == expected_figures(SEEDS[name])
    assert result.complete and result.unread == [] and result.unplaced == []
    assert (report["year"], report["agency"]) == (SEEDS[name]["year"], SEEDS[name]["agency"])
    assert (report["signature"], report["date"]) == (
        source.report["signature"],
        source.report["date"],
    )
    check = check_report(report)
    assert sorted(f.code for f in check.findings) == SEED_FINDINGS[name[:3]]
    assert summary(check) == summary(check_report(source.report))
    assert check.not_assessed == check_report(source.report).not_assessed


@pytest.mark.parametrize("layout", sorted(PAGES))
@pytest.mark.parametrize("name", ["002_e42161fe7aa08ef3.txt", "003_b59b93e2e8dda449.txt"])
def test_the_text_of_a_page_is_the_reports_without_the_site_around_it(name, layout):
    source = seed(name).report
    report = read_page(PAGES[layout](source)).report
    assert squeeze(report["title"]) == squeeze(source["title"])
    assert squeeze(report["preamble"]) == squeeze(source["preamble"])
    for key, text in source["sections"].items():
        assert squeeze(report["sections"][key]) == squeeze(text), key
    everything = report["title"] + report["preamble"] + "".join(report["sections"].values())
    assert not [word for word in CHROME if word in everything]


def test_the_title_comes_from_the_page_when_the_article_has_none():
    source = seed("004_0b3756e79a1f4c29.txt").report
    page = published.word_page(source)
    assert "article-title" in page.decode("gbk")  # the headline sits outside the article
    report = read_page(page).report
    assert squeeze(report["title"]) == squeeze(source["title"])
    assert report["year"] == 2022


def test_the_year_and_agency_come_from_the_head_when_the_title_has_no_agency():
    source = seed("004_0b3756e79a1f4c29.txt").report
    page = published.word_page({**source, "title": "2022年政府信息公开工作年度报告"})
    report = read_page(page).report
    assert report["year"] == 2022
    assert report["agency"] == "聊城市科学技术局"  # <meta name="ContentSource">


def test_a_column_that_does_not_add_up_is_found():
    """A results column summing to 26 under a printed （七）总计 of 20."""
    report = build_report(
        results={"natural": {"granted": 14, "partially_granted": 3, "unavailable_not_held": 3}},
        carried_over={},
        carried_forward={},
    )
    report = published.with_text(changed(report, t3__granted__natural=20, t3__granted__total=20))
    for layout, page in PAGES.items():
        result = read_page(page(report))
        assert result.complete, layout
        check = check_report(result.report)
        assert [f.code for f in check.errors] == ["H2.natural", "H2.total"], layout
        assert check.errors[0].message == (
            "表三 自然人列：予以公开20＋部分公开3＋不掌握3（其余各项为0）＝26，但（七）总计填写为20"
        )


def test_a_row_the_reader_cannot_place_is_unread_not_an_error():
    source = seed("002_e42161fe7aa08ef3.txt").report
    page = published.word_page(source, labels={"1.属于国家秘密": "1.涉密信息（见附件）"})
    result = read_page(page)
    codes = [f"t3.denied_state_secret.{key}" for key in T3_LEAVES]
    assert result.unread == [
        {
            "where": "表三 （三）不予公开 1.属于国家秘密",
            "cells": codes,
            "reason": "未找到这一行",
            "near": "1.涉密信息（见附件） 0 0 0 0 0 0 0",
        }
    ]
    assert (result.cells_read, result.cells_total, result.complete) == (193, 200, False)
    check = check_report(result.report)
    assert summary(check) == [("S4.format", ("t2.fees.amount",))]  # no H5 for the row
    assert check.unread == codes
    assert set(check.not_assessed_unread) == {
        "H3.denied_state_secret",
        *(f"H2.{key}" for key in T3_LEAVES),
    }


def test_a_table_published_as_a_picture_is_unread_and_says_why():
    source = seed("004_0b3756e79a1f4c29.txt").report
    result = read_page(published.word_page(source, image_tables=("t4",)))
    assert result.unread == [
        {"where": "表四", "cells": T4_CODES, "reason": "表格是图片，无法读取其中的数字", "near": ""}
    ]
    check = check_report(result.report)
    assert summary(check) == [("S4.format", ("t2.fees.amount",))]
    assert (
        check.not_assessed
        == check.not_assessed_unread
        == [
            "H4.review",
            "H4.litigation_direct",
            "H4.litigation_after_review",
        ]
    )


def test_table_4_right_after_table_3_without_its_heading_is_read():
    source = seed("003_b59b93e2e8dda449.txt")
    for layout, page in PAGES.items():
        result = read_page(page(source.report, drop=("s4",)))
        assert result.report["figures"] == expected_figures(SEEDS[source_name(source)]), layout
        assert result.complete
        assert (
            "未找到“四、政府信息公开行政复议、行政诉讼情况”的标题，表四按表头读取" in result.notes
        )
        assert "H4.review" in {f.code for f in check_report(result.report).errors}


def source_name(result):
    return next(name for name, s in SEEDS.items() if s["agency"] == result.report["agency"])


def test_a_label_with_characters_dropped_is_read_as_its_row_and_said():
    source = seed("003_b59b93e2e8dda449.txt").report
    page = published.plain_page(
        source, labels={"2.其他法律行政法规禁止公开": "2.其他法律行政止公开"}
    )
    result = read_page(page)
    assert result.complete
    assert result.report["figures"] == expected_figures(SEEDS["003_b59b93e2e8dda449.txt"])
    assert any("按规范名称“2.其他法律行政法规禁止公开”读取" in note for note in result.notes)


def test_a_group_label_printed_twice_and_a_trailing_empty_row_change_nothing():
    source = seed("001_c779024abbc6666e.txt").report
    page = published.word_page(source, repeat_group="三、本年度办理结果")
    result = read_page(page)
    assert result.report["figures"] == expected_figures(SEEDS["001_c779024abbc6666e.txt"])
    assert result.unplaced == []


# Pieces of pages -------------------------------------------------------------------------


def minimal_page(table_body, charset="utf-8", title="测试局2023年政府信息公开工作年度报告"):
    rows = "".join("<tr><td>" + "</td><td>".join(cells) + "</td></tr>" for cells in table_body)
    return (
        f'<!DOCTYPE html><html><head><meta charset="{charset}"><title>{title}</title></head>'
        f"<body><div class='nav'><a href='/'>首页</a></div><div class='content'>"
        f"<p>一、总体情况</p><p>本年度工作正常开展。</p><p>二、主动公开政府信息情况</p>"
        f"<table>{rows}</table><p>三、收到和处理政府信息公开申请情况</p>"
        f"<p>四、政府信息公开行政复议、行政诉讼情况</p><p>五、存在的主要问题及改进情况</p>"
        f"<p>无。</p><p>六、其他需要报告的事项</p><p>未收取信息处理费。</p></div></body></html>"
    ).encode(charset)


def test_a_number_split_over_spans_and_source_lines_is_one_number():
    page = minimal_page(
        [
            ["第二十条第（一）项"],
            ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
            ["规章", "<span>2</span><span>0</span>", "<span>&nbsp;</span><span>1</span>", "3"],
            [
                "行政<br>规范性文件",
                "<p>&nbsp;</p><p><span>1</span>\n<span>2</span></p><p>&nbsp;</p>",
                "<p></p>",
                "<span lang=EN-US>4</span><o:p></o:p>",
            ],
        ]
    )
    report = read_page(page).report
    assert [
        report["figures"][f"t2.regulations.{k}"] for k in ("issued", "repealed", "in_force")
    ] == [
        20,
        1,
        3,
    ]
    assert report["figures"]["t2.normative_documents.issued"] == 12
    # an empty cell is a printed blank: read as blank, which H5 reports
    assert report["raw"]["t2.normative_documents.repealed"] == ""
    assert "t2.normative_documents.repealed" not in report["unread"]
    h5 = [f.cells for f in check_report(report).findings if f.code == "H5.blank"]
    assert ("t2.normative_documents.repealed",) in h5


def test_thousands_groups_split_by_a_space_stay_as_printed():
    page = minimal_page(
        [
            ["第二十条第（八）项"],
            ["信息内容", "本年收费金额（单位：万元）"],
            ["行政事业性收费", "62 544.3758"],
        ]
    )
    report = read_page(page).report
    assert report["raw"]["t2.fees.amount"] == "62 544.3758"
    assert "S4.format" in {f.code for f in check_report(report).findings}


@pytest.mark.parametrize(
    "declared, written, note",
    [
        ("gb2312", "gb18030", ""),
        ("gbk", "gbk", ""),
        ("utf-8", "utf-8", ""),
        ("gb2312", "utf-8", "网页声明的编码为GB2312，实际为UTF-8，已按UTF-8读取"),
        ("utf-8", "gbk", "网页声明的编码为UTF-8，实际为GB18030（GBK），已按此读取"),
        ("", "gbk", ""),
        ("iso-8859-1", "gbk", "网页声明的编码为ISO-8859-1，实际为GB18030（GBK），已按此读取"),
    ],
)
def test_the_encoding_is_what_the_bytes_are(declared, written, note):
    meta = (
        f'<meta http-equiv="Content-Type" content="text/html; charset={declared}">'
        if declared
        else ""
    )
    data = f"<html><head>{meta}</head><body><p>茌平区政务公开办公室</p></body></html>".encode(
        written
    )
    text, said = decode_html(data)
    assert "茌平区政务公开办公室" in text
    assert said == note


def test_broken_utf16_is_refused_with_a_message():
    with pytest.raises(ImportError_, match="无法识别网页的文字编码"):
        read_page(b"\xff\xfe<\x00h\x00t\x00m\x00l\x00>\x00\x00\xd8", name="a.html")


def test_a_page_without_the_report_says_what_is_missing():
    page = b"<!DOCTYPE html><html><head><title>404</title></head><body><p>page not found</p></body></html>"
    with pytest.raises(ImportError_, match="无法从标题中识别报告年度"):
        read_page(page)


def test_a_page_read_as_2023_without_tables_lists_all_cells_unread():
    page = minimal_page([], title="测试局2023年政府信息公开工作年度报告")
    result = read_page(page)
    assert result.cells_read == 0 and not result.complete
    assert [(row["where"], row["reason"]) for row in result.unread] == [
        ("表二", "未能读出表格"),
        ("表三", "未能读出表格"),
        ("表四", "未能读出表格"),
    ]
    check = check_report(result.report)
    assert check.findings == [] and check.cells_read == 0


def test_deep_nesting_and_absurd_spans_neither_crash_nor_stall():
    deep = b"<html><body>" + b"<div>" * 50_000 + b"x" + b"</div>" * 50_000 + b"</body></html>"
    with pytest.raises(ImportError_):
        read_page(deep)
    spans = minimal_page([["第二十条第（一）项"], ['<td colspan="100000" rowspan="100000">1</td>']])
    read_page(spans)  # reads (nothing placed), no exception


def test_too_many_tables_are_refused():
    page = b"<html><body>" + b"<table><tr><td>1</td></tr></table>" * 400 + b"</body></html>"
    with pytest.raises(ImportError_, match="表格过多"):
        read_page(page)


@pytest.mark.parametrize(
    "data, name",
    [
        (b"\xef\xbb\xbf  \r\n<!doctype html><html><body></body></html>", "a.txt"),
        (b"<!-- saved from url=(0061)http://www.example.gov.cn -->\n<html>", "page"),
        ("<meta charset=gbk><p>聊城</p>".encode("gbk"), "x.bin"),
        (
            b"<?xml version='1.0' encoding='utf-8'?>\n<html xmlns='http://www.w3.org/1999/xhtml'>",
            "",
        ),
        ("测试局2023年报告\n一、总体情况".encode(), "report.htm"),
    ],
)
def test_web_pages_are_recognised_by_content_or_name(data, name):
    from gkreport.imports.documents import is_html

    assert is_html(data, name)


@pytest.mark.parametrize(
    "data, name",
    [
        (b'{"year": 2023, "figures": {}}', "report.json"),
        ("测试局2023年报告\n一、总体情况".encode(), "report.txt"),
        (b"%PDF-1.7", "report.html"),
    ],
)
def test_other_files_are_not_taken_for_web_pages(data, name):
    from gkreport.imports.documents import is_html

    assert not is_html(data, name)


@pytest.mark.parametrize("printed", ["6233440", "<span>62</span> <span>33</span> <span>440</span>"])
def test_cells_run_together_in_one_cell_stay_unread_never_split(printed):
    """A row's three cells pasted into one (“6233440” for 62 / 33 / 440): not split."""
    page = minimal_page(
        [
            ["第二十条第（一）项"],
            ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
            ["规章", printed],
            ["行政规范性文件", "12", "0", "4"],
        ]
    )
    result = read_page(page)
    codes = [f"t2.regulations.{key}" for key in ("issued", "repealed", "in_force")]
    assert result.unread[0] == {
        "where": "表二 规章",
        "cells": codes,
        "reason": "这一行的数值无法对应到各列",
        "near": "规章 6233440",
    }
    assert not any(code in result.report["figures"] for code in codes)
    assert [
        result.report["figures"][f"t2.normative_documents.{k}"]
        for k in ("issued", "repealed", "in_force")
    ] == [12, 0, 4]
    check = check_report(result.report)
    assert [f.code for f in check.errors] == []


def test_parts_under_other_numbers_and_titles_are_part_of_the_article():
    """Part 六 numbered 七, in a block of its own after the article's first block."""
    page = minimal_page(
        [["第二十条第（三）项"], ["信息内容", "本年处理决定数量"], ["行政许可", "7"]]
    )
    page = (
        page.decode()
        .replace("五、存在的主要问题及改进情况", "五、存在的主要问题及整改措施")
        .replace(
            "<p>六、其他需要报告的事项</p>", "</div><div class='more'><p>七、其他需要报告的事项</p>"
        )
        .encode()
    )
    result = read_page(page)
    report = result.report
    assert report["figures"]["t2.licensing.decisions"] == 7
    assert (report["sections"]["s5"], report["sections"]["s6"]) == ("无。", "未收取信息处理费。")
    assert result.notes == [
        "标题“五、存在的主要问题及整改措施”按“五、存在的主要问题及改进情况”读取（标题用语与模板不同）",
        "标题“七、其他需要报告的事项”按“六、其他需要报告的事项”读取（编号与模板不同）",
    ]
    assert "H6" not in {f.code for f in check_report(report).findings}
