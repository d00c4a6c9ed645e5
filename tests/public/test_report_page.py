"""The published report as a page: the frozen snapshot, its tables, its corrections."""

import pytest

from tests.public.conftest import publish
from tests.review.conftest import set_status


def test_the_report_page_renders_the_snapshot_with_its_tables(client, people, published):
    page = client.get(f"/public/agency/{people.agency.code}/2023/").content.decode()
    assert "测试市行政审批服务局2023年政府信息公开工作年度报告" in page
    assert "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）" in page
    assert "下载PDF" in page and published.versions.get().sha256 in page
    assert 'class="draft"' not in page


def test_corrections_are_listed_with_their_note(client, people, published):
    from gkreport.reports import workflow
    from gkreport.reports.models import Report

    workflow.perform(published, "signer", "correct", people.bob, "更正行政许可数量")
    report = Report.objects.get(pk=published.pk)
    report.cells["t2.licensing.decisions"] = "1300"
    # First published today, after the 2023 report's deadline: explained before resubmitting.
    report.explanations = {"S8": "原报告逾期公开。"}
    report.save()
    publish(report, people.bob)
    page = client.get(f"/public/agency/{people.agency.code}/2023/").content.decode()
    assert "更正记录" in page and "更正行政许可数量" in page
    old = client.get(f"/public/agency/{people.agency.code}/2023/v1/").content.decode()
    assert "1200" in old
    assert "已更正" in client.get("/public/").content.decode()


@pytest.mark.parametrize("state", ["draft", "submitted", "returned", "approved"])
def test_an_unpublished_report_is_404(client, people, state):
    set_status(people.report, state)
    for suffix in ("", "v1/"):
        url = f"/public/agency/{people.agency.code}/2023/{suffix}"
        assert client.get(url).status_code == 404, url
