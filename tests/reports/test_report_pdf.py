import subprocess
import time
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import quote

import pytest

from gkreport.printing import pdf_store, rendering
from gkreport.reports.models import Report
from tests.reports.helpers import table_post


def url(people):
    return f"/r/{people.report.code}/pdf/"


def test_it_downloads_the_pdf_with_its_chinese_file_name(client, people):
    client.force_login(people.alice)
    response = client.get(url(people))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    name = "测试市行政审批服务局2023年政府信息公开工作年度报告.pdf"
    assert f"filename*=UTF-8''{quote(name)}" in response["Content-Disposition"]
    assert response["Content-Disposition"].startswith('attachment; filename="')


def test_the_report_pages_offer_the_download(client, people):
    client.force_login(people.alice)
    page = client.get(f"/r/{people.report.code}/table/t3/").content.decode()
    assert f'href="/r/{people.report.code}/pdf/">下载PDF' in page


def test_it_checks_ownership(client, people):
    client.force_login(people.charlie)
    assert client.get(url(people)).status_code == 404


def test_a_reader_may_download(client, people):
    client.force_login(people.rita)
    assert client.get(url(people)).status_code == 200


def pdf_text(content, tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(content)
    completed = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    )
    return completed.stdout


def test_each_sub_section_heading_prints_on_its_own_line(client, people, tmp_path):
    part = people.report.fmt.part("s1")
    people.report.narrative["s1"] = {
        "intro": "2023年，本局认真贯彻落实《条例》。",  # no line break at its end
        "1": "（一）主动公开政府信息情况\n全年主动公开政府信息320条。",
        "2": "全年共收到申请9件。\n均已按时答复。",  # the heading left out
        "4": "（四）平台建设。网站运行平稳。",
    }
    people.report.save()
    client.force_login(people.alice)
    lines = [
        line.strip() for line in pdf_text(client.get(url(people)).content, tmp_path).split("\n")
    ]
    for line in (
        "2023年，本局认真贯彻落实《条例》。",
        "（一）主动公开政府信息情况",
        "全年主动公开政府信息320条。",
        part.subsections[1].heading,
        "全年共收到申请9件。",
        "均已按时答复。",
        "（四）平台建设。网站运行平稳。",
    ):
        assert line in lines
    assert part.subsections[3].heading not in lines


@pytest.fixture
def renders(monkeypatch):
    """Counts the PDFs actually rendered (not served from the store)."""
    calls = []
    real = rendering.html_to_pdf

    def counted(html, **options):
        calls.append(1)
        return real(html, **options)

    monkeypatch.setattr(rendering, "html_to_pdf", counted)
    return calls


def test_an_unchanged_report_is_rendered_once(client, people, renders):
    client.force_login(people.alice)
    first = client.get(url(people)).content
    second = client.get(url(people)).content
    assert len(renders) == 1
    assert second == first


def test_a_saved_cell_is_in_the_next_download(client, people, renders, tmp_path):
    client.force_login(people.alice)
    assert "98765" not in pdf_text(client.get(url(people)).content, tmp_path)
    post = table_post(people.report, t3__granted__natural="98765")
    assert client.post(f"/r/{people.report.code}/table/t3/", post).status_code == 302
    assert "98765" in pdf_text(client.get(url(people)).content, tmp_path)
    assert len(renders) == 2


def test_a_save_renders_the_draft_in_the_background(
    client, people, renders, django_capture_on_commit_callbacks
):
    client.force_login(people.alice)
    post = table_post(people.report, t3__granted__natural="4")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/r/{people.report.code}/table/t3/", post)
    assert len(renders) == 1  # the task, run at once in tests
    assert client.get(url(people)).content.startswith(b"%PDF")
    assert len(renders) == 1  # the download found it stored


def test_a_render_queued_for_a_replaced_version_does_nothing(people, renders):
    """Two saves in a row queue two renders; only the latest version's is worth doing."""
    from gkreport.reports.tasks import render_draft_pdf

    report = Report.objects.get(pk=people.report.pk)
    render_draft_pdf.call(report.pk, report.version - 1)
    assert renders == []
    render_draft_pdf.call(report.pk, report.version)
    assert len(renders) == 1


def test_the_review_download_uses_the_same_stored_pdf(client, people, renders):
    people.report.status = Report.Status.SUBMITTED
    people.report.save()
    client.force_login(people.alice)
    mine = client.get(url(people)).content
    assert len(renders) == 1
    assert pdf_store.report_pdf(people.report) == mine
    assert len(renders) == 1


def test_requests_arriving_together_render_it_once(people, monkeypatch):
    report = Report.objects.select_related("agency").get(pk=people.report.pk)
    report.include_charts = False  # no database query inside the threads
    calls = []

    def slow_render(html, **options):
        calls.append(1)
        time.sleep(0.3)
        return b"%PDF-1.7 rendered"

    monkeypatch.setattr(rendering, "html_to_pdf", slow_render)
    html = rendering.report_html(report)
    monkeypatch.setattr(rendering, "report_html", lambda *args, **kwargs: html)
    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(lambda _: pdf_store.report_pdf(report), range(4)))
    assert results == [b"%PDF-1.7 rendered"] * 4
    assert len(calls) == 1
