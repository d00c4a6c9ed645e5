"""Offices see exactly their jurisdiction's submitted reports: everything else is a 404."""

from tests.review.conftest import set_status


def review_urls(report):
    code = report.code
    return {
        "get": [f"/review/{code}/", f"/review/{code}/preview/", f"/review/{code}/pdf/"],
        "post": [
            (f"/review/{code}/comment/", {"target": "t3", "text": "请核对"}),
            (f"/review/{code}/transition/approve/", {}),
            (f"/review/{code}/transition/return/", {"comment": "请修改"}),
        ],
    }


def test_an_office_of_another_region_gets_404_on_every_view(client, people, offices):
    set_status(people.report, "submitted")
    client.force_login(offices.oscar)
    urls = review_urls(people.report)
    for url in urls["get"]:
        assert client.get(url).status_code == 404, url
    for url, data in urls["post"]:
        assert client.post(url, data).status_code == 404, url
    assert people.report.comments.count() == 0


def test_agency_staff_get_404_on_review_views(client, people, offices):
    set_status(people.report, "submitted")
    client.force_login(people.bob)
    for url in review_urls(people.report)["get"]:
        assert client.get(url).status_code == 404


def test_drafts_never_reach_the_office(client, people, offices):
    client.force_login(offices.olivia)
    for url in review_urls(people.report)["get"]:
        assert client.get(url).status_code == 404


def test_a_viewer_and_an_upper_office_are_read_only(client, people, offices):
    set_status(people.report, "submitted")
    for person in (offices.victor, offices.lena):
        client.force_login(person)
        assert client.get(f"/review/{people.report.code}/").status_code == 200
        for url, data in review_urls(people.report)["post"]:
            assert client.post(url, data).status_code == 403, (person, url)
    people.report.refresh_from_db()
    assert people.report.status == "submitted"


def test_dashboards_of_other_offices_are_404(client, people, offices):
    client.force_login(offices.oscar)
    assert client.get(f"/office/{offices.office.code}/2023/").status_code == 404
    assert client.get(f"/office/{offices.office.code}/2023/cross/").status_code == 404
    client.force_login(people.alice)
    assert client.get(f"/office/{offices.office.code}/2023/").status_code == 404


def test_office_staff_get_404_on_agency_views(client, people, offices):
    client.force_login(offices.olivia)
    assert client.get(f"/r/{people.report.code}/").status_code == 404
    assert client.get(f"/a/{people.agency.code}/").status_code == 404
