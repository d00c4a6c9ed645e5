"""/office/: the offices of the user, or straight to what waits for the only one."""

from tests.reports.conftest import stored_report
from tests.review.conftest import office_user, set_status


def test_it_checks_ownership(client, people, offices):
    set_status(people.report, "submitted")
    client.force_login(offices.oscar)
    assert client.get("/office/")["Location"].startswith(f"/office/{offices.other_office.code}/")
    client.force_login(people.alice)  # agency staff belong to no office
    response = client.get("/office/")
    assert response.status_code == 200
    assert offices.office.name not in response.content.decode()


def test_the_office_opens_on_what_waits_for_it_whatever_the_year(client, people, offices):
    """2023 is all published, yet a 2022 submission waits: the landing page shows it."""
    set_status(people.report, "published")
    waiting = stored_report(people.other_agency, year=2022)
    set_status(waiting, "submitted")
    client.force_login(offices.olivia)
    response = client.get("/office/", follow=True)
    assert response.redirect_chain == [(f"/office/{offices.office.code}/", 302)]
    page = response.content.decode()
    assert f"/review/{waiting.code}/" in page and f"/review/{people.report.code}/" not in page


def test_several_offices_are_listed_with_their_inboxes(client, people, offices):
    both = office_user("olga", offices.office)
    offices.other_office.memberships.create(user=both)
    client.force_login(both)
    page = client.get("/office/").content.decode()
    assert f'href="/office/{offices.office.code}/"' in page
    assert f'href="/office/{offices.other_office.code}/"' in page
