"""The office dashboard: every agency of the jurisdiction, its status and deadline."""

import datetime
import re
from io import BytesIO

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from gkreport.reports.models import Agency, Report
from gkreport.review.models import Deadline
from tests.reports.conftest import stored_report
from tests.review.batch_data import batches_url
from tests.review.conftest import set_status


def url(offices, year=2023):
    return f"/office/{offices.office.code}/{year}/"


def test_it_checks_ownership(client, people, offices):
    for person in (offices.oscar, people.alice):  # another city's office, an agency user
        client.force_login(person)
        assert client.get(url(offices)).status_code == 404


def test_it_lists_every_agency_with_status_and_deadline(client, people, offices):
    set_status(people.report, "submitted")
    Report.objects.filter(pk=people.report.pk).update(submitted_at=timezone.now())
    client.force_login(offices.olivia)
    page = client.get(url(offices)).content.decode()
    assert "测试市行政审批服务局" in page and "测试市科学技术局" in page
    assert "已报送" in page and "未开始" in page
    assert "2024-01-31" in page  # the default deadline of a department


def test_overdue_agencies_are_red(client, people, offices):
    Deadline.objects.create(region=people.agency.region, year=2023, due=datetime.date(2024, 1, 31))
    client.force_login(offices.olivia)
    page = client.get(url(offices)).content.decode()
    today = timezone.localdate()
    if today > datetime.date(2024, 1, 31):
        assert page.count('class="table-danger"') == 2  # draft and not started
        assert "逾期未报送 2" in page


def test_a_late_submission_is_flagged_and_one_on_time_is_not(client, people, offices):
    Deadline.objects.create(region=people.agency.region, year=2023, due=datetime.date(2024, 1, 31))
    set_status(people.report, "submitted")
    late = timezone.make_aware(datetime.datetime(2024, 2, 5, 9, 0))  # 5 days after 31 January
    Report.objects.filter(pk=people.report.pk).update(submitted_at=late)
    on_time = stored_report(people.other_agency)
    set_status(on_time, "approved")
    first = timezone.make_aware(datetime.datetime(2024, 1, 31, 22, 0))
    Report.objects.filter(pk=on_time.pk).update(submitted_at=first)
    client.force_login(offices.olivia)

    page = client.get(url(offices)).content.decode()
    assert '<td class="text-danger fw-bold">逾期5天报送</td>' in page
    assert "按时报送" in page and "逾期报送 1" in page
    assert 'class="table-danger"' not in page  # delivered: nothing left for the agency to do
    only_overdue = client.get(url(offices) + "?overdue=1").content.decode()
    assert people.agency.name in only_overdue and people.other_agency.name not in only_overdue
    sheet = load_workbook(BytesIO(client.get(url(offices) + "?format=xlsx").content)).active
    flags = {sheet.cell(row=r, column=1).value: sheet.cell(row=r, column=8).value for r in (3, 4)}
    assert flags == {people.agency.name: "逾期5天报送", people.other_agency.name: None}


def test_a_configured_deadline_wins(client, people, offices):
    future = timezone.localdate() + datetime.timedelta(days=10)
    Deadline.objects.create(region=people.agency.region, year=2023, due=future)
    client.force_login(offices.olivia)
    page = client.get(url(offices)).content.decode()
    assert future.isoformat() in page and "table-danger" not in page


def test_filters_and_sorting(client, people, offices):
    set_status(people.report, "submitted")
    client.force_login(offices.olivia)
    page = client.get(url(offices) + "?status=none").content.decode()
    assert "测试市科学技术局" in page and "测试市行政审批服务局" not in page
    page = client.get(url(offices) + "?q=科学").content.decode()
    assert "测试市科学技术局" in page and "测试市行政审批服务局" not in page
    page = client.get(url(offices) + "?sort=status").content.decode()
    assert page.index("测试市科学技术局") < page.index("测试市行政审批服务局")
    assert client.get(url(offices) + "?sort=drop+table&status=<x>").status_code == 200


def test_it_exports_to_excel(client, people, offices):
    client.force_login(offices.olivia)
    response = client.get(url(offices) + "?format=xlsx")
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(BytesIO(response.content)).active
    assert [c.value for c in sheet[2]][:4] == ["机关", "区域", "类型", "状态"]
    names = {sheet.cell(row=r, column=1).value for r in range(3, sheet.max_row + 1)}
    assert names == {"测试市行政审批服务局", "测试市科学技术局"}


def test_the_number_of_queries_does_not_grow_with_agencies(client, people, offices):
    client.force_login(offices.olivia)
    client.get(url(offices))
    with CaptureQueriesContext(connection) as few:
        client.get(url(offices))
    for n in range(40):
        agency = Agency.objects.create(name=f"测试市第{n}局", region=people.agency.region)
        stored_report(agency)
    with CaptureQueriesContext(connection) as many:
        response = client.get(url(offices))
    assert "测试市第39局" in response.content.decode()
    assert len(many) == len(few)


def test_the_excel_export_shows_a_formula_name_as_text_and_keeps_numbers(client, people, offices):
    people.agency.name = "=cmd|' /C calc'!A0"
    people.agency.save()
    Deadline.objects.create(region=people.agency.region, year=2023, due=datetime.date(2024, 1, 31))
    client.force_login(offices.olivia)
    sheet = load_workbook(BytesIO(client.get(url(offices) + "?format=xlsx").content)).active
    rows = {sheet.cell(row=r, column=1).value: sheet[r] for r in range(3, sheet.max_row + 1)}
    row = rows["'=cmd|' /C calc'!A0"]
    assert row[0].data_type == "s"
    days_left = row[6].value  # negative once the deadline has passed: still a number
    assert isinstance(days_left, int) and days_left < 0


def test_the_office_dashboard_links_to_the_batch_check(olivia, offices):
    page = olivia.get(reverse("dashboard", args=[offices.office.code, 2023]))
    assert batches_url(offices.office) in page.content.decode()


def _action(client, offices, agency, office=None):
    office = office or offices.office
    page = client.get(f"/office/{office.code}/2023/").content.decode()
    row = re.search(rf"<tr[^>]*><td>{agency.name}.*?</tr>", page, re.S).group(0)
    link = re.search(r"<a [^>]*>(.*?)</a>", row)
    return link.group(1) if link else ""


@pytest.mark.parametrize(
    "state, expected",
    [("submitted", "审核"), ("approved", "审核"), ("returned", "查看"), ("published", "查看")],
)
def test_a_reviewer_reviews_what_waits_for_the_office_and_views_the_rest(
    client, people, offices, state, expected
):
    set_status(people.report, state)
    client.force_login(offices.olivia)
    assert _action(client, offices, people.agency) == expected


def test_a_read_only_member_views(client, people, offices):
    set_status(people.report, "submitted")
    client.force_login(offices.victor)
    assert _action(client, offices, people.agency) == "查看"


def test_the_office_above_views_the_regions_below(client, people, offices):
    set_status(people.report, "submitted")
    client.force_login(offices.lena)
    assert _action(client, offices, people.agency, offices.upper_office) == "查看"


def test_a_draft_has_no_link(client, people, offices):
    client.force_login(offices.olivia)
    assert _action(client, offices, people.agency) == ""


def test_the_indicators_of_delivered_reports_show_with_their_formulas(client, people, offices):
    set_status(people.report, "submitted")
    last_year = stored_report(people.agency, year=2022)
    last_year.cells["t3.granted.total"] = "2"
    last_year.cells["t3.total_processed.total"] = "3"
    last_year.save()
    set_status(last_year, "published")
    stored_report(people.other_agency)  # a draft: not the office's yet, not counted
    client.force_login(offices.olivia)
    page = client.get(url(offices)).content.decode()
    assert "2023年度主要指标" in page
    assert "已报送（含已审核、已公开）的报告合计计算：2023年度1份，2022年度1份" in page
    assert "公开率 ＝（予以公开 ＋ 部分公开）÷ 办理结果总计 ＝（6 ＋ 0）÷ 8 ＝ 75.0%" in page
    assert "75.0% － 66.7% ＝ ＋8.3个百分点" in page
    assert "复议纠错率 ＝ 行政复议结果纠正 ÷ 行政复议总计 ＝ 0 ÷ 2 ＝ 0.0%" in page
    # the list's filters choose the reports: another agency's name leaves none
    page = client.get(url(offices) + "?q=科学").content.decode()
    assert "2023年度0份，2022年度0份" in page
    assert "公开率 ＝（予以公开 ＋ 部分公开）÷ 办理结果总计：没有报告，无法计算" in page


def test_an_indicator_without_a_total_is_a_dash_with_the_reason(client, people, offices):
    for code in ("t3.granted.total", "t3.unavailable_not_held.total", "t3.total_processed.total"):
        people.report.cells[code] = "0"
    people.report.save()
    set_status(people.report, "approved")
    client.force_login(offices.olivia)
    page = client.get(url(offices)).content.decode()
    assert "＝（0 ＋ 0）÷ 0 ＝ —（办理结果总计为0，无法计算）" in page
    assert "本年办理结果总计为0，无法比较" in page


def test_last_years_reports_add_no_query(client, people, offices):
    set_status(people.report, "submitted")
    client.force_login(offices.olivia)
    with CaptureQueriesContext(connection) as before:
        client.get(url(offices))
    for agency in (people.agency, people.other_agency):
        set_status(stored_report(agency, year=2022), "published")
    with CaptureQueriesContext(connection) as after:
        page = client.get(url(offices)).content.decode()
    assert "2022年度2份" in page
    assert len(after) == len(before)


def test_a_year_before_the_formats_has_no_indicators(client, people, offices):
    client.force_login(offices.olivia)
    response = client.get(url(offices, 2018))
    assert response.status_code == 200
    assert "主要指标" not in response.content.decode()
    assert "主要指标" in client.get(url(offices, 2019)).content.decode()
