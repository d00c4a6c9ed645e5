"""The report as the agency will publish it, shown inside the review page."""

from tests.review.conftest import set_status


def test_it_checks_ownership(client, people, offices):
    set_status(people.report, "submitted")
    for person in (offices.oscar, people.bob):  # another city's office, the agency itself
        client.force_login(person)
        assert client.get(f"/review/{people.report.code}/preview/").status_code == 404


def test_it_shows_the_report_with_its_pdf_link(client, people, offices):
    set_status(people.report, "submitted")
    client.force_login(offices.olivia)
    response = client.get(f"/review/{people.report.code}/preview/")
    assert response.status_code == 200
    body = response.content.decode()
    assert people.report.title in body
    assert f"/review/{people.report.code}/pdf/" in body
