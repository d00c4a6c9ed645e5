"""The PDF of a report under review: the frozen bytes once published, never damaged ones."""

from gkreport.reports.models import Report
from tests.review.conftest import set_status, submit


def test_it_checks_ownership(client, people, offices):
    set_status(people.report, "submitted")
    for person in (offices.oscar, people.bob):  # another city's office, the agency itself
        client.force_login(person)
        assert client.get(f"/review/{people.report.code}/pdf/").status_code == 404


def test_a_damaged_published_file_is_refused_on_the_review_page(client, people, offices):
    from django.core.files.storage import default_storage

    submit(client, people)
    client.force_login(offices.olivia)
    client.post(f"/review/{people.report.code}/transition/approve/")
    client.post(f"/review/{people.report.code}/transition/publish/")
    version = Report.objects.get(pk=people.report.pk).versions.get()
    with open(default_storage.path(version.pdf_file.name), "ab") as stored:
        stored.write(b"appended")
    response = client.get(f"/review/{people.report.code}/pdf/", follow=True)
    assert response.status_code == 200
    assert b"appended" not in response.content
    assert "已公开的报告文件与公开时的文件不一致或无法读取" in response.content.decode()
