"""L2: an outcome that needs a reason (（三）–（六）) has one, of its own; the outcome is one
the year's format has."""

from gkreport.checks import check_ledger
from gkreport.formats import FORMAT_2021
from gkreport.formats.ledger import ledger_terms
from tests.factories import application, build_ledger


def findings(ledger):
    return [f for f in check_ledger(ledger).findings if f.rule == "L2"]


def test_l2_every_outcome_with_reasons_needs_one():
    terms = ledger_terms(FORMAT_2021)
    needing = [o for o in terms.outcomes if o.reasons]
    assert [o.name for o in needing] == ["不予公开", "无法提供", "不予处理", "其他处理"]
    ledger = build_ledger(*(application("2024-03-01", "2024-03-05", o.key) for o in needing))
    found = findings(ledger)
    assert [f.code for f in found] == ["L2.missing"] * 4
    assert all(f.severity == "error" for f in found)
    assert found[0].message == (
        "第1条（2024年3月1日收到）：办理结果为“（三）不予公开”，未填写具体情形（须为该类8种情形之一）"
    )


def test_l2_an_outcome_with_its_reason_or_without_reasons_is_fine():
    ledger = build_ledger(
        application("2024-03-01", "2024-03-05", "denied", "denied_state_secret"),
        application("2024-03-01", "2024-03-05", "granted"),
        application("2024-03-01", "2024-03-05", "partially_granted"),
    )
    assert findings(ledger) == []


def test_l2_a_reason_of_another_outcome_is_an_error():
    ledger = build_ledger(
        application("2024-03-01", "2024-03-05", "unavailable", "denied_state_secret")
    )
    (finding,) = findings(ledger)
    assert finding.code == "L2.other"
    assert "不是“（四）无法提供”的情形之一" in finding.message


def test_l2_the_2021_kinds_of_other_processing_are_not_in_a_2019_ledger():
    ledger = build_ledger(
        application("2020-03-01", "2020-03-05", "other"),  # the one 2019 row: fine
        application("2020-03-01", "2020-03-05", "other", "other_no_fee"),
        year=2020,
        version="2019",
    )
    (finding,) = findings(ledger)
    assert finding.code == "L2.other" and finding.entry == "entry-2"


def test_l2_an_unknown_outcome_is_an_error():
    (finding,) = findings(build_ledger(application("2024-03-01", "2024-03-05", "lost")))
    assert finding.code == "L2.unknown"
