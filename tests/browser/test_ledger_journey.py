"""An agency keeps its application ledger through the year, adopts table 3 from it, and
carries the application still open at 31 December into next year's ledger — in the
browser, under the Content-Security-Policy."""

import pytest

from gkreport.ledger.models import Entry
from gkreport.reports.models import Report
from tests.browser.conftest import SCREENSHOTS
from tests.browser.test_content_security_policy import LISTEN
from tests.browser.test_drafting_flow import cell, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Seven applications copied from a spreadsheet, from 申请编号 to 备注: one with a line break
# in its subject (quoted, as Excel copies it), one answered late, one open at year end.
ROWS = [
    [
        "A-1",
        "2023-03-01",
        "网络",
        "张三",
        "自然人",
        "某小区规划许可证",
        "予以公开",
        "",
        "2023-03-10",
        "",
        "",
    ],
    [
        "A-2",
        "2023/4/3",
        "信函",
        "聊城某建材有限公司",
        "商业企业",
        "企业扶持资金名单",
        "不予公开",
        "4.保护第三方合法权益",
        "2023-04-20",
        "",
        "",
    ],
    [
        "A-3",
        "2023年5月8日",
        "当面",
        "李四",
        "自然人",
        '"征收补偿\n安置方案"',
        "部分公开",
        "",
        "2023-05-30",
        "",
        "",
    ],
    [
        "A-4",
        "2023-06-01",
        "网络",
        "王五",
        "自然人",
        "道路工程立项批复",
        "予以公开",
        "",
        "2023-08-01",
        "",
        "补正用时10天",
    ],
    [
        "A-5",
        "2023-07-03",
        "电子邮件",
        "聊城某律师事务所",
        "法律服务机构",
        "招标文件",
        "予以公开",
        "",
        "2023-07-12",
        "",
        "",
    ],
    [
        "A-6",
        "2023-09-04",
        "网络",
        "赵六",
        "自然人",
        "十年前的审批档案",
        "无法提供",
        "1.本机关不掌握相关政府信息",
        "2023-09-20",
        "",
        "",
    ],
    ["A-7", "2023-12-27", "网络", "孙七", "自然人", "安置区建设进度", "", "", "", "", ""],
]

PASTE = """([name, text]) => {
    const target = document.querySelector(`[name="${name}"]`);
    target.focus();
    const data = new DataTransfer();
    data.setData('text/plain', text);
    target.dispatchEvent(new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true}));
}"""


@pytest.fixture
def watched(browser):
    """A page that records every Content-Security-Policy violation."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="zh-CN")
    context.add_init_script(LISTEN)
    page = context.new_page()
    yield page
    context.close()


def no_violation(page):
    assert page.evaluate("window.__violations || []") == []


def test_keep_the_ledger_adopt_table_3_and_carry_over(watched, live_server, people):
    page, base = watched, live_server.url
    log_in(page, live_server, "alice", "pw-alice")

    # the agency's page leads to the year's ledger
    page.goto(f"{base}/a/{people.agency.code}/")
    page.click(".ledger-links a:has-text('2023年')")
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "2023年依申请公开办理台账"

    # seven rows pasted into the first blank row: two more rows are added for them
    text = "\r\n".join("\t".join(row) for row in ROWS) + "\r\n"
    page.evaluate(PASTE, ["n-0-reference", text])
    assert "添加了2行" in page.locator("#paste-status").inner_text()
    assert page.locator('[name="n-2-subject"]').input_value() == "征收补偿\n安置方案"
    assert page.locator('[name="n-6-applicant"]').input_value() == "孙七"
    page.click("#save")
    page.wait_for_load_state()
    assert "已保存：新增7条。" in page.locator("main").inner_text()
    assert Entry.objects.filter(agency=people.agency, year=2023).count() == 7
    # the late reply is warned about under its row, in words
    notes = page.locator("tr.entry-notes").inner_text()
    assert "2023年8月1日答复，至少用了39个工作日，超过法定期限20个工作日" in notes
    assert "L1" not in notes
    no_violation(page)
    page.screenshot(path=str(SCREENSHOTS / "ledger-grid.png"), full_page=True)

    # a cell typed wrong is refused with the typed text kept; fixing it saves it
    page.fill('[name^="e-"][name$="-channel"] >> nth=0', "飞鸽")
    page.click("#save")
    page.wait_for_load_state()
    assert "“飞鸽”不是申请方式" in page.locator("main").inner_text()
    assert page.locator(".is-invalid").input_value() == "飞鸽"
    page.locator(".is-invalid").fill("信函")
    page.click("#save")
    page.wait_for_load_state()
    assert "已保存：修改1条。" in page.locator("main").inner_text()

    # table 3 shows the ledger's figures beside the typed ones, and nothing changes by itself
    report = people.report
    page.goto(f"{base}/r/{report.code}/table/t3/")
    beside = page.locator(".ledger-beside").inner_text()
    assert "共7条申请" in beside and "格与台账不同" in beside
    assert cell(page, "t3.granted.natural").input_value() == "5"
    assert "台账：2" in page.locator("#cell-t3-granted-natural ~ .ledger-figure").inner_text()
    no_violation(page)
    page.click("text=核对并采用台账数字")
    page.wait_for_load_state()
    assert "表三 （一）予以公开 · 自然人：5 → 2" in page.locator(".difference-list").inner_text()
    page.screenshot(path=str(SCREENSHOTS / "ledger-adopt.png"), full_page=True)
    no_violation(page)

    # adopt: it asks first, then writes the ledger's figures into table 3
    page.click("#adopt")
    page.click("dialog#adopt-dialog button:has-text('确认采用')")
    page.wait_for_load_state()
    assert "已采用台账数字" in page.locator("main").inner_text()
    assert cell(page, "t3.new_received.total").input_value() == "7"
    assert cell(page, "t3.granted.natural").input_value() == "2"
    assert cell(page, "t3.carried_forward.total").input_value() == "1"
    assert "本表与台账一致" in page.locator(".ledger-beside").inner_text()
    report.refresh_from_db()
    assert report.cells["t3.total_processed.total"] == "6"

    # next year: the application open at 31 December comes over as 上年结转
    page.goto(f"{base}/a/{people.agency.code}/")
    page.fill("#id_year", "2024")
    page.click("text=开始填报")
    page.wait_for_load_state()
    page.goto(f"{base}/a/{people.agency.code}/ledger/2024/")
    assert "2023年台账中有 1 条申请到年底未办结" in page.locator(".carry-notice").inner_text()
    page.click("text=导入上年未办结申请")
    page.wait_for_load_state()
    assert "已导入2023年未办结的申请1条，记为上年结转。" in page.locator("main").inner_text()
    row = page.locator("tr.entry-row").first
    assert row.locator('[name$="-applicant"]').input_value() == "孙七"
    assert "上年结转" in row.locator(".entry-state").inner_text()
    assert page.locator(".carry-notice").count() == 0
    # the new year's report was prefilled with the adopted 结转下年度: it agrees with the ledger
    next_year = Report.objects.get(agency=people.agency, year=2024)
    assert next_year.cells["t3.carried_over.natural"] == "1"
    page.goto(f"{base}/r/{next_year.code}/table/t3/")
    assert page.locator("#cell-t3-carried_over-natural ~ .ledger-figure").count() == 0
    no_violation(page)
