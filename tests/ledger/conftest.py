"""Alice keeps her agency's ledger, Bob signs, Rita reads, Charlie (another agency) sees
nothing of it: the personas of tests/reports/conftest.py, with applications to count."""

import datetime

from gkreport.ledger.models import Entry


def entry(agency, year=2023, received="2023-03-01", replied=None, **values):
    """A stored application; a replied one is granted unless told otherwise."""
    values.setdefault("applicant_type", "natural")
    if replied and "outcome" not in values:
        values["outcome"] = "granted"
    return Entry.objects.create(
        agency=agency,
        year=year,
        received_on=datetime.date.fromisoformat(received),
        replied_on=datetime.date.fromisoformat(replied) if replied else None,
        **values,
    )


def ledger_url(people, year=2023):
    return f"/a/{people.agency.code}/ledger/{year}/"


def workbook(*rows, title=None) -> bytes:
    """An .xlsx whose first sheet holds these rows (a title row above them when given)."""
    import io

    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    if title:
        sheet.append([title])
    for row in rows:
        sheet.append(list(row))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def read_workbook(data: bytes):
    import io

    from openpyxl import load_workbook

    return load_workbook(io.BytesIO(data))
