"""The warnings that need several reports of the jurisdiction: S1/S2/S5/S8/S10."""

import datetime

from django.utils import timezone

from tests.reports.conftest import stored_report
from tests.review.conftest import set_status


def url(offices, year=2023):
    return f"/office/{offices.office.code}/{year}/"


def test_it_checks_ownership(client, people, offices):
    for person in (offices.oscar, people.alice):  # another city's office, an agency user
        client.force_login(person)
        assert client.get(url(offices) + "cross/").status_code == 404


def test_cross_report_checks_find_copied_figures(client, people, offices):
    copier = stored_report(people.other_agency)
    copier.cells["t2.licensing.decisions"] = "1200"  # the same non-zero figure as Alice's
    copier.save()
    set_status(people.report, "submitted")
    set_status(copier, "submitted")
    client.force_login(offices.olivia)
    page = client.get(url(offices) + "cross/").content.decode()
    assert "S5.licensing" in page
    assert "表二 行政许可 本年处理决定数量：1200与测试市科学技术局同年报告的数字完全相同" in page


def test_cross_checks_flag_a_late_publication(client, people, offices):
    from gkreport.public.models import PublishedVersion
    from tests.public.conftest import publish

    publish(people.report, people.bob)
    PublishedVersion.objects.filter(report=people.report).update(
        published_at=timezone.make_aware(datetime.datetime(2024, 2, 6, 10, 0))
    )
    client.force_login(offices.olivia)
    page = client.get(url(offices) + "cross/").content.decode()
    assert "报告于2024年2月6日公开，晚于截止日期2024年1月31日6天" in page
