"""A reviewer's comment on one page of the report, for the agency to see on return."""

from tests.review.conftest import set_status


def comment(client, report):
    return client.post(f"/review/{report.code}/comment/", {"target": "t3", "text": "请核对"})


def test_it_checks_ownership(client, people, offices):
    set_status(people.report, "submitted")
    for person in (offices.oscar, people.bob):
        client.force_login(person)
        assert comment(client, people.report).status_code == 404
    assert people.report.comments.count() == 0


def test_it_requires_rw_access(client, people, offices):
    set_status(people.report, "submitted")
    client.force_login(offices.victor)
    assert comment(client, people.report).status_code == 403
    assert people.report.comments.count() == 0
