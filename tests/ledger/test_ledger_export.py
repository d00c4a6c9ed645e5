"""导出Excel: the ledger in its order, dates as dates, each application's state and
findings; an export imports back as it is."""

import datetime

from gkreport.ledger.excel import read_file
from gkreport.ledger.fields import FIELDS
from gkreport.ledger.importing import guess
from tests.ledger.conftest import entry, read_workbook


def url(people, year=2024):
    return f"/a/{people.agency.code}/ledger/{year}/export.xlsx"


def test_it_checks_ownership(client, people):
    client.force_login(people.charlie)
    assert client.get(url(people)).status_code == 404


def test_the_export_lists_applications_with_their_state_and_findings(client, people):
    entry(
        people.agency, 2024, received="2024-03-01", replied="2024-05-10", applicant="=HYPERLINK(1)"
    )
    entry(people.agency, 2024, received="2023-12-20")
    client.force_login(people.rita)  # readers may export
    book = read_workbook(client.get(url(people)).content)
    rows = list(book["台账"].values)
    assert list(rows[0]) == [*(f.label for f in FIELDS), "状态", "台账检查"]
    carried, late = rows[1], rows[2]
    assert carried[1] == datetime.datetime(2023, 12, 20) and carried[11] == "上年结转、年底未办结"
    assert late[3] == "'=HYPERLINK(1)"  # a formula stays text
    assert late[6] == "予以公开" and "超过法定期限20个工作日" in late[12]


def test_an_export_maps_onto_the_ledger_by_itself(client, people):
    entry(people.agency, 2024, received="2024-03-01")
    client.force_login(people.alice)
    sheet = read_file("台账.xlsx", client.get(url(people)).content)
    assert guess(sheet.header) == {f.name: index for index, f in enumerate(FIELDS)}
