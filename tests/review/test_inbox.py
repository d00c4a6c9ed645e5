"""/office/<code>/: everything waiting for the office, across years, oldest submission first,
with the days it has waited, the year's deadline and a flag when it came late."""

import datetime
import re

from django.urls import reverse
from django.utils import timezone

from gkreport.reports.models import Agency, Report
from gkreport.review.models import Deadline
from tests.reports.conftest import stored_report
from tests.review.conftest import set_status


def url(offices):
    return reverse("inbox", args=[offices.office.code])


def waiting(report, status, submitted: datetime.datetime | None):
    set_status(report, status)
    Report.objects.filter(pk=report.pk).update(submitted_at=submitted)
    return report


def local(*args):
    return timezone.make_aware(datetime.datetime(*args))


def rows(page: str) -> list[list[str]]:
    """The inbox's rows as the plain text of their cells."""
    found = re.findall(r'<tr class="inbox-row">(.*?)</tr>', page, re.S)
    return [
        [re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", cell)).strip() for cell in cells]
        for cells in (re.findall(r"<td[^>]*>(.*?)</td>", row, re.S) for row in found)
    ]


def test_it_checks_ownership(client, people, offices):
    waiting(people.report, "submitted", local(2024, 1, 10, 9, 0))
    for person in (offices.oscar, people.alice):  # another city's office, an agency user
        client.force_login(person)
        response = client.get(url(offices))
        assert response.status_code == 404
        assert people.agency.name not in response.content.decode()


def test_every_year_waiting_oldest_submission_first(olivia, people, offices):
    this_year = waiting(people.report, "submitted", local(2024, 1, 20, 9, 0))
    last_year = waiting(
        stored_report(people.agency, year=2022), "approved", local(2023, 1, 5, 16, 30)
    )
    other = waiting(stored_report(people.other_agency), "submitted", local(2024, 1, 8, 8, 0))
    older = stored_report(people.other_agency, year=2022)  # a draft: the agency's own business
    published = waiting(stored_report(people.agency, year=2021), "published", local(2022, 1, 3))
    returned = waiting(stored_report(people.other_agency, year=2021), "returned", None)

    page = olivia.get(url(offices)).content.decode()

    assert [row[:4] for row in rows(page)] == [
        [people.agency.name, "2022", "待公开", "2023-01-05 16:30"],
        [people.other_agency.name, "2023", "待审核", "2024-01-08 08:00"],
        [people.agency.name, "2023", "待审核", "2024-01-20 09:00"],
    ]
    assert "共 3 份报告等待本部门处理" in page
    for report in (this_year, last_year, other):
        assert reverse("review", args=[report.code]) in page
    for report in (older, published, returned):
        assert reverse("review", args=[report.code]) not in page


def test_days_waiting_the_deadline_and_a_late_submission(olivia, people, offices):
    Deadline.objects.create(region=people.agency.region, year=2023, due=datetime.date(2024, 2, 15))
    waiting(people.report, "submitted", local(2024, 2, 20, 10, 0))  # 5 days after 15 February
    waiting(stored_report(people.agency, year=2022), "submitted", local(2023, 1, 31, 23, 59))
    today = timezone.localdate()

    on_time, late = rows(olivia.get(url(offices)).content.decode())

    assert late[1] == "2023" and late[5] == "2024-02-15"  # the deadline set for the region
    assert late[4] == f"{(today - datetime.date(2024, 2, 20)).days}天"
    assert late[6] == "逾期 晚5天报送"
    assert on_time[1] == "2022" and on_time[5] == "2023-01-31"  # the default: 31 January
    assert on_time[6] == "按时"  # on the last day, late in the evening, is on time


def test_a_government_has_until_the_end_of_march(olivia, people, offices):
    government = Agency.objects.create(
        name="测试市人民政府", region=people.agency.region, kind=Agency.Kind.GOVERNMENT
    )
    waiting(stored_report(government), "submitted", local(2024, 3, 1, 9, 0))

    [row] = rows(olivia.get(url(offices)).content.decode())

    assert row[5] == "2024-03-31" and row[6] == "按时"


def test_reviewers_review_and_read_only_members_look(client, people, offices):
    report = waiting(people.report, "submitted", local(2024, 1, 10, 9, 0))
    link = reverse("review", args=[report.code])
    client.force_login(offices.olivia)
    assert rows(client.get(url(offices)).content.decode())[0][-1] == "审核"
    client.force_login(offices.victor)
    page = client.get(url(offices)).content.decode()
    assert rows(page)[0][-1] == "查看" and link in page


def test_lower_regions_wait_for_their_own_office(client, people, offices):
    """The province's office reads the city's reports but does not act on them: they are on
    the city office's list, not the province's."""
    waiting(people.report, "submitted", local(2024, 1, 10, 9, 0))
    client.force_login(offices.lena)
    page = client.get(reverse("inbox", args=[offices.upper_office.code])).content.decode()
    assert rows(page) == []
    assert "目前没有等待本部门审核或公开的报告" in page


def test_an_empty_inbox_says_so_and_leads_to_the_year_dashboards(olivia, people, offices):
    waiting(people.report, "published", local(2024, 1, 10, 9, 0))
    stored_report(people.agency, year=2021)  # a draft of an earlier year

    page = olivia.get(url(offices)).content.decode()

    assert "目前没有等待本部门审核或公开的报告" in page
    last_year = timezone.localdate().year - 1
    for year in {2023, 2021, last_year}:
        assert reverse("dashboard", args=[offices.office.code, year]) in page
    assert reverse("batches", args=[offices.office.code]) in page


def test_the_year_dashboard_leads_back_to_the_inbox(olivia, offices):
    page = olivia.get(reverse("dashboard", args=[offices.office.code, 2023])).content.decode()
    assert url(offices) in page


def test_the_number_of_queries_does_not_grow_with_reports(
    olivia, people, offices, django_assert_max_num_queries
):
    waiting(people.report, "submitted", local(2024, 1, 10, 9, 0))
    with django_assert_max_num_queries(8) as few:
        olivia.get(url(offices))
    for n in range(30):
        agency = Agency.objects.create(name=f"测试市第{n}局", region=people.agency.region)
        for year in (2021, 2022, 2023):
            waiting(stored_report(agency, year=year), "submitted", local(year + 1, 1, 10, 9, 0))
    with django_assert_max_num_queries(len(few)) as many:
        response = olivia.get(url(offices))
    assert len(rows(response.content.decode())) == 91
    assert len(many) == len(few)
