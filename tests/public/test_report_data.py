"""The open data of one published report: every cell as CSV and JSON."""

import csv
import io
import json

import pytest

from tests.review.conftest import set_status


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


@pytest.mark.parametrize("state", ["draft", "submitted", "returned", "approved"])
def test_an_unpublished_report_is_404(client, people, state):
    set_status(people.report, state)
    for fmt in ("csv", "json"):
        url = f"/public/agency/{people.agency.code}/2023/data.{fmt}"
        assert client.get(url).status_code == 404, url
