"""打印预览: the report as it prints, page by page, on a page of its own."""

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


def test_it_is_a_page_of_its_own_whose_back_link_returns_to_the_review(client, people, offices):
    """It used to be framed by the review page, where its 返回 opened the review page inside
    the frame, which refused to be framed."""
    set_status(people.report, "submitted")
    client.force_login(offices.olivia)
    response = client.get(f"/review/{people.report.code}/preview/")
    assert f'<a href="/review/{people.report.code}/">← 返回</a>' in response.content.decode()
    assert response["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
