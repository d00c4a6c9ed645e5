"""The five real reports: every printed cell is read, and the findings are the spec's."""

from pathlib import Path

import pytest

from gkreport.checks import check_report
from gkreport.imports.text import read_text
from tests.data.seed_tables import SEEDS, expected_figures

SEED_DIR = Path(__file__).resolve().parent.parent / "fixtures" / "seeds"


def imported(name):
    return read_text((SEED_DIR / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_every_cell_of_the_three_tables_is_read_as_printed(name):
    seed = SEEDS[name]
    report = imported(name).report
    assert report["year"] == seed["year"]
    assert report["agency"] == seed["agency"]
    assert report["format"] == "2021"
    assert report["figures"] == expected_figures(seed)


def _summary(result):
    return sorted((f.code, f.cells) for f in result.findings)


def test_seed_000_blank_review_cells_and_the_label_variant():
    result = imported("000_32c3f535e9b88d87.txt")
    check = check_report(result.report)
    assert _summary(check) == sorted(
        ("H5.blank", (f"t4.review.{col}",))
        for col in ("upheld", "corrected", "other", "pending", "total")
    )
    assert check.not_assessed == ["H4.review"]
    assert result.notes == [
        "表三：“2. 其他法律法规禁止公开”按规范名称“2.其他法律行政法规禁止公开”读取"
    ]
    assert result.unplaced == []


def test_seed_001_single_other_row_in_a_2021_report():
    result = imported("001_c779024abbc6666e.txt")
    check = check_report(result.report)
    assert [f.code for f in check.findings] == ["S9"]
    assert check.not_assessed == []
    assert result.unplaced == [] and result.notes == []


def test_seed_002_fee_written_with_its_unit():
    result = imported("002_e42161fe7aa08ef3.txt")
    check = check_report(result.report)
    assert _summary(check) == [("S4.format", ("t2.fees.amount",))]
    assert result.report["raw"]["t2.fees.amount"] == "12872.06 万元"
    # table 4 is printed with 16 cells: one surplus 0, placed only because one choice fits
    assert len(result.notes) == 1 and result.notes[0].startswith("表四：印有16个数值")


def test_seed_003_review_total_and_separated_fee():
    result = imported("003_b59b93e2e8dda449.txt")
    check = check_report(result.report)
    assert _summary(check) == [
        (
            "H4.review",
            tuple(f"t4.review.{c}" for c in ("upheld", "corrected", "other", "pending", "total")),
        ),
        ("S4.format", ("t2.fees.amount",)),
    ]
    h4 = check.errors[0]
    assert (
        h4.message == "表四 行政复议：结果维持4＋结果纠正1＋其他结果1＋尚未审结1＝7，但总计填写为6"
    )
    # the printed total is kept, never repaired
    assert result.report["figures"]["t4.review.total"] == 6
    assert result.unplaced[1] == {
        "where": "表三 6.属于四类过程性信息之后",
        "text": "3",
        "reason": "不在任何一行的标签之后",
    }
    assert result.unplaced[0]["where"] == "落款之后"


def test_seed_004_copies_the_fee_of_seed_002():
    result = imported("004_0b3756e79a1f4c29.txt")
    peer = imported("002_e42161fe7aa08ef3.txt").report
    check = check_report(result.report, peers=[peer])
    # S5 is the spec's finding; the fee is also written with 万元 like seed 002's (S4)
    assert _summary(check) == [("S4.format", ("t2.fees.amount",)), ("S5.fees", ("t2.fees.amount",))]
    s5 = next(f for f in check.findings if f.rule == "S5")
    assert s5.message == (
        "表二 行政事业性收费 本年收费金额（单位：万元）：12872.06与聊城市行政审批服务局同年报告的数字完全相同，请核对是否照抄"
    )


def test_seeds_of_other_years_or_without_shared_figures_raise_no_s5():
    reports = {name: imported(name).report for name in SEEDS}
    for name, report in reports.items():
        peers = [r for other, r in reports.items() if other != name]
        s5 = [f for f in check_report(report, peers=peers).findings if f.rule == "S5"]
        if name.startswith(("002", "004")):
            assert [f.code for f in s5] == ["S5.fees"]
        else:
            assert s5 == []


@pytest.mark.parametrize(
    "name, signature, date",
    [
        ("001_c779024abbc6666e.txt", "淄博高新技术产业开发区管理委员会办公室", "2022-02-17"),
        ("003_b59b93e2e8dda449.txt", "聊城市茌平区人民政府办公室", "2024-02-06"),
        ("000_32c3f535e9b88d87.txt", "", ""),
    ],
)
def test_it_finds_the_signature_and_date(name, signature, date):
    report = imported(name).report
    assert (report["signature"], report["date"]) == (signature, date)
    assert "2024年2月6日" not in report["sections"]["s6"]


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_it_finds_the_preamble_and_six_parts(name):
    report = imported(name).report
    assert "政府信息公开" in report["preamble"]
    assert report["sections"]["s1"] and report["sections"]["s5"] and report["sections"]["s6"]
    assert "信息处理费" in report["sections"]["s6"] or "收费" in report["sections"]["s6"]
    assert "第二十条" not in report["sections"]["s1"]  # the table stays out of the narrative


def test_sub_sections_keep_the_agencys_own_headings():
    report = imported("000_32c3f535e9b88d87.txt").report
    s1 = report["narrative"]["s1"]
    assert list(s1) == ["intro", "1", "2", "3", "4", "5"]
    assert s1["1"].startswith("（一）高质量推进主动公开")
    assert s1["5"].startswith("（五）完善监督保障机制")
