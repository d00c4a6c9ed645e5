"""下载Excel模板: the grid's header, drop-down lists of the template's categories, notes."""

from gkreport.ledger.fields import FIELDS
from tests.ledger.conftest import read_workbook


def url(people, year=2023):
    return f"/a/{people.agency.code}/ledger/{year}/template.xlsx"


def test_it_checks_ownership(client, people):
    client.force_login(people.charlie)
    assert client.get(url(people)).status_code == 404


def test_readers_may_download_it_too(client, people):
    client.force_login(people.rita)
    assert client.get(url(people)).status_code == 200


def test_the_template_has_the_header_lists_and_notes(client, people):
    client.force_login(people.alice)
    response = client.get(url(people))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "filename*=UTF-8''" in response["Content-Disposition"]
    book = read_workbook(response.content)
    sheet = book["台账"]
    assert [cell.value for cell in sheet[1]] == [f.label for f in FIELDS]
    lists = {book["选项"].cell(1, c).value: c for c in range(1, 6)}
    outcomes = [book["选项"].cell(r, lists["办理结果"]).value for r in range(2, 8)]
    assert outcomes == ["予以公开", "部分公开", "不予公开", "无法提供", "不予处理", "其他处理"]
    assert book["选项"].sheet_state == "hidden"
    sources = [v.formula1 for v in sheet.data_validations.dataValidation]
    assert len(sources) == 5 and all(s.startswith("'选项'!$") for s in sources)
    assert "必须填写" in book["填写说明"]["A2"].value
