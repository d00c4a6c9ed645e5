"""The agency's first day, as one journey in the browser: start a new year, see how much is
left (progress, not errors), fill every page, fix a total the grid says is wrong, reuse last
year's text, explain the warnings, and the signer submits after confirming."""

import pytest

from gkreport.reports.models import Report
from tests.browser.conftest import SCREENSHOTS
from tests.browser.test_drafting_flow import cell, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FILL = """([values, overwrite]) => {
    let filled = 0;
    for (const input of document.querySelectorAll('table.official-table input[name]')) {
        if (input.value.trim() !== '' && !overwrite) continue;
        input.value = values[input.name] ?? '0';
        input.dispatchEvent(new Event('input', {bubbles: true}));
        filled += 1;
    }
    return filled;
}"""


def save(page):
    page.click("#save") if page.locator("#save").count() else page.click("button:has-text('保存')")
    page.wait_for_load_state()


def test_new_year_fill_fix_explain_submit(page, live_server, people):
    last_year = people.report.cells  # 2023, complete: what a person would copy from their ledger
    log_in(page, live_server, "alice", "pw-alice")

    # a new year starts with progress, not with a page of errors
    page.fill("#id_year", "2024")
    page.click("text=开始填报")
    page.wait_for_load_state()
    report = Report.objects.get(agency=people.agency, year=2024)
    report_url = f"{live_server.url}/r/{report.code}/"
    page.goto(f"{live_server.url}/a/{people.agency.code}/")
    home = page.locator("main").inner_text()
    assert "格未填" in home

    # table 3: a total typed wrong is named under its cell, then fixed
    page.goto(f"{report_url}table/t3/")
    # (this year's figures happen to be last year's; 上年结转 is then warned about, see below)
    page.evaluate(FILL, [last_year, True])
    cell(page, "t3.granted.total").fill("7")
    note = page.locator('.computed[data-for="t3.granted.total"]')
    assert note.inner_text() == "按各项合计应为 6"
    save(page)
    assert "按各项合计应为 6" in page.locator("main").inner_text()
    cell(page, "t3.granted.total").fill("6")
    save(page)
    assert page.locator(".findings-summary .finding-error").count() == 0

    # the other tables: whatever is still empty, from last year's ledger
    for table in ("t2", "t4"):
        page.goto(f"{report_url}table/{table}/")
        page.evaluate(FILL, [last_year, False])
        save(page)

    # the narrative: last year's text, one click per sub-section, then saved
    page.goto(f"{report_url}info/")
    for textarea in page.locator("main textarea").all():
        if not textarea.input_value().strip():
            textarea.fill("2024年，本局认真贯彻落实《中华人民共和国政府信息公开条例》。")
    save(page)
    for part in report.fmt.parts:
        if part.table:
            continue
        page.goto(f"{report_url}part/{part.key}/")
        for button in page.locator("button.use-previous").all():
            button.click()
        for textarea in page.locator("#part-form textarea").all():
            if not textarea.input_value().strip():
                textarea.fill("本年度无此项内容。")
        save(page)
    page.screenshot(path=str(SCREENSHOTS / "journey-part-last-year.png"), full_page=True)

    # every warning is explained on the checks page
    page.goto(f"{report_url}checks/")
    explanations = page.locator("textarea.explanation")
    for index in range(explanations.count()):
        explanations.nth(index).fill("已与台账核对，数字无误。")
    if explanations.count():
        page.click("text=保存说明")
        page.wait_for_load_state()
    assert "检查通过。报送须由本机关的审核签发人（bob）操作。" in page.content()

    # the signer submits, after reading what will happen
    page.click("button:has-text('退出')")
    log_in(page, live_server, "bob", "pw-bob")
    page.goto(report_url)
    page.click("a.btn:has-text('报送')")
    dialog = page.locator("dialog#confirm-submit")
    assert "只读" in dialog.inner_text()
    page.screenshot(path=str(SCREENSHOTS / "journey-submit-dialog.png"))
    dialog.locator("button:has-text('确认报送')").click()
    page.wait_for_load_state()
    assert "已报送" in page.content()
    assert Report.objects.get(pk=report.pk).status == Report.Status.SUBMITTED
