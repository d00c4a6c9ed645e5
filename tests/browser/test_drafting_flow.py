"""An editor drafts table 3 in the browser; the signer submits; the report locks."""

import pytest

from gkreport.reports.models import Report
from tests.browser.conftest import SCREENSHOTS  # noqa: E402

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(page, live_server, username, password):
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("button[type=submit]")
    page.wait_for_load_state()


def cell(page, code):
    return page.locator(f'input[name="{code}"]')


def paste(page, code, text):
    page.evaluate(
        """([code, text]) => {
            const input = document.querySelector(`input[name="${code}"]`);
            input.focus();
            const data = new DataTransfer();
            data.setData('text/plain', text);
            input.dispatchEvent(new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true}));
        }""",
        [code, text],
    )


def test_draft_check_explain_submit_lock(page, live_server, people):
    people.report.cells["t2.fees.amount"] = "15.5 万元"  # a warning to explain later
    people.report.save()
    report_url = f"{live_server.url}/r/{people.report.code}/"

    log_in(page, live_server, "alice", "pw-alice")
    page.click("text=打开")
    page.click("text=三、收到和处理政府信息公开申请情况")

    # one wrong total: the live sum says what it should be, the typed value stays
    cell(page, "t3.granted.total").fill("7")
    computed = page.locator('.computed[data-for="t3.granted.total"]')
    assert computed.inner_text() == "按各项合计应为 6"
    assert cell(page, "t3.granted.total").input_value() == "7"
    page.click("#save")
    page.wait_for_load_state()
    summary = page.locator(".findings-summary")
    message = "表三 （一）予以公开：自然人5＋商业企业1＋科研机构0＋社会公益组织0＋法律服务机构0＋其他0＝6，但总计填写为7"
    assert message in summary.inner_text()
    assert "is-invalid" in cell(page, "t3.granted.total").get_attribute("class")
    page.screenshot(path=str(SCREENSHOTS / "table3-wrong-total.png"), full_page=True)

    # the total column no longer adds up either (H2); each summary entry links to its cell
    assert "表三 总计列：" in summary.inner_text()
    summary.locator("a.finding-link", has_text="（一）予以公开：").click()
    page.wait_for_url("**#cell-t3-granted-total")

    # fix it, and paste a row copied from a spreadsheet: 1 more application refused
    cell(page, "t3.granted.total").fill("6")
    paste(page, "t3.denied_third_party.natural", "1\t0\t0\t0\t0\t0\t1\n")
    assert cell(page, "t3.denied_third_party.total").input_value() == "1"
    assert (
        page.locator('.computed[data-for="t3.total_processed.natural"]').inner_text()
        == "按各项合计应为 8"
    )
    cell(page, "t3.total_processed.natural").fill("8")
    cell(page, "t3.total_processed.total").fill("9")
    cell(page, "t3.new_received.natural").press("Control+a")
    cell(page, "t3.new_received.natural").fill("9")
    cell(page, "t3.new_received.natural").press("ArrowRight")  # spreadsheet keys move on
    cell(page, "t3.new_received.total").fill("10")
    cell(page, "t3.new_received.total").press("Enter")
    assert page.evaluate("document.activeElement.name") == "t3.carried_over.total"
    page.click("#save")
    page.wait_for_load_state()
    # no error left; the summary now warns that part 一 quotes 9 applications, not 10
    assert page.locator(".findings-summary .finding-error").count() == 0
    summary_text = page.locator(".findings-summary").inner_text()
    assert "正文写“全年共收到政府信息公开申请9件”" in summary_text
    assert "S3.received" not in summary_text  # codes only in a tooltip
    page.screenshot(path=str(SCREENSHOTS / "table3-fixed.png"), full_page=True)
    stored = Report.objects.get(pk=people.report.pk).cells
    assert stored["t3.denied_third_party.natural"] == "1" and stored["t3.granted.total"] == "6"

    # the checks page now also warns that part 一 quotes 9 applications while table 3 says 10;
    # both warnings get an explanation
    page.click("text=检查结果")
    assert (
        "正文写“全年共收到政府信息公开申请9件”，但表三 一、本年新收政府信息公开申请数量 总计为10"
        in page.content()
    )
    page.fill('textarea[name="S4.format"]', "财务系统导出时带了单位，金额已核对无误。")
    page.fill('textarea[name="S3.received"]', "正文数字为11月底统计，以表三为准。")
    page.click("text=保存说明")
    page.wait_for_load_state()
    assert "检查通过。报送须由本机关的审核签发人（bob）操作。" in page.content()  # alice edits

    # the signer submits
    page.click("button:has-text('退出')")
    log_in(page, live_server, "bob", "pw-bob")
    page.goto(report_url)
    page.click("a.btn:has-text('报送')")  # asks first
    page.click("dialog#confirm-submit button:has-text('确认报送')")
    page.wait_for_load_state()
    assert "已报送。报告已锁定，退回前不能再修改。" in page.content()

    # the editor finds it locked
    page.click("button:has-text('退出')")
    log_in(page, live_server, "alice", "pw-alice")
    page.goto(f"{report_url}table/t3/")
    assert page.locator("fieldset[disabled]").count() == 1
    assert cell(page, "t3.granted.natural").is_disabled()
    assert page.locator("#save").count() == 0
    assert "只读" in page.locator(".badge.text-bg-secondary").inner_text()
    assert Report.objects.get(pk=people.report.pk).status == "submitted"
