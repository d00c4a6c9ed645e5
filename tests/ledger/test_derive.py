"""Table 3 from a ledger: each application counted where it came from and where it went,
so that the derived table passes the checking engine's identities, whatever the ledger."""

import datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from gkreport.checks import check_report
from gkreport.formats import FORMAT_2019, FORMAT_2021
from gkreport.formats.ledger import ledger_terms
from gkreport.ledger.derive import derive
from tests.factories import application, build_ledger

TERMS = ledger_terms(FORMAT_2021)
APPLICANTS = [a.key for a in TERMS.applicants]


def test_an_application_answered_in_the_year_counts_as_received_and_as_its_outcome():
    figures = derive(
        build_ledger(
            application("2024-03-01", "2024-03-05", "denied", "denied_state_secret"),
            application("2024-04-01", "2024-04-02", applicant="legal_service"),
        )
    )
    assert figures["t3.new_received.natural"] == 1
    assert figures["t3.denied_state_secret.natural"] == 1
    assert figures["t3.granted.legal_service"] == 1
    assert figures["t3.total_processed.total"] == 2
    assert figures["t3.new_received.total"] == 2
    assert figures["t3.carried_forward.total"] == 0


def test_received_last_year_is_carried_over_and_open_at_year_end_is_carried_forward():
    figures = derive(
        build_ledger(
            application("2023-12-20", "2024-01-08"),  # carried over, answered
            application("2024-12-28"),  # open
            application("2024-12-20", "2025-01-06"),  # answered after 31 December: open
        )
    )
    assert figures["t3.carried_over.natural"] == 1
    assert figures["t3.new_received.natural"] == 2
    assert figures["t3.granted.natural"] == 1
    assert figures["t3.carried_forward.natural"] == 2


def test_an_outcome_that_cannot_be_placed_stays_open():
    figures = derive(build_ledger(application("2024-03-01", "2024-03-05", "unavailable")))
    assert figures["t3.total_processed.total"] == 0
    assert figures["t3.carried_forward.total"] == 1


def test_the_2019_format_has_one_row_of_other_processing():
    ledger = build_ledger(
        application("2020-03-01", "2020-03-05", "other"), year=2020, version="2019"
    )
    assert derive(ledger)["t3.other_processing.natural"] == 1


DAY = datetime.timedelta(days=1)


@st.composite
def ledgers(draw):
    fmt = draw(st.sampled_from([FORMAT_2021, FORMAT_2019]))
    year = 2024 if fmt is FORMAT_2021 else 2020
    terms = ledger_terms(fmt)
    pairs = [(o.key, "") for o in terms.outcomes] + [
        (o.key, r.row) for o in terms.outcomes for r in o.reasons
    ]
    entries = []
    for _ in range(draw(st.integers(0, 60))):
        received = draw(st.dates(datetime.date(year - 1, 6, 1), datetime.date(year, 12, 31)))
        replied = draw(st.none() | st.dates(received, datetime.date(year + 1, 3, 1)))
        outcome, reason = draw(st.sampled_from(pairs)) if replied else ("", "")
        entries.append(
            {
                "received_on": received,
                "replied_on": replied,
                "extended": False,
                "outcome": outcome,
                "reason": reason,
                "applicant_type": draw(st.sampled_from([a.key for a in terms.applicants])),
            }
        )
    return build_ledger(*entries, year=year, version=fmt.version)


@settings(max_examples=200, deadline=None)
@given(ledgers())
def test_a_derived_table_passes_the_identities_of_the_checking_engine(ledger):
    figures = derive(ledger)
    fmt = FORMAT_2021 if ledger["format"] == "2021" else FORMAT_2019
    table = fmt.table(ledger_terms(fmt).table)
    assert set(figures) == {cell.code for cell in table.cells}  # every cell, none blank
    report = {
        "year": ledger["year"],
        "format": ledger["format"],
        "figures": figures,
        "raw": {code: str(value) for code, value in figures.items()},
        "sections": {},
    }
    result = check_report(report, draft=True)
    on_table = [f for f in result.findings if any(c in figures for c in f.cells)]
    assert on_table == []
    assert not [f for f in result.blank if f.cells[0] in figures]
    assert not [i for i in result.not_assessed if i.startswith(("H1", "H2", "H3"))]
    total = ledger_terms(fmt).total
    came = figures[f"t3.new_received.{total}"] + figures[f"t3.carried_over.{total}"]
    assert came == len(ledger["entries"])


def test_the_database_counts_as_the_applications_are_counted(people):
    """table3_figures (one grouped query) and derive (the ledger dict) agree."""
    import random

    from gkreport.ledger.derive import ledger_dict, table3_figures
    from gkreport.ledger.models import Entry

    rng = random.Random(3)
    pairs = list(TERMS.result_rows) + [("denied", ""), ("", "")]
    for _ in range(300):
        received = datetime.date(2022, 11, 1) + datetime.timedelta(days=rng.randrange(430))
        outcome, reason = rng.choice(pairs)
        Entry.objects.create(
            agency=people.agency,
            year=2023,
            received_on=received,
            replied_on=rng.choice([None, received + datetime.timedelta(days=rng.randrange(60))]),
            applicant_type=rng.choice(APPLICANTS),
            outcome=outcome,
            reason=reason,
        )
    ledger = ledger_dict(people.agency.pk, 2023, FORMAT_2021)
    assert table3_figures(people.agency.pk, 2023, FORMAT_2021) == derive(ledger)
