"""Every public URL answers 404 for a report that is not published, in every state."""

import pytest

from gkreport.reports import workflow
from gkreport.reports.models import Report
from tests.review.conftest import set_status


def report_urls(agency_code, year, region_id):
    base = f"/public/agency/{agency_code}/{year}"
    return [
        f"/public/agency/{agency_code}/",
        f"{base}/",
        f"{base}/v1/",
        f"{base}/report.pdf",
        f"{base}/v1/report.pdf",
        f"{base}/data.csv",
        f"{base}/data.json",
    ]


@pytest.mark.parametrize("state", ["draft", "submitted", "returned", "approved"])
def test_unpublished_reports_are_404_everywhere(client, people, state):
    set_status(people.report, state)
    for url in report_urls(people.agency.code, 2023, people.agency.region_id):
        assert client.get(url).status_code == 404, (state, url)
    listing = client.get("/public/").content.decode()
    assert "测试市行政审批服务局" not in listing
    region_csv = client.get(f"/public/data/2023/{people.agency.region_id}.csv").content.decode(
        "utf-8-sig"
    )
    assert "测试市行政审批服务局" not in region_csv


def test_published_reports_are_public(client, people, published):
    for url in report_urls(people.agency.code, 2023, people.agency.region_id):
        assert client.get(url).status_code == 200, url
    assert "测试市行政审批服务局" in client.get("/public/").content.decode()


def test_a_correction_in_progress_shows_the_published_version_not_the_draft(
    client, people, published
):
    workflow.perform(published, "signer", "correct", people.bob, "更正行政许可数量")
    report = Report.objects.get(pk=published.pk)
    report.cells["t2.licensing.decisions"] = "99999"
    report.title = "尚未公开的更正稿"
    report.save()
    page = client.get(f"/public/agency/{people.agency.code}/2023/").content.decode()
    assert "尚未公开的更正稿" not in page and "99999" not in page
    assert "1200" in page
    assert client.get(f"/public/agency/{people.agency.code}/2023/v2/").status_code == 404
    csv = client.get(f"/public/agency/{people.agency.code}/2023/data.csv").content.decode(
        "utf-8-sig"
    )
    assert "99999" not in csv


def test_public_pages_need_no_login_and_take_no_post(client, people, published):
    assert client.get("/public/").status_code == 200
    assert client.post("/public/").status_code == 405
    assert client.post(f"/public/agency/{people.agency.code}/2023/report.pdf").status_code == 405


def test_unknown_things_are_404(client, people, published):
    assert client.get(f"/public/agency/{people.agency.code}/2023/data.xml").status_code == 404
    assert client.get(f"/public/agency/{people.agency.code}/2030/").status_code == 404
    assert client.get("/public/data/2023/999999.csv").status_code == 404
    assert client.get("/public/stats/999999/").status_code == 404


def test_the_offices_comments_and_the_agencys_answers_are_never_published(
    client, people, offices, tmp_path
):
    """They belong to the review: not in the print preview, the published page, its PDF,
    the snapshot or the open data."""
    import json
    import subprocess

    from tests.review.conftest import submit

    comment_text, reply_text = "请核对依申请公开的件数", "件数已与台账核对一致"
    code = people.report.code
    submit(client, people)
    client.force_login(offices.olivia)
    client.post(f"/review/{code}/comment/", {"target": "t3", "text": comment_text})
    client.post(f"/review/{code}/transition/return/", {"comment": "请核对表三"})
    comment = people.report.comments.get()
    client.force_login(people.alice)
    client.post(f"/r/{code}/comment/{comment.pk}/reply/", {"text": reply_text})
    assert comment.replies.count() == 1
    preview = client.get(f"/r/{code}/preview/").content.decode()
    assert "主动公开" in preview and reply_text not in preview and comment_text not in preview
    submit(client, people)
    client.force_login(offices.olivia)
    for name in ("approve", "publish"):
        client.post(f"/review/{code}/transition/{name}/")
    version = Report.objects.get(pk=people.report.pk).versions.get()

    pdf = tmp_path / "published.pdf"
    pdf.write_bytes(version.pdf_bytes())
    texts = {
        "snapshot": json.dumps(version.snapshot, ensure_ascii=False),
        "pdf": subprocess.run(
            ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout,
    }
    client.logout()
    base = f"/public/agency/{people.agency.code}/2023"
    region = f"/public/data/2023/{people.agency.region_id}"
    for url in (f"{base}/", f"{base}/data.csv", f"{base}/data.json", f"{region}.csv"):
        response = client.get(url)
        assert response.status_code == 200, url
        texts[url] = response.content.decode("utf-8-sig")
    assert "主动公开" in texts[f"{base}/"]  # the report's own text is there
    for where, text in texts.items():
        assert reply_text not in text and comment_text not in text, where
