"""Users never see our internal codes: every staff, review, public and admin page, and every
e-mail, names things as the template does (“表三 （七）总计 · 自然人”). Codes stay in exports
and in tooltips (`title`) and data-* attributes, which `tests.visible_text` leaves out."""

from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from gkreport.public.models import PublishedVersion
from gkreport.reports.models import Event
from tests.reports.helpers import seen, table_post
from tests.visible_text import codes_in

SEEDS = Path(__file__).resolve().parents[2] / "fixtures" / "seeds"


def assert_no_codes(client, urls):
    """Each page answers and shows no code in its visible text."""
    found = {}
    for url in urls:
        response = client.get(url, follow=True)
        assert response.status_code == 200, url
        codes = codes_in(response.content.decode())
        if codes:
            found[url] = codes
    assert not found


def staff_pages(report, agency):
    code = report.code
    pages = ["info/", "checks/", "preview/", *(f"part/{p}/" for p in ("s1", "s5", "s6"))]
    pages += [f"table/{t}/" for t in ("t2", "t3", "t4")]
    return [f"/a/{agency.code}/", f"/r/{code}/", *(f"/r/{code}/{page}" for page in pages)]


def test_no_code_on_the_staff_pages_of_a_draft_with_findings_and_edits(client, people):
    report = people.report
    report.cells["t2.fees.amount"] = "15.5 万元"  # a warning
    report.save()
    client.force_login(people.alice)
    # An edit that breaks a total (an error) and leaves a cell blank, saved with a message.
    edited = client.post(
        f"/r/{report.code}/table/t3/",
        table_post(report, t3__granted__natural="6", t3__granted__commercial=""),
        follow=True,
    )
    assert "错误" in edited.content.decode()  # the findings are there, named in words
    assert not codes_in(edited.content.decode())
    assert_no_codes(client, staff_pages(report, people.agency))
    client.force_login(people.rita)  # a reader sees the same pages, read-only
    assert_no_codes(client, staff_pages(report, people.agency))


@pytest.fixture
def resubmitted(client, people, offices):
    return submit_comment_return(client, people, offices)


def submit_comment_return(client, people, offices):
    """A report with a warning, submitted, commented on (table 3 and part 1) and returned by
    Olivia; `edit_and_resubmit` then gives the review page a diff."""
    report = people.report
    report.cells["t2.fees.amount"] = "15.5 万元"
    report.explanations = {"S4.format": "金额按原文照录。"}
    report.save()
    client.force_login(people.bob)
    client.post(f"/r/{report.code}/transition/submit/")
    client.force_login(offices.olivia)
    for target, text in (("t3", "（一）予以公开的数字与台账不符"), ("s1", "总体情况过于简单")):
        client.post(f"/review/{report.code}/comment/", {"target": target, "text": text})
    client.post(f"/review/{report.code}/transition/return/", {"comment": "请核对表三"})
    return report


def edit_and_resubmit(client, people):
    report = people.report
    client.force_login(people.alice)
    moved = {
        "t3__granted__natural": "4",
        "t3__granted__total": "5",
        "t3__partially_granted__natural": "1",
        "t3__partially_granted__total": "1",
    }
    client.post(f"/r/{report.code}/table/t3/", table_post(report, **moved))
    text = {
        "fingerprint": seen(report, "s1"),
        "intro": "2023年，本局认真贯彻落实《条例》。\n",
        "1": "（一）主动公开\n全年主动公开政府信息321条。\n",
        "2": "（二）依申请公开\n全年共收到政府信息公开申请9件。",
    }
    client.post(f"/r/{report.code}/part/s1/", text)
    client.force_login(people.bob)
    client.post(f"/r/{report.code}/transition/submit/")
    report.refresh_from_db()
    assert report.status == "submitted"


def test_no_code_while_returned_with_comments(client, people, resubmitted):
    client.force_login(people.alice)
    overview = client.get(f"/r/{resubmitted.code}/").content.decode()
    assert "三、收到和处理政府信息公开申请情况</span>：（一）予以公开的数字与台账不符" in overview
    assert_no_codes(client, staff_pages(resubmitted, people.agency))


def test_no_code_on_the_review_pages_of_a_resubmission(client, people, offices, resubmitted):
    edit_and_resubmit(client, people)
    report = resubmitted
    client.force_login(offices.olivia)
    review = client.get(f"/review/{report.code}/").content.decode()
    assert "与上次报送" in review and "表三 （一）予以公开 · 自然人" in review
    assert "一、总体情况 （一）主动公开" in review  # the edited text, named by its heading
    office, year = offices.office.code, report.year
    urls = [f"/review/{report.code}/", f"/review/{report.code}/preview/", "/office/"]
    urls += [f"/office/{office}/{year}/", f"/office/{office}/{year}/cross/"]
    assert_no_codes(client, urls)
    client.force_login(offices.victor)  # the office's read-only member
    assert_no_codes(client, [f"/review/{report.code}/"])


def test_no_code_on_the_public_pages_and_the_staff_pages_of_a_published_report(
    client, people, offices, resubmitted
):
    edit_and_resubmit(client, people)
    client.force_login(offices.olivia)
    for name in ("approve", "publish"):
        client.post(f"/review/{resubmitted.code}/transition/{name}/")
    assert PublishedVersion.objects.filter(report=resubmitted).exists()
    assert_no_codes(client, [f"/review/{resubmitted.code}/"])
    client.force_login(people.alice)
    assert_no_codes(client, staff_pages(resubmitted, people.agency))
    client.logout()
    agency, year = people.agency.code, resubmitted.year
    region = people.agency.region_id
    urls = ["/public/", f"/public/agency/{agency}/", f"/public/agency/{agency}/{year}/"]
    assert_no_codes(client, [*urls, "/public/stats/", f"/public/stats/{region}/"])


def test_no_code_in_the_e_mails(client, people, offices, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        submit_comment_return(client, people, offices)
        edit_and_resubmit(client, people)
    assert len(mail.outbox) == 3  # submitted, returned, submitted again
    for message in mail.outbox:
        assert not codes_in(f"<p>{message.subject}</p><p>{message.body}</p>"), message.subject


def test_no_code_on_the_admin_pages_of_a_resubmission(client, people, resubmitted):
    edit_and_resubmit(client, people)
    client.force_login(User.objects.create_superuser("ada", "ada@example.cn", "pw-ada"))
    report = resubmitted
    urls = [f"/admin/reports/report/{report.pk}/change/", "/admin/reports/event/"]
    urls += [f"/admin/reports/event/{e.pk}/change/" for e in Event.objects.filter(report=report)]
    urls += [f"/admin/review/reviewcomment/{c.pk}/change/" for c in report.comments.all()]
    urls += ["/admin/review/reviewcomment/"]
    assert_no_codes(client, urls)
    page = client.get(f"/admin/reports/report/{report.pk}/change/").content.decode()
    assert '<div title="S4.format">警告 ' in page  # the code is a tooltip


def test_no_code_where_a_file_is_checked(client, people):
    from gkreport.imports.files import read_report_file
    from tests.data import published

    source = read_report_file(SEEDS / "002_e42161fe7aa08ef3.txt").report
    page = published.word_page(source, labels={"1.属于国家秘密": "1.涉密信息"})
    client.force_login(people.alice)
    response = client.post("/check/", {"file": SimpleUploadedFile("report.html", page)})
    html = response.content.decode()
    assert "无法核对“表三 1.属于国家秘密”的勾稽关系" in html
    assert not codes_in(html)
