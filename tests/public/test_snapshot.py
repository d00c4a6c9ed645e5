"""Publishing freezes the figures it read; the public side takes its numbers from them."""

import csv
import io
import json
from decimal import Decimal

import pytest

from gkreport.public import snapshot as public_snapshot
from gkreport.public.snapshot import SNAPSHOT_VERSION, snapshot_figures
from tests.public.conftest import publish_as_printed
from tests.reports.conftest import stored_report


def _csv(client, url) -> dict:
    text = client.get(url).content.decode("utf-8-sig")
    return {row[0]: row for row in csv.reader(io.StringIO(text))}


def test_publishing_freezes_the_figures_it_read_beside_the_text_as_typed(client, people):
    report = people.report
    report.cells["t2.licensing.decisions"] = "1,234"
    report.cells["t2.fees.amount"] = "62,544.3758"
    report.cells["t4.review.pending"] = "/"
    report.cells["t4.review.other"] = ""
    report.save()
    version = publish_as_printed(report, people.bob).versions.get()

    snapshot = version.snapshot
    assert snapshot["snapshot_version"] == SNAPSHOT_VERSION == 2
    assert snapshot["raw"]["t2.licensing.decisions"] == "1,234"
    assert snapshot["raw"]["t2.fees.amount"] == "62,544.3758"
    figures = snapshot["figures"]
    assert figures["t2.licensing.decisions"] == 1234
    assert figures["t2.fees.amount"] == "62544.3758"  # exact, as a string in JSON
    assert figures["t4.review.pending"] is None and figures["t4.review.other"] is None
    assert len(figures) == 200  # every cell of the format, blank ones too
    assert snapshot["agency"]["region"] == people.agency.region.path
    assert snapshot["include_charts"] is report.include_charts

    cells = _csv(client, f"/public/agency/{people.agency.code}/2023/data.csv")
    assert cells["t2.licensing.decisions"][5:] == ["1234", "1,234"]
    assert cells["t2.fees.amount"][5:] == ["62544.3758", "62,544.3758"]
    assert cells["t4.review.pending"][5:] == ["", "/"]
    data = json.loads(client.get(f"/public/agency/{people.agency.code}/2023/data.json").content)
    by_code = {cell["code"]: cell for cell in data["cells"]}
    assert by_code["t2.licensing.decisions"]["value"] == 1234
    assert by_code["t2.fees.amount"]["value"] == "62544.3758"


def test_the_public_report_prints_the_text_as_typed(client, people):
    report = people.report
    report.cells["t2.licensing.decisions"] = "约1200件"  # unreadable: never repaired
    report.save()
    version = publish_as_printed(report, people.bob).versions.get()
    assert version.snapshot["figures"]["t2.licensing.decisions"] is None

    page = client.get(f"/public/agency/{people.agency.code}/2023/").content.decode()
    assert "约1200件" in page
    cells = _csv(client, f"/public/agency/{people.agency.code}/2023/data.csv")
    assert cells["t2.licensing.decisions"][5:] == ["", "约1200件"]


@pytest.fixture
def figures_apart_from_raw(monkeypatch):
    """Publishing writes figures that differ from what its raw text would read as: whatever
    shows the figures' numbers took them from the snapshot, not from the text."""
    build = public_snapshot.build_snapshot

    def doctored(report):
        snapshot = build(report)
        snapshot["figures"]["t3.new_received.total"] = 70
        snapshot["figures"]["t2.fees.amount"] = "100.25"
        snapshot["figures"]["t4.review.upheld"] = 30
        return snapshot

    monkeypatch.setattr(public_snapshot, "build_snapshot", doctored)


def test_open_data_and_statistics_show_the_frozen_figures(client, people, figures_apart_from_raw):
    version = publish_as_printed(people.report, people.bob).versions.get()
    assert version.snapshot["raw"]["t3.new_received.total"] == "9"
    code, region = people.agency.code, people.agency.region_id

    cells = _csv(client, f"/public/agency/{code}/2023/data.csv")
    assert cells["t3.new_received.total"][5:] == ["70", "9"]
    data = json.loads(client.get(f"/public/agency/{code}/2023/data.json").content)
    cell = next(c for c in data["cells"] if c["code"] == "t2.fees.amount")
    assert (cell["value"], cell["as_printed"]) == ("100.25", "15.5")

    rows = _csv(client, f"/public/data/2023/{region}.csv")
    header = rows["机关"]
    assert rows["合计"][header.index("t3.new_received.total")] == "70"
    data = json.loads(client.get(f"/public/data/2023/{region}.json").content)
    assert data["sums"]["t2.fees.amount"] == "100.25"
    assert data["agencies"][0]["values"]["t3.new_received.total"] == 70

    last_year = stored_report(people.agency, year=2022)
    last_year.cells["t3.new_received.total"] = "5"
    last_year.save()
    publish_as_printed(last_year, people.bob)
    page = client.get(f"/public/stats/{region}/").content.decode()
    assert "历年收到申请：2022年70件；2023年70件。" in page
    review = page.split("2023年度行政复议结果（件）（数据表）")[1]
    assert review.split("</table>")[0].count('<th scope="row">结果维持</th><td>30</td>') == 1

    # The printed report is the text as typed, as in the PDF.
    page = client.get(f"/public/agency/{code}/2023/").content.decode()
    assert "15.5" in page and "100.25" not in page


def test_the_reader_turns_amounts_back_into_exact_decimals():
    snapshot = {
        "format": "2021",
        "raw": {"t3.new_received.total": "9", "t2.fees.amount": "1.5"},
        "figures": {"t3.new_received.total": 12, "t2.fees.amount": "62544.3758", "x": None},
    }
    assert snapshot_figures(snapshot) == {
        "t3.new_received.total": 12,
        "t2.fees.amount": Decimal("62544.3758"),
        "x": None,
    }


def test_a_snapshot_without_figures_is_read_from_its_text_by_the_same_reader():
    figures = snapshot_figures(
        {"format": "2021", "raw": {"t3.new_received.total": "1,234", "t2.fees.amount": "2.50"}}
    )
    assert figures["t3.new_received.total"] == 1234
    assert figures["t2.fees.amount"] == Decimal("2.50")
    assert figures["t4.review.total"] is None


def test_the_public_report_draws_the_charts_of_its_pdf(client, people):
    last_year = stored_report(people.agency, year=2022)
    last_year.cells["t3.new_received.total"] = "5"
    last_year.save()
    report = people.report
    report.include_charts = True
    report.save()
    version = publish_as_printed(report, people.bob).versions.get()
    assert version.snapshot["received"] == [[2022, 5], [2023, 9]]

    page = client.get(f"/public/agency/{people.agency.code}/2023/").content.decode()
    assert "历年收到申请：2022年5件；2023年9件。" in page
    assert "本年度办理结果分布（件）" in page
