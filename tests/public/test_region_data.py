"""The open data of a region and year: one row per published report, sums over additive cells."""

import csv
import io
import json

import pytest
from openpyxl import load_workbook

from tests.public.conftest import publish_as_printed
from tests.reports.conftest import stored_report
from tests.review.conftest import set_status


def test_region_table_sums_over_agencies(client, people, published):
    other = stored_report(people.other_agency)
    other.cells["t3.new_received.total"] = "11"  # (an inconsistent report, published as printed)
    other.save()
    publish_as_printed(other, people.bob)
    region = people.agency.region_id
    text = client.get(f"/public/data/2023/{region}.csv").content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    header, labels, *agencies, total = rows
    column = header.index("t3.new_received.total")
    assert [r[0] for r in agencies] == ["测试市科学技术局", "测试市行政审批服务局"]
    assert [r[column] for r in agencies] == ["11", "9"]
    assert total[0] == "合计" and total[column] == "20"
    assert labels[column] == "表三 一、本年新收政府信息公开申请数量 总计"
    data = json.loads(client.get(f"/public/data/2023/{region}.json").content)
    assert data["sums"]["t3.new_received.total"] == 20
    assert data["sums"]["t2.fees.amount"] == "31.0"
    sheet = load_workbook(io.BytesIO(client.get(f"/public/data/2023/{region}.xlsx").content)).active
    assert sheet.cell(row=sheet.max_row, column=1).value == "合计"


def test_a_blank_cell_leaves_its_sum_empty(client, people, published):
    other = stored_report(people.other_agency)
    other.cells["t4.review.pending"] = ""
    other.save()
    publish_as_printed(other, people.bob)
    data = json.loads(client.get(f"/public/data/2023/{people.agency.region_id}.json").content)
    assert data["sums"]["t4.review.pending"] is None
    assert data["sums"]["t4.review.upheld"] == 2


@pytest.mark.parametrize("state", ["draft", "submitted", "returned", "approved"])
def test_an_unpublished_report_is_left_out(client, people, state):
    set_status(people.report, state)
    data = json.loads(client.get(f"/public/data/2023/{people.agency.region_id}.json").content)
    assert data["agencies"] == []
    text = client.get(f"/public/data/2023/{people.agency.region_id}.csv").content.decode(
        "utf-8-sig"
    )
    assert "测试市行政审批服务局" not in text
