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


def test_the_reviewer_reads_the_agencys_answer_under_her_comment(client, people, offices):
    submit(client, people)
    client.force_login(offices.olivia)
    code = people.report.code
    client.post(f"/review/{code}/comment/", {"target": "t3", "text": "自然人数字请核对"})
    client.post(f"/review/{code}/transition/return/", {"comment": "表三有误"})
    comment = people.report.comments.get()
    client.force_login(people.alice)
    client.post(f"/r/{code}/comment/{comment.pk}/reply/", {"text": "已核对，数字无误。"})
    client.force_login(offices.olivia)
    page = client.get(f"/review/{code}/").content.decode()
    assert "三、收到和处理政府信息公开申请情况</span>：自然人数字请核对" in page
    assert "机关答复：</strong>已核对，数字无误。" in page
    assert "答复审核意见 三、收到和处理政府信息公开申请情况：已核对，数字无误。" in page

    submit(client, people)  # the resubmission keeps the conversation beside the comment
    client.force_login(offices.olivia)
    page = client.get(f"/review/{code}/").content.decode()
    assert "自然人数字请核对" in page and "已处理" in page
    assert "机关答复：</strong>已核对，数字无误。" in page


def test_the_report_is_shown_inline_without_the_previews_bar(client, people, offices):
    set_status(people.report, "submitted")
    client.force_login(offices.olivia)
    page = client.get(f"/review/{people.report.code}/").content.decode()
    assert "<iframe" not in page
    assert '<section class="inline-document"' in page
    assert f'<h1 class="doc-title">{people.report.title}</h1>' in page
    assert "全年共收到政府信息公开申请9件" in page and "official-t3" in page
    assert "screen-bar" not in page and "← 返回" not in page
    assert page.count("下载PDF") == 1


def test_the_breadcrumb_names_the_office_and_the_year(client, people, offices):
    set_status(people.report, "submitted")
    client.force_login(offices.olivia)
    page = client.get(f"/review/{people.report.code}/").content.decode()
    dashboard = f"/office/{offices.office.code}/2023/"
    assert (
        f'测试市政务公开办</a> › <a href="{dashboard}">2023年度</a> › <strong>测试市行政审批服务局</strong>'
        in page
    )


def test_a_read_only_member_sees_the_report_not_the_buttons(client, people, offices):
    set_status(people.report, "submitted")
    client.force_login(offices.victor)
    page = client.get(f"/review/{people.report.code}/").content.decode()
    assert "<title>查看 · " in page
    assert "审核操作" not in page and "/transition/" not in page


def test_a_published_report_links_to_its_public_page(client, people, offices):
    from tests.public.conftest import publish

    publish(people.report, people.bob)
    client.force_login(offices.olivia)
    page = client.get(f"/review/{people.report.code}/").content.decode()
    assert f'href="/public/agency/{people.agency.code}/2023/">公开页面</a>' in page
