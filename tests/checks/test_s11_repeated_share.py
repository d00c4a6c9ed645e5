"""S11: more than half of a part repeats last year's report."""

from itertools import permutations
from pathlib import Path

from gkreport.checks import messages
from gkreport.checks.rules.s11_repeated_share import MAX_CHARACTERS
from gkreport.imports.text import read_text
from tests.checks.helpers import findings
from tests.factories import build_report, with_sections

SEEDS = sorted((Path(__file__).resolve().parents[2] / "fixtures" / "seeds").glob("*.txt"))

# Last year's part 五, four sentences of its own.
LAST_YEAR = [
    "2022年存在的主要问题是政策解读的形式比较单一，图表和视频解读数量偏少，",
    "部分基层工作人员对政府信息公开条例的理解不够深入，答复申请时引用条款不够准确。",
    "改进措施方面，我局将组织开展2次全员业务培训，邀请法律顾问逐条讲解答复规范，",
    "同时建立政策文件与解读材料同步起草、同步审签、同步发布的工作机制。",
]
NEW = [
    "今年群众反映网站检索功能不好用，查找历史文件需要翻阅多个栏目，",
    "对此我们重新梳理了栏目分类，增加按文号和发布日期检索的功能，",
    "并在政务服务大厅设置查阅点，方便不使用网络的老年人现场查阅。",
    "下一步将把依申请公开中反复出现的事项转为主动公开，减少重复申请。",
]


def s5(*sentences):
    return "".join(sentences)


def reports(this_year, last_year):
    return (
        with_sections(build_report(), s5=this_year),
        with_sections(build_report(year=2022), s5=last_year),
    )


def test_s11_warns_when_more_than_half_of_a_part_repeats_last_year():
    # Three of last year's sentences kept, the years and counts in them updated, one new one:
    # 32 + 37 + 35 = 104 characters repeated of 104 + 29 = 133 (a number counts as one).
    kept = [s.replace("2022", "2023").replace("2次", "3次") for s in LAST_YEAR[:3]]
    report, last_year = reports(s5(*kept, NEW[0]), s5(*LAST_YEAR))
    (finding,) = findings(report, "S11", previous=last_year)
    assert finding.code == "S11.s5"
    assert finding.part == "s5"
    assert finding.cells == ()
    assert finding.message == messages.repeated_share("五、存在的主要问题及改进情况", 104, 133, 10)
    assert finding.message.startswith(
        "五、存在的主要问题及改进情况：本年度该部分133字中有104字与上一年度报告相同"
        "（104÷133＝78.2%），超过一半"
    )


def test_s11_is_silent_when_half_or_less_repeats():
    report, last_year = reports(s5(LAST_YEAR[0], LAST_YEAR[1], *NEW), s5(*LAST_YEAR))
    assert findings(report, "S11", previous=last_year) == []


def test_s11_ignores_white_space_and_punctuation():
    spaced = [" ".join(s.replace("，", "。")) for s in LAST_YEAR[:3]]
    report, last_year = reports(s5(*spaced, NEW[0]), s5(*LAST_YEAR))
    (finding,) = findings(report, "S11", previous=last_year)
    assert "104÷133" in finding.message


def test_s11_leaves_a_copied_part_to_s6():
    report, last_year = reports(s5(*LAST_YEAR), s5(*LAST_YEAR))
    assert findings(report, "S11", previous=last_year) == []
    assert [f.code for f in findings(report, "S6", previous=last_year)] == ["S6.s5"]


def test_s11_is_silent_without_last_year_or_with_a_short_part():
    report, last_year = reports(s5(*LAST_YEAR), s5(*LAST_YEAR))
    assert findings(report, "S11") == []
    short = with_sections(build_report(year=2022), s5=LAST_YEAR[0])
    assert findings(report, "S11", previous=short) == []
    missing = with_sections(build_report(year=2022), s5="")
    assert findings(report, "S11", previous=missing) == []


def test_s11_does_not_count_the_official_sub_section_headings():
    # Part 一 keeps the template's five headings; the text under them is new.
    headings = ["（一）主动公开", "（二）依申请公开", "（三）政府信息管理"]
    last = "\n".join(f"{h}\n{text}" for h, text in zip(headings, LAST_YEAR, strict=False))
    this = "\n".join(f"{h}\n{text}" for h, text in zip(headings, NEW, strict=False))
    report = with_sections(build_report(), s1=this)
    previous = with_sections(build_report(year=2022), s1=last)
    assert findings(report, "S11", previous=previous) == []


def test_s11_bounds_the_text_it_compares():
    long_part = "".join(f"第{n}项工作按照年度计划推进并完成了阶段目标任务" for n in range(5000))
    report = with_sections(build_report(), s5=long_part + "".join(NEW))
    previous = with_sections(build_report(year=2022), s5=long_part[: len(long_part) // 2])
    (finding,) = findings(report, "S11", previous=previous)
    assert f"本年度该部分{MAX_CHARACTERS}字中" in finding.message


def test_s11_finds_no_repetition_between_the_seeds():
    # Five real reports of different agencies: each other's texts share set phrases only.
    seeds = [read_text(path.read_text(encoding="utf-8")).report for path in SEEDS]
    for this_year, other in permutations(seeds, 2):
        assert findings(this_year, "S11", previous=other) == []
