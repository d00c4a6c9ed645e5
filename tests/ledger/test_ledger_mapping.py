"""从Excel导入, step 2: the file's columns mapped (guessed from its header), every row
previewed, then the readable rows imported — never twice."""

import datetime

from gkreport.ledger.access import Ledger
from gkreport.ledger.excel import read_file
from gkreport.ledger.importing import import_rows, preview, store_upload, upload_sheet
from gkreport.ledger.models import Entry, Upload
from tests.ledger.conftest import entry, workbook

HEADER = [
    "序号",
    "受理日期",
    "申请人",
    "申请人类别",
    "申请内容",
    "答复结果",
    "理由",
    "答复日期",
    "延期",
]
ROWS = [
    [1, "2023-03-01", "张三", "自然人", "规划图", "予以公开", "", "2023-03-10", ""],
    [2, "2023/3/5", "某公司", "企业", "环评批复", "不予公开", "第三方合法权益", "2023-03-20", ""],
    [3, "2023年3月7日", "李四", "个人", "征收方案", "无法提供", "", "2023-03-21", ""],
    [4, "明天", "王五", "外星人", "什么", "已办结", "", "", "也许"],
    [5, "2023-12-30", "赵六", "自然人", "年底申请", "", "", "", ""],
]


def stored(people, rows=ROWS):
    sheet = read_file("台账.xlsx", workbook(HEADER, *rows))
    return store_upload(ledger(people), people.alice, "台账.xlsx", sheet)


def ledger(people, year=2023):
    membership = people.alice.memberships.get()
    return Ledger(people.agency, year, membership, people.report)


def url(people, upload, year=2023):
    return f"/a/{people.agency.code}/ledger/{year}/import/{upload.code}/"


def guessed():
    return {
        "column-1": "received_on",
        "column-2": "applicant",
        "column-3": "applicant_type",
        "column-4": "subject",
        "column-5": "outcome",
        "column-6": "reason",
        "column-7": "replied_on",
        "column-8": "extended",
    }


def test_it_checks_ownership(client, people):
    upload = stored(people)
    client.force_login(people.charlie)
    assert client.get(url(people, upload)).status_code == 404
    client.force_login(people.alice)
    assert client.get(url(people, upload, 2022)).status_code == 404  # another year's


def test_it_requires_rw_access(client, people):
    upload = stored(people)
    client.force_login(people.rita)
    assert client.post(url(people, upload), guessed() | {"action": "import"}).status_code == 403


def test_the_mapping_is_guessed_from_the_header(client, people):
    client.force_login(people.alice)
    page = client.get(url(people, stored(people))).content.decode()
    for column, name in guessed().items():
        assert f'<select name="{column}"' in page
        chosen = page.split(f'<select name="{column}"')[1].split("</select>")[0]
        assert f'value="{name}" selected' in chosen, column
    first = page.split('<select name="column-0"')[1].split("</select>")[0]
    assert "selected" not in first  # 序号 is not imported


def test_the_preview_lists_every_row_that_cannot_be_imported_and_why(client, people):
    client.force_login(people.alice)
    page = client.post(url(people, stored(people)), guessed() | {"action": "preview"}).content
    page = page.decode()
    assert "可以导入 <strong>4</strong> 行" in page and "1 行有问题，不导入" in page
    assert "第5行：收到申请日期“明天”：“明天”不是日期" in page
    assert "申请人类型“外星人”：“外星人”不是申请人类型" in page
    assert "办理结果“已办结”：“已办结”不是办理结果的类别" in page
    assert "延期答复“也许”：“也许”看不出是否延期" in page
    assert "导入4行" in page and not Entry.objects.exists()


def test_a_mapping_without_a_required_column_or_with_a_column_twice_is_refused(client, people):
    client.force_login(people.alice)
    data = guessed() | {"column-3": "", "column-4": "applicant", "action": "import"}
    page = client.post(url(people, stored(people)), data).content.decode()
    assert "“申请人”对应了不止一列" in page
    assert "请指定文件中哪一列是“申请人类型”（必须导入）" in page
    assert not Entry.objects.exists()


def test_importing_stores_the_readable_rows_once(client, people):
    client.force_login(people.alice)
    upload = stored(people)
    page = client.post(url(people, upload), guessed() | {"action": "import"}, follow=True)
    page = page.content.decode()
    assert "已从“台账.xlsx”导入4条申请。另有1行有问题，没有导入" in page
    assert not Upload.objects.exists()
    company = Entry.objects.get(applicant="某公司")
    assert (company.applicant_type, company.outcome, company.reason) == (
        "commercial",
        "denied",
        "denied_third_party",
    )
    assert Entry.objects.get(applicant="李四").received_on == datetime.date(2023, 3, 7)
    # the same file again: nothing twice
    again = stored(people)
    page = client.post(url(people, again), guessed() | {"action": "preview"}).content.decode()
    assert "可以导入 <strong>0</strong> 行" in page and "4 行已在台账中，不重复导入" in page


def test_an_application_with_a_number_is_the_same_whatever_else_changed(people):
    entry(people.agency, received="2023-03-01", reference="GK-7")
    sheet = read_file(
        "台账.xlsx",
        workbook(["申请编号", "收到申请日期", "申请人类型"], ["GK-7", "2023-03-02", "自然人"]),
    )
    mapping = {0: "reference", 1: "received_on", 2: "applicant_type"}
    result = preview(ledger(people), sheet, mapping)
    assert result.duplicates == [2] and result.ready == []


def test_a_full_ledger_takes_no_import(client, people, settings):
    upload = stored(people)
    settings.LEDGER_MAX_ENTRIES = 2
    client.force_login(people.alice)
    page = client.post(url(people, upload), guessed() | {"action": "import"}).content
    assert "台账最多2条申请，还能导入2条，这次有4条，没有导入。" in page.decode()
    assert not Entry.objects.exists()


def test_the_stored_cells_are_the_files(people):
    upload = stored(people)
    sheet = upload_sheet(upload)
    assert sheet.header == HEADER and sheet.rows[0][1] == "2023-03-01"
    assert import_rows(ledger(people), []) == 0


def test_a_line_repeated_in_the_file_is_imported_once(client, people):
    client.force_login(people.alice)
    upload = stored(people, [ROWS[0], ROWS[0], ROWS[1]])
    page = client.post(url(people, upload), guessed() | {"action": "import"}, follow=True)
    assert page.status_code == 200
    assert Entry.objects.filter(agency=people.agency, year=2023).count() == 2


def test_a_second_import_of_the_same_file_imports_nothing(people):
    from gkreport.ledger.importing import import_upload

    upload = stored(people)
    sheet = upload_sheet(upload)
    mapping = {int(key.split("-")[1]): name for key, name in guessed().items()}
    first = import_upload(ledger(people), upload, sheet, mapping)
    assert first == 4 and import_upload(ledger(people), upload, sheet, mapping) is None
    assert Entry.objects.filter(agency=people.agency, year=2023).count() == 4
