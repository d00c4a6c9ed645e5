"""The statistics of a region: charts over the years, each with its data table."""

import pytest

from tests.public.conftest import publish_as_printed
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
