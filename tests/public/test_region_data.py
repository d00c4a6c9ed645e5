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


def test_the_excel_file_is_for_people_with_the_codes_on_a_second_sheet(client, people, published):
    body = client.get(f"/public/data/2023/{people.agency.region_id}.xlsx").content
    book = load_workbook(io.BytesIO(body))
    assert book.sheetnames == ["数据", "代码"]
    sheet = book["数据"]
    header = [cell.value for cell in sheet[1]]
    # the first row is the template's words, never a code
    assert header[:2] == ["机关", "区域"]
    assert "表三 一、本年新收政府信息公开申请数量 总计" in header
    assert not any(text.startswith(("t2.", "t3.", "t4.")) for text in header)
    assert [cell.value for cell in sheet[2]][:2] == ["测试市行政审批服务局", "测试市"]
    column = header.index("表三 一、本年新收政府信息公开申请数量 总计") + 1
    assert sheet.cell(row=2, column=column).value == 9
    assert sheet.cell(row=3, column=1).value == "合计"
    # the headers and the agency's name stay in view while scrolling, and are wide enough
    assert sheet.freeze_panes == "B2"
    assert sheet.column_dimensions["A"].width >= 20
    assert sheet.row_dimensions[1].height > 15  # the long headers wrap onto several lines
    # the second sheet says which code each header stands for, for programs
    codes = {row[1]: row[2] for row in book["代码"].iter_rows(min_row=2, values_only=True)}
    assert codes["表三 一、本年新收政府信息公开申请数量 总计"] == "t3.new_received.total"
    assert codes["机关"] == "agency"
    assert list(codes) == header


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
