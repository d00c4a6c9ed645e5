"""Imported narratives print cleanly: sentences cut by the extraction joined back, links
without the converter's angle brackets, a chart's data kept as a block the agency decides on.

The real seed texts first, then the rules one by one, then hostile inputs (their time is
measured in `make bench BENCH=import`, not here)."""

from pathlib import Path

import pytest

from gkreport.formats import chart_blocks
from gkreport.imports.prose import narrative_lines, prose_lines, unwrap_links
from gkreport.imports.text import read_text

SEED_DIR = Path(__file__).resolve().parent.parent / "fixtures" / "seeds"


def seed(prefix):
    (path,) = SEED_DIR.glob(f"{prefix}_*.txt")
    return read_text(path.read_text(encoding="utf-8")).report


def everything(report):
    return "\n".join([report["preamble"], *report["sections"].values()])


def lines_with(text, words):
    return [line for line in text.splitlines() if words in line]


# The seeds --------------------------------------------------------------------------------


def test_a_sentence_cut_at_a_page_end_is_one_paragraph_again():
    s1 = seed("004")["sections"]["s1"]
    assert "加强了对公众关注热点的主动公开力度。" in s1
    (paragraph,) = lines_with(s1, "关注热点")
    assert paragraph.startswith("（一）主动公开。")  # the run-in heading stays its start
    assert not any(line.startswith("点的主动公开") for line in s1.splitlines())


@pytest.mark.parametrize(
    ("prefix", "part", "joined"),
    [
        ("000", "s1", "进一步提升政策解读的针对性"),
        ("000", "s1", "建立新媒体账号监管台账"),
        ("000", "s6", "22 场次，共计约 800 余人参加"),
        ("002", "s1", "及时公开相关改革举措"),
        ("002", "s6", "（鲁政办发〔2022〕5号），《2022年聊城市政务公开工作要点》"),
        ("004", "s1", "三是做好问题整改。及时对我局网站运行"),
    ],
)
def test_every_cut_sentence_of_the_seeds_is_joined(prefix, part, joined):
    assert joined in seed(prefix)["sections"][part]


def test_no_link_keeps_its_angle_brackets():
    for prefix in ("000", "001", "002", "003", "004"):
        text = everything(seed(prefix))
        assert "<http" not in text and "〈http" not in text
    assert "门户网(http://kjj.liaocheng.gov.cn/)查阅" in seed("004")["preamble"]
    assert "门户网（http://zwzx.liaocheng.gov.cn）查阅" in seed("002")["preamble"]


def test_angle_brackets_around_a_title_stay():
    assert "印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知" in seed("004")["preamble"]


def test_headings_items_and_captions_are_not_joined():
    report = seed("000")
    s1 = report["sections"]["s1"].splitlines()
    assert "（一）高质量推进主动公开" in s1
    assert "2022年高新区政府信息主动公开情况" in s1  # a chart's caption, not a sentence
    assert "（二）规范化开展依申请公开" in s1
    s5 = seed("004")["sections"]["s5"].splitlines()
    assert "存在问题 1：主动公开意识不强" in s5
    s6 = seed("001")["sections"]["s6"].splitlines()
    assert "1.规范信息发布流程，确保信息内容质量" in s6


def test_a_charts_data_is_kept_as_one_block_where_it_was():
    report = seed("003")
    s1 = report["sections"]["s1"]
    (block,) = chart_blocks.blocks(s1)
    assert block[:7] == ["年 份", "2019", "2020", "2021", "2022", "2023", "依申请公开数"]
    assert chart_blocks.rows(block) == [
        "年 份 2019 2020 2021 2022 2023",
        "依申请公开数 23 30 63 56 125",
        "按时答复数 23 30 63 56 125",
    ]
    # in sub-section （二）, after its sentences and before （三）
    piece = report["narrative"]["s1"]["2"]
    assert chart_blocks.START in piece and piece.rstrip().endswith(chart_blocks.END)
    assert "（三）政府信息管理" in report["narrative"]["s1"]["3"]


def test_the_seeds_have_no_other_chart_block():
    for prefix in ("000", "001", "002", "004"):
        assert chart_blocks.START not in everything(seed(prefix))


# The rules --------------------------------------------------------------------------------


def test_lines_are_joined_only_inside_a_sentence():
    lines = [
        "（一）主动公开",  # a heading
        "全年公开信息100条，",  # ends with a comma: goes on
        "其中规范性文件5件。",
        "二是加强解读。全年发布解读",  # prose cut in the middle
        "10件。",
        "图1 公开数量",  # a caption: no sentence in it
        "三是平台建设。网站改版",
        "（二）依申请公开",  # a heading never joins the line before
        "1.收到申请。本年度收到",
        "2.办理情况",  # nor does an item
        "存在问题：",
        "改进措施",
    ]
    assert narrative_lines(lines) == [
        "（一）主动公开",
        "全年公开信息100条，其中规范性文件5件。",
        "二是加强解读。全年发布解读10件。",
        "图1 公开数量",
        "三是平台建设。网站改版",
        "（二）依申请公开",
        "1.收到申请。本年度收到",
        "2.办理情况",
        "存在问题：",
        "改进措施",
    ]


@pytest.mark.parametrize("end", ["。", "；", "：", "！", "？", "。”", "……"])
def test_a_line_ending_its_sentence_is_not_joined(end):
    assert narrative_lines([f"全年公开信息。共计100条{end}", "下一段。"]) == [
        f"全年公开信息。共计100条{end}",
        "下一段。",
    ]


@pytest.mark.parametrize("item", ["（三）", "(3)", "三、", "3.", "3．", "3、", "三是", "③"])
def test_an_item_starts_its_own_line(item):
    assert narrative_lines(["全年公开信息。共计", f"{item}下一项。"]) == [
        "全年公开信息。共计",
        f"{item}下一项。",
    ]


def test_blank_lines_and_indentation_between_the_halves_do_not_matter():
    lines = ["持续推进。加强了对公众关注热", "", " ", "\u3000点的主动公开力度。"]
    assert narrative_lines(lines) == ["持续推进。加强了对公众关注热点的主动公开力度。"]


def test_two_wrapped_words_keep_a_space_between_them():
    lines = ["遵循标准。网站采用了 open", "data 标准。"]
    assert narrative_lines(lines) == ["遵循标准。网站采用了 open data 标准。"]


def test_a_joined_paragraph_stops_growing():
    lines = ["这是一句话。接着"] * 2000
    joined = narrative_lines(lines)
    assert "".join(joined) == "".join(lines)
    assert max(map(len, joined)) <= 5000 and len(joined) > 1


def test_around_a_table_only_neighbouring_sentences_join():
    lines = [
        "全年公开信息。共计",
        "行政许可\t97",
        "100条，其中文件5件。",
        "",
        "另有说明。共计",
        "3件。",
    ]
    assert prose_lines(lines, lambda line: "\t" not in line) == [
        "全年公开信息。共计",
        "100条，其中文件5件。",
        "另有说明。共计3件。",
    ]


@pytest.mark.parametrize(
    ("printed", "cleaned"),
    [
        ("网站(<http://kjj.liaocheng.gov.cn/>)查阅", "网站(http://kjj.liaocheng.gov.cn/)查阅"),
        ("网站（<https://a.gov.cn/x?y=1>）", "网站（https://a.gov.cn/x?y=1）"),
        ("网站〈www.a.gov.cn〉查阅", "网站www.a.gov.cn查阅"),
        ("网站＜HTTP://A.GOV.CN＞", "网站HTTP://A.GOV.CN"),
        ("邮箱：<gk@lc.shandong.cn>", "邮箱：gk@lc.shandong.cn"),
        ("邮箱：<mailto:gk@lc.shandong.cn>", "邮箱：mailto:gk@lc.shandong.cn"),
        (
            "〈中华人民共和国政府信息公开工作年度报告格式〉",
            "〈中华人民共和国政府信息公开工作年度报告格式〉",
        ),
        ("a <b> c", "a <b> c"),
        ("<http://a.gov.cn 未闭合", "<http://a.gov.cn 未闭合"),
        ("<http://a.gov.cn〉 错配", "<http://a.gov.cn〉 错配"),
        ("<http://a.cn>和<http://b.cn>", "http://a.cn和http://b.cn"),
    ],
)
def test_only_brackets_around_a_link_are_dropped(printed, cleaned):
    assert unwrap_links(printed) == cleaned


def test_a_run_of_figures_becomes_a_block_and_its_trailing_label_stays_text():
    lines = ["全年收到申请。", "2021年", "2022年", "申请数", "63", "56", "单位：件", "下文。"]
    assert narrative_lines(lines) == [
        "全年收到申请。",
        chart_blocks.START,
        "2021年",
        "2022年",
        "申请数",
        "63",
        "56",
        chart_blocks.END,
        "单位：件",
        "下文。",
    ]


@pytest.mark.parametrize(
    "lines",
    [
        ["2019", "2020", "2021"],  # three figures: too few to say
        ["一", "二", "三", "四", "五", "6", "7", "8", "9"],  # fewer figures than labels
        ["（一）", "1", "2", "（二）", "3", "4"],  # items break the run
    ],
)
def test_short_lines_that_are_not_a_chart_stay_as_they_are(lines):
    assert chart_blocks.START not in narrative_lines(lines)


def test_the_preamble_marks_no_chart():
    assert chart_blocks.START not in narrative_lines(["1", "2", "3", "4"], charts=False)


def test_markers_in_the_text_read_are_not_doubled():
    once = narrative_lines(["说明。", "1", "2", "3", "4"])
    assert narrative_lines(once) == once


# Hostile inputs: each finishes (a quadratic step would not, at these sizes); how fast is
# measured by bench/imports.py.

MEGABYTE = 1_000_000


@pytest.mark.parametrize(
    "line",
    [
        "<http://" * (MEGABYTE // 8),
        "<http://" + "a" * MEGABYTE,
        "<" + "a" * MEGABYTE,
        "〈" * MEGABYTE,
        "<a@" * (MEGABYTE // 3),
        "关注热点，" * (MEGABYTE // 5),
        "（一）" * (MEGABYTE // 3),
    ],
    ids=["links", "unclosed-link", "unclosed", "brackets", "at-signs", "commas", "items"],
)
def test_a_one_megabyte_line(line):
    (out,) = narrative_lines([line])
    assert len(out) <= len(line)
    assert prose_lines([line], lambda _: True) == [out]


@pytest.mark.parametrize(
    "line",
    ["1", "a，", "一是。又", "<http://a.cn>", "（一）a"],
    ids=["figure", "comma", "prose", "link", "item"],
)
def test_a_hundred_thousand_short_lines(line):
    out = narrative_lines([line] * 100_000)
    assert sum(map(len, out)) >= 100_000 and max(map(len, out)) <= 5000
