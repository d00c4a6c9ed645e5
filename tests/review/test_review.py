"""The review page of one report: what the office sees, and who may see it."""

import pytest

from gkreport.reports.models import Report
from tests.reports.helpers import table_post
from tests.review.conftest import set_status, submit


def test_it_checks_ownership(client, people, offices):
    set_status(people.report, "submitted")
    for person in (offices.oscar, people.bob):  # another city's office, the agency itself
        client.force_login(person)
        assert client.get(f"/review/{people.report.code}/").status_code == 404


@pytest.mark.parametrize("state", ["submitted", "returned", "approved", "published"])
def test_the_office_sees_submitted_reports(client, people, offices, state):
    set_status(people.report, state)
    client.force_login(offices.olivia)
    assert client.get(f"/review/{people.report.code}/").status_code == 200


def test_an_upper_office_without_lower_access_sees_nothing(client, people, offices):
    offices.upper_office.include_lower = False
    offices.upper_office.save()
    set_status(people.report, "submitted")
    client.force_login(offices.lena)
    assert client.get(f"/review/{people.report.code}/").status_code == 404


def test_the_reviewer_sees_what_changed_since_the_last_submission(client, people, offices):
    submit(client, people)
    client.force_login(offices.olivia)
    client.post(f"/review/{people.report.code}/transition/return/", {"comment": "表三有误"})
    client.force_login(people.alice)
    data = table_post(
        people.report,
        t3__granted__natural="6",
        t3__granted__total="7",
        t3__total_processed__natural="8",
        t3__total_processed__total="9",
        t3__new_received__natural="9",
        t3__new_received__total="10",
    )
    client.post(f"/r/{people.report.code}/table/t3/", data)
    client.post(
        f"/r/{people.report.code}/part/s1/",
        {
            "fingerprint": __import__("tests.reports.helpers", fromlist=["seen"]).seen(
                people.report, "s1"
            ),
            "intro": "2023年，本局认真贯彻落实《条例》。\n",
            "1": "（一）主动公开\n全年主动公开政府信息320条。\n",
            "2": "（二）依申请公开\n全年共收到政府信息公开申请10件。",
        },
    )
    submit(client, people)
    assert Report.objects.get(pk=people.report.pk).status == "submitted"
    client.force_login(offices.olivia)
    page = client.get(f"/review/{people.report.code}/").content.decode()
    assert "与上次报送" in page and "修改：7处" in page
    # Each place named as the template does, its code only in a tooltip.
    assert '<td title="t3.granted.natural">表三 （一）予以公开 · 自然人</td>' in page
    assert "一、总体情况 （二）依申请公开" in page
    assert "全年共收到政府信息公开申请10件" in page
