"""/public/: the published reports, filtered and sorted."""

import pytest

from tests.public.conftest import publish
from tests.reports.conftest import stored_report
from tests.review.conftest import set_status


def test_the_list_filters_and_sorts(client, people, published):
    other = stored_report(people.other_agency, year=2022)
    publish(other, people.bob)
    page = client.get("/public/?year=2022").content.decode()
    assert "测试市科学技术局" in page and "测试市行政审批服务局" not in page
    page = client.get("/public/?q=审批").content.decode()
    assert "测试市行政审批服务局" in page and "测试市科学技术局" not in page
    page = client.get("/public/?kind=government").content.decode()
    assert "共 0 份报告" in page
    page = client.get("/public/?sort=name").content.decode()
    assert page.index("测试市科学技术局") < page.index("测试市行政审批服务局")
    assert client.get("/public/?year=abc&region=x&sort=';drop").status_code == 200


@pytest.mark.parametrize("state", ["draft", "submitted", "returned", "approved"])
def test_an_unpublished_report_is_not_listed(client, people, state):
    set_status(people.report, state)
    assert "测试市行政审批服务局" not in client.get("/public/").content.decode()
