import datetime

from tests.reports.helpers import seen


def url(people):
    return f"/r/{people.report.code}/info/"


def test_it_saves_title_preamble_signature_and_date(client, people):
    client.force_login(people.alice)
    data = {
        "fingerprint": seen(people.report, "info"),
        "title": "新标题",
        "preamble": "引言。",
        "signature": "测试市行政审批服务局",
        "signed_on": "2024年2月6日",
    }
    assert client.post(url(people), data).status_code == 302
    people.report.refresh_from_db()
    assert people.report.signed_on == datetime.date(2024, 2, 6)
    assert people.report.title == "新标题"


def test_a_bad_date_keeps_the_other_fields(client, people):
    client.force_login(people.alice)
    data = {
        "fingerprint": seen(people.report, "info"),
        "title": "新标题",
        "preamble": "引言。",
        "signature": "局",
        "signed_on": "明年春天",
    }
    page = client.post(url(people), data).content.decode()
    assert "日期格式不对" in page and "明年春天" in page
    people.report.refresh_from_db()
    assert people.report.title == "新标题"
    assert people.report.signed_on is None


def test_it_checks_ownership(client, people):
    client.force_login(people.charlie)
    assert client.get(url(people)).status_code == 404


def test_it_requires_rw_access(client, people):
    client.force_login(people.rita)
    assert client.post(url(people), {"title": "x"}).status_code == 403


def test_the_page_says_its_fields_are_printed_in_the_public_report(client, people):
    client.force_login(people.alice)
    page = client.get(url(people)).content.decode()
    assert "将印在公开的年度报告中，所有人都可以看到" in page
