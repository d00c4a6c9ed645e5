"""导入上年未办结申请: last year's applications open at 31 December go on in this year's
ledger as 上年结转, linked to the original, never twice."""

import datetime

from gkreport.formats import FORMAT_2021
from gkreport.ledger.derive import derive, ledger_dict
from gkreport.ledger.models import Entry
from tests.ledger.conftest import entry, ledger_url
from tests.review.conftest import set_status


def carry_url(people, year=2024):
    return f"/a/{people.agency.code}/ledger/{year}/carry/"


def open_and_closed(people):
    entry(people.agency, received="2023-03-01", replied="2023-03-05")  # answered
    still_open = entry(people.agency, received="2023-12-20", applicant="张三", subject="规划图")
    answered_later = entry(
        people.agency,
        received="2023-12-27",
        replied="2024-01-10",
        outcome="denied",
        reason="denied_process_info",
        applicant_type="commercial",
    )
    return still_open, answered_later


def test_it_checks_ownership(client, people):
    open_and_closed(people)
    client.force_login(people.charlie)
    assert client.post(carry_url(people)).status_code == 404
    assert Entry.objects.filter(year=2024).count() == 0


def test_it_requires_rw_access(client, people):
    open_and_closed(people)
    client.force_login(people.rita)
    assert client.post(carry_url(people)).status_code == 403
    assert client.get(carry_url(people)).status_code == 405


def test_next_years_ledger_offers_the_open_applications_and_carries_them_once(client, people):
    still_open, answered_later = open_and_closed(people)
    client.force_login(people.alice)
    page = client.get(ledger_url(people, 2024)).content.decode()
    assert "2023年台账中有 <strong>2</strong> 条申请到年底未办结" in page
    assert "导入上年未办结申请" in page
    page = client.post(carry_url(people), follow=True).content.decode()
    assert "已导入2023年未办结的申请2条，记为上年结转。" in page
    carried = Entry.objects.filter(year=2024).order_by("received_on")
    assert [c.carried_from for c in carried] == [still_open, answered_later]
    assert (carried[0].applicant, carried[0].subject) == ("张三", "规划图")
    # a reply already recorded after 31 December comes along
    assert carried[1].replied_on == datetime.date(2024, 1, 10)
    assert (carried[1].outcome, carried[1].reason) == ("denied", "denied_process_info")
    assert page.count(">上年结转</span>") == 2
    assert "导入上年未办结申请" not in page
    client.post(carry_url(people))  # again: nothing more
    assert Entry.objects.filter(year=2024).count() == 2


def test_carried_applications_count_as_carried_over_and_last_year_as_carried_forward(people):
    open_and_closed(people)
    last_year = derive(ledger_dict(people.agency.pk, 2023, FORMAT_2021))
    assert last_year["t3.carried_forward.total"] == 2
    from gkreport.ledger.carry import carry_over

    carry_over(people.agency, 2024, limit=100)
    this_year = derive(ledger_dict(people.agency.pk, 2024, FORMAT_2021))
    assert this_year["t3.carried_over.natural"] == 1
    assert this_year["t3.carried_over.commercial"] == 1
    assert this_year["t3.denied_process_info.commercial"] == 1
    assert this_year["t3.new_received.total"] == 0


def test_a_read_only_ledger_carries_nothing(client, people):
    from tests.reports.conftest import stored_report

    open_and_closed(people)
    set_status(stored_report(people.agency, year=2024), "submitted")
    client.force_login(people.alice)
    page = client.post(carry_url(people), follow=True).content.decode()
    assert "2024年度报告已报送，台账随报告只读。" in page
    assert not Entry.objects.filter(year=2024).exists()


def test_nothing_to_carry_says_so(client, people):
    client.force_login(people.alice)
    page = client.post(carry_url(people), follow=True).content.decode()
    assert "2023年没有未导入的未办结申请。" in page


def test_a_copy_whose_original_was_then_answered_last_year_is_an_error(people):
    """Last year's ledger corrected after the carrying: the application would count in both
    years; the copy's row says so, and adopting waits until it is resolved."""
    from gkreport.checks import check_ledger
    from gkreport.ledger.carry import carry_over

    still_open, _ = open_and_closed(people)
    carry_over(people.agency, 2024, limit=100)
    Entry.objects.filter(pk=still_open.pk).update(
        replied_on=datetime.date(2023, 12, 29), outcome="granted"
    )
    result = check_ledger(ledger_dict(people.agency.pk, 2024, FORMAT_2021))
    (error,) = [f for f in result.errors if f.code == "L3.carried_answered"]
    assert "上年台账记载已于2023年12月29日答复，会在两个年度重复统计" in error.message
    copy = Entry.objects.get(year=2024, carried_from=still_open)
    assert error.entry == copy.code.hex
