"""Help on a table page that a person can see without hovering: each cell's message under the
cell, and a paste that did not fit says what was cut. At 1280 px and on a 390 px phone."""

import pytest

from tests.browser.conftest import SCREENSHOTS
from tests.browser.test_drafting_flow import cell, log_in, paste
from tests.reports.conftest import stored_report

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(params=[(1280, 800), (390, 844)], ids=["desktop", "phone"])
def screen(request, browser):
    width, height = request.param
    context = browser.new_context(viewport={"width": width, "height": height}, locale="zh-CN")
    page = context.new_page()
    page.width = width
    yield page
    context.close()


def under(page, code) -> str:
    """What a person reads under the cell: the live note and the server's other notes."""
    td = page.locator(f'td:has(input[name="{code}"])')
    return " | ".join(
        text.strip()
        for text in td.locator(".computed:visible, .cell-note:visible").all_inner_texts()
        if text.strip()
    )


def assert_below_its_input(page, code):
    # Both measured at once: Bootstrap scrolls smoothly, so the page may still be moving.
    box, note = page.evaluate(
        """(code) => {
            const input = document.querySelector(`input[name="${code}"]`);
            const note = input.parentNode.querySelector('.computed');
            return [input.getBoundingClientRect().toJSON(), note.getBoundingClientRect().toJSON()];
        }""",
        code,
    )
    assert note["y"] >= box["y"] + box["height"] - 1
    assert note["x"] >= box["x"] - 1 and note["x"] + note["width"] <= box["x"] + box["width"] + 1


def test_each_cell_says_what_is_wrong_under_itself(screen, live_server, people):
    page = screen
    stored_report(people.agency, year=2022)  # its 结转下年度 2 makes 上年结转 99 a warning
    people.report.cells["t3.carried_over.natural"] = "99"
    people.report.save()
    log_in(page, live_server, "alice", "pw-alice")
    page.goto(f"{live_server.url}/r/{people.report.code}/table/t3/")

    # what only the server can tell, in words, under the cell
    assert under(page, "t3.carried_over.natural") == "结转数与上年报告不衔接"
    cell(page, "t3.granted.natural").fill("62,544.3758")
    cell(page, "t3.granted.research").fill("/")
    assert under(page, "t3.granted.natural") == "件数应为整数，不能有小数"
    assert under(page, "t3.granted.research") == "应填写数字，没有发生的请填写0"
    assert_below_its_input(page, "t3.granted.natural")
    assert under(page, "t3.granted.total") == ""  # no total from a number the server refuses

    # once the cell is changed, the server's note about the old value goes
    cell(page, "t3.carried_over.natural").fill("1")
    assert under(page, "t3.carried_over.natural") == ""
    cell(page, "t3.carried_over.natural").fill("99")
    assert under(page, "t3.carried_over.natural") == "结转数与上年报告不衔接"
    cell(page, "t3.carried_over.natural").fill("1")

    page.click("#save")
    page.wait_for_load_state()
    # saved, the same words come from the server
    assert under(page, "t3.granted.natural") == "件数应为整数，不能有小数"
    assert under(page, "t3.granted.research") == "应填写数字，没有发生的请填写0"
    cell(page, "t3.granted.natural").scroll_into_view_if_needed()
    page.screenshot(path=str(SCREENSHOTS / f"table3-cell-messages-{page.width}.png"))
    assert_below_its_input(page, "t3.granted.research")
    # the grid stays usable: the page never scrolls sideways, only the table inside its box
    assert page.evaluate("document.documentElement.scrollWidth") <= page.width


def test_without_javascript_the_server_says_the_same_under_the_cell(browser, live_server, people):
    people.report.cells.update({"t3.granted.natural": "62,544.3758", "t3.granted.total": "7"})
    people.report.save()
    context = browser.new_context(java_script_enabled=False, locale="zh-CN")
    page = context.new_page()
    log_in(page, live_server, "alice", "pw-alice")
    page.goto(f"{live_server.url}/r/{people.report.code}/table/t3/")
    assert under(page, "t3.granted.natural") == "件数应为整数，不能有小数"
    assert under(page, "t3.new_received.natural") == ""
    context.close()

    people.report.cells["t3.granted.natural"] = "5"
    people.report.save()
    context = browser.new_context(java_script_enabled=False, locale="zh-CN")
    page = context.new_page()
    log_in(page, live_server, "alice", "pw-alice")
    page.goto(f"{live_server.url}/r/{people.report.code}/table/t3/")
    assert under(page, "t3.granted.total") == "按各项合计应为 6"
    context.close()


def cut_message(page) -> str:
    box = page.locator("#paste-status")
    return box.inner_text() if box.is_visible() else ""


def test_a_paste_that_does_not_fit_says_what_was_cut(screen, live_server, people):
    page = screen
    log_in(page, live_server, "alice", "pw-alice")
    page.goto(f"{live_server.url}/r/{people.report.code}/table/t3/")

    # four columns pasted at the third column from the right: one is cut
    cell(page, "t3.other_other.legal_service").scroll_into_view_if_needed()
    paste(page, "t3.other_other.legal_service", "1\t2\t3\t4\n")
    message = cut_message(page)
    assert "超出表格右边1列" in message and "只粘贴到“总计”列" in message
    assert cell(page, "t3.other_other.total").input_value() == "3"
    # the message stays in sight near the grid, above the cell pasted into
    box, target = page.evaluate(
        """() => [document.getElementById('paste-status').getBoundingClientRect().toJSON(),
                  document.activeElement.getBoundingClientRect().toJSON()]"""
    )
    assert 0 <= box["y"] and box["y"] + box["height"] <= target["y"]
    page.screenshot(path=str(SCREENSHOTS / f"table3-paste-cut-{page.width}.png"))

    # four rows pasted at the second row from the bottom: two are cut
    paste(page, "t3.total_processed.natural", "7\n2\n5\n6\n")
    message = cut_message(page)
    assert "超出表格下边2行" in message and "列" not in message.split("。")[0]
    assert cell(page, "t3.carried_forward.natural").input_value() == "2"

    # blank cells beyond the grid lose nothing: nothing to say
    paste(page, "t3.other_other.legal_service", "0\t0\t0\t\t\n")
    assert cut_message(page) == ""

    paste(page, "t3.other_other.legal_service", "1\t2\t3\t4\t5\n")
    assert "超出表格右边2列" in cut_message(page)
    page.click("#paste-status button")
    assert cut_message(page) == ""


def test_table_four_names_the_column_under_its_groups(page, live_server, people):
    log_in(page, live_server, "alice", "pw-alice")
    page.goto(f"{live_server.url}/r/{people.report.code}/table/t4/")
    paste(page, "t4.review.upheld", "\t".join(["1"] * 16) + "\n")
    message = cut_message(page)
    assert "超出表格右边1列" in message
    assert "只粘贴到“行政诉讼—复议后起诉 总计”列" in message


def test_table_two_says_what_a_shorter_row_could_not_take(page, live_server, people):
    """Table 2's lower rows have one column: a block pasted at the third column of the rows
    above loses its values there, and says so."""
    log_in(page, live_server, "alice", "pw-alice")
    page.goto(f"{live_server.url}/r/{people.report.code}/table/t2/")
    paste(page, "t2.normative_documents.in_force", "30\t1\n5\t\n")
    assert cell(page, "t2.normative_documents.in_force").input_value() == "30"
    assert cell(page, "t2.licensing.decisions").input_value() != "5"
    message = cut_message(page)
    assert "超出表格右边1列" in message and "只粘贴到“现行有效件数”列" in message
