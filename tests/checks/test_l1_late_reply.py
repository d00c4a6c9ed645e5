"""L1: a reply later than 20 working days (40 when extended) is a warning."""

from gkreport.checks import check_ledger
from gkreport.checks.messages import late_reply, ledger_entry
from tests.factories import application, build_ledger


def findings(ledger):
    return [f for f in check_ledger(ledger).findings if f.rule == "L1"]


def test_l1_a_reply_on_the_twentieth_working_day_is_in_time():
    # Friday 1 March 2024 + 20 working days (weekends skipped) = Friday 29 March
    assert findings(build_ledger(application("2024-03-01", "2024-03-29"))) == []


def test_l1_a_reply_one_working_day_late_is_warned_about_with_its_days():
    ledger = build_ledger(application("2024-03-01", "2024-04-01"))  # Monday after
    (finding,) = findings(ledger)
    assert finding.severity == "warning" and finding.entry == "entry-1"
    entry = ledger["entries"][0]
    where = ledger_entry(1, entry["received_on"])
    assert finding.message == late_reply(where, entry["replied_on"], 21, 20, False)
    assert "2024年4月1日答复，至少用了21个工作日，超过法定期限20个工作日" in finding.message


def test_l1_an_extended_period_allows_forty_working_days():
    in_time = application("2024-07-01", "2024-08-26", extended=True)  # 40 working days
    late = application("2024-07-01", "2024-08-27", extended=True)  # 41
    (finding,) = findings(build_ledger(in_time, late))
    assert finding.entry == "entry-2"
    assert "用了41个工作日，超过法定期限40个工作日（已延期）" in finding.message


def test_l1_open_applications_and_same_day_replies_are_not_late():
    ledger = build_ledger(application("2024-03-01"), application("2024-03-01", "2024-03-01"))
    assert findings(ledger) == []


def test_l1_the_days_that_may_be_holidays_are_not_counted():
    # 2024-09-30 (Monday) to 2024-10-29: 21 weekdays, 6 of them in the National Day window
    assert findings(build_ledger(application("2024-09-30", "2024-10-29"))) == []
    # to 2024-11-06: 27 weekdays less the same 6 is still late, whatever the schedule was
    (finding,) = findings(build_ledger(application("2024-09-30", "2024-11-06")))
    assert "至少用了21个工作日" in finding.message


def test_l1_the_spring_festival_of_the_year_is_counted_out():
    # 2024-02-01 to 2024-03-07: 25 weekdays; 2024-02-08 .. 02-18 may be 春节 (5 weekdays)
    assert findings(build_ledger(application("2024-02-01", "2024-03-07"))) == []


def test_l1_is_silent_for_a_year_whose_festivals_are_not_known():
    assert findings(build_ledger(application("2031-03-01", "2031-06-30"))) == []
