"""下载Word: the report as a Word file for the agency's own sign-off, in any status."""

import io
from urllib.parse import quote

import docx
import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from docx.oxml.ns import qn

from gkreport.imports.files import read_report_bytes
from gkreport.reports.models import Report
from gkreport.vocabulary import Status

WORD = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def url(report):
    return f"/r/{report.code}/docx/"


def header_and_body(content):
    document = docx.Document(io.BytesIO(content))
    section = document.sections[0]
    header = "".join(p.text for p in section.header.paragraphs)
    body = "".join(t.text or "" for t in document.element.body.iter(qn("w:t")))
    return header, body


def test_it_downloads_the_word_file_with_its_chinese_file_name(client, people):
    client.force_login(people.alice)
    response = client.get(url(people.report))
    assert response.status_code == 200
    assert response["Content-Type"] == WORD
    name = "测试市行政审批服务局2023年政府信息公开工作年度报告.docx"
    assert f"filename*=UTF-8''{quote(name)}" in response["Content-Disposition"]
    assert response["Content-Disposition"].startswith('attachment; filename="')
    document = docx.Document(io.BytesIO(response.content))
    assert document.paragraphs[0].text == people.report.title


def test_the_report_pages_offer_it_next_to_the_pdf(client, people):
    client.force_login(people.alice)
    code = people.report.code
    for page in (f"/r/{code}/", f"/r/{code}/table/t3/", f"/r/{code}/checks/"):
        html = client.get(page).content.decode()
        assert f'href="/r/{code}/pdf/">下载PDF</a>\n    <a' in html
        assert f'href="/r/{code}/docx/">下载Word</a>' in html
    preview = client.get(f"/r/{code}/preview/").content.decode()
    assert f'href="/r/{code}/docx/">下载Word</a>' in preview


def test_another_agency_gets_a_404(client, people):
    client.force_login(people.charlie)
    assert client.get(url(people.report)).status_code == 404


def test_logged_out_goes_to_the_login_page(client, people):
    response = client.get(url(people.report))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_reader_may_download(client, people):
    client.force_login(people.rita)
    assert client.get(url(people.report)).status_code == 200


@pytest.mark.parametrize("status", list(Status))
def test_every_status_downloads_and_only_the_published_text_is_unmarked(client, people, status):
    Report.objects.filter(pk=people.report.pk).update(status=status)
    client.force_login(people.bob)
    response = client.get(url(people.report))
    assert response.status_code == 200
    header, body = header_and_body(response.content)
    # the mark is in the page header; the body holds the report's own words only
    assert header == ("" if status == Status.PUBLISHED else Status.DRAFT.label)
    assert "草" not in body and "稿" not in body


@pytest.fixture
def demo(db):
    call_command("gk_demo", stdout=io.StringIO())


def test_the_demo_report_reads_back_to_its_stored_figures(client, demo):
    report = Report.objects.get(agency__name="聊城市茌平区人民政府", year=2023)
    client.force_login(User.objects.get(username="chiping-editor"))
    response = client.get(url(report))
    read = read_report_bytes(response.content)
    assert read.unplaced == [] and read.complete
    assert read.report["figures"] == report.figures()
    assert read.report["signature"] == report.signature
    assert read.report["date"] == str(report.signed_on)
