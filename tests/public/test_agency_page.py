"""/public/agency/<code>/: the published reports of one agency, year by year."""

import pytest

from tests.review.conftest import set_status


def test_it_links_every_published_year(client, people, published):
    page = client.get(f"/public/agency/{people.agency.code}/").content.decode()
    assert "测试市行政审批服务局" in page
    assert f'href="/public/agency/{people.agency.code}/2023/"' in page
    assert f'href="/public/agency/{people.agency.code}/2023/report.pdf"' in page


@pytest.mark.parametrize("state", ["draft", "submitted", "returned", "approved"])
def test_an_unpublished_report_is_404(client, people, state):
    set_status(people.report, state)
    assert client.get(f"/public/agency/{people.agency.code}/").status_code == 404
