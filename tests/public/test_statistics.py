"""The statistics of a region: charts over the years, each with its data table."""

import pytest

from tests.public.conftest import publish, publish_as_printed
from tests.reports.conftest import stored_report
from tests.review.conftest import set_status


def test_statistics_with_charts_and_tables(client, people, published):
    last_year = stored_report(people.agency, year=2022)
    last_year.cells["t3.new_received.total"] = "5"
    last_year.save()
    publish_as_printed(last_year, people.bob)
    page = client.get(f"/public/stats/{people.agency.region_id}/").content.decode()
    assert "历年收到政府信息公开申请数量（件）" in page
    assert "历年收到申请：2022年5件；2023年9件。" in page
    assert "2023年度办理结果分布（件）" in page
    assert "<caption>2023年度行政复议结果（件）（数据表）</caption>" in page
    assert 'role="img"' in page


@pytest.mark.parametrize("state", ["draft", "submitted", "returned", "approved"])
def test_an_unpublished_report_is_not_counted(client, people, state):
    set_status(people.report, state)
    page = client.get(f"/public/stats/{people.agency.region_id}/").content.decode()
    assert "2023年度办理结果分布（件）" not in page


def test_the_indicators_show_with_their_formulas_and_last_year(client, people, published):
    last_year = stored_report(people.agency, year=2022)
    last_year.cells["t3.granted.total"] = "2"
    last_year.cells["t3.total_processed.total"] = "3"
    last_year.save()
    publish_as_printed(last_year, people.bob)
    page = client.get(f"/public/stats/{people.agency.region_id}/").content.decode()
    assert "2023年度主要指标" in page
    assert "按本区域已公开的年报合计计算：2023年度1份，2022年度1份" in page
    assert "公开率 ＝（予以公开 ＋ 部分公开）÷ 办理结果总计 ＝（6 ＋ 0）÷ 8 ＝ 75.0%" in page
    assert "75.0% － 66.7% ＝ ＋8.3个百分点" in page
    assert "复议纠错率 ＝ 行政复议结果纠正 ÷ 行政复议总计 ＝ 0 ÷ 2 ＝ 0.0%" in page
    assert "＝（1 ＋ 0）÷（1 ＋ 0）＝ 100.0%" in page  # 诉讼纠错率


def test_an_indicator_without_a_total_is_a_dash_with_the_reason(client, people):
    for code in ("t4.review.upheld", "t4.review.other", "t4.review.total"):
        people.report.cells[code] = "0"
    people.report.save()
    publish(people.report, people.bob)
    page = client.get(f"/public/stats/{people.agency.region_id}/").content.decode()
    assert "＝ 0 ÷ 0 ＝ —（行政复议总计为0，无法计算）" in page
    assert "上年没有报告，无法比较" in page
