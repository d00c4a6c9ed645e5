"""L3: dates and outcome agree — a reply has an outcome and an outcome a reply date, the
reply follows the application and the ledger's year holds both."""

import pytest

from gkreport.checks import check_ledger
from tests.factories import application, build_ledger


def codes(*applications, year=2024):
    ledger = build_ledger(*applications, year=year)
    return [f.code for f in check_ledger(ledger).findings if f.rule == "L3"]


def test_l3_a_complete_or_open_application_is_fine():
    assert codes(application("2024-03-01", "2024-03-05"), application("2024-12-30")) == []


def test_l3_a_carried_over_application_answered_this_year_is_fine():
    assert codes(application("2023-12-20", "2024-01-10")) == []


@pytest.mark.parametrize(
    ("entry", "code"),
    [
        (application("2024-03-01", "2024-03-05", outcome=""), "L3.no_outcome"),
        (application("2024-03-01", outcome="granted"), "L3.no_reply"),
        (application("2024-03-05", "2024-03-01"), "L3.reply_early"),
        (application("2023-03-01", "2023-03-05"), "L3.replied_before"),
        (application("2025-01-02"), "L3.received_late"),
    ],
)
def test_l3_each_disagreement_is_an_error(entry, code):
    ledger = build_ledger(entry)
    (finding,) = [f for f in check_ledger(ledger).findings if f.rule == "L3"]
    assert (finding.code, finding.severity, finding.entry) == (code, "error", "entry-1")
    assert finding.message.startswith("第1条（")


def test_l3_messages_name_the_dates_in_words():
    ledger = build_ledger(application("2024-03-01", "2024-03-05", outcome=""))
    (finding,) = check_ledger(ledger).findings
    assert finding.message == "第1条（2024年3月1日收到）：2024年3月5日已答复，但没有填写办理结果"
