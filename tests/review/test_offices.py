"""/office/: the offices of the user, or straight to the dashboard of the only one."""

from tests.reports.conftest import stored_report
from tests.review.conftest import set_status


def test_it_checks_ownership(client, people, offices):
    set_status(people.report, "submitted")
    client.force_login(offices.oscar)
    assert client.get("/office/")["Location"].startswith(f"/office/{offices.other_office.code}/")
    client.force_login(people.alice)  # agency staff belong to no office
    response = client.get("/office/")
    assert response.status_code == 200
    assert offices.office.name not in response.content.decode()


def test_the_office_opens_on_the_latest_year_with_something_to_review(client, people, offices):
    stored_report(people.other_agency, year=2024)  # a draft of a later year
    set_status(people.report, "submitted")
    client.force_login(offices.olivia)
    response = client.get("/office/")
    assert response["Location"] == f"/office/{offices.office.code}/2023/"
