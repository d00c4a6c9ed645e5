"""Agency staff and reviewers on a phone (390×844): every page fits the screen's width (only
a table scrolls sideways, inside its own box), 退出 is on screen, a list keeps the name of
each row in view while it scrolls, and table 3 keeps its row labels beside the cells."""

import pytest

from tests.browser.conftest import SCREENSHOTS
from tests.browser.test_drafting_flow import log_in
from tests.review.conftest import batch, olivia, set_status  # noqa: F401 - fixtures

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTH, HEIGHT = 390, 844


@pytest.fixture
def phone(browser):
    context = browser.new_context(
        viewport={"width": WIDTH, "height": HEIGHT}, locale="zh-CN", is_mobile=True
    )
    page = context.new_page()
    yield page
    context.close()


def assert_fits_the_phone(page, name):
    page.screenshot(path=str(SCREENSHOTS / f"phone-{name}.png"))
    assert page.evaluate("document.scrollingElement.scrollWidth") <= WIDTH, name
    log_out = page.locator("button", has_text="退出").bounding_box()
    assert log_out is not None, name
    assert 0 <= log_out["x"] and log_out["x"] + log_out["width"] <= WIDTH, name
    assert 0 <= log_out["y"] and log_out["y"] + log_out["height"] <= HEIGHT, name


def test_every_agency_page_fits_a_phone(phone, live_server, people):
    # a long name in the header wraps as whole lines rather than pushing 退出 off screen
    people.alice.first_name = "测试市行政审批服务局政务公开科科员"
    people.alice.last_name = "欧阳"
    people.alice.save()
    report = f"/r/{people.report.code}"
    pages = {
        "home": "/",
        "agency": f"/a/{people.agency.code}/",
        "overview": f"{report}/",
        "info": f"{report}/info/",
        **{f"part-{key}": f"{report}/part/{key}/" for key in ("s1", "s5", "s6")},
        **{f"table-{key}": f"{report}/table/{key}/" for key in ("t2", "t3", "t4")},
        "checks": f"{report}/checks/",
        "check-file": "/check/",
    }
    log_in(phone, live_server, "alice", "pw-alice")
    for name, url in pages.items():
        phone.goto(live_server.url + url)
        assert_fits_the_phone(phone, name)


def test_every_office_page_fits_a_phone(phone, live_server, people, offices, batch):  # noqa: F811
    set_status(people.report, "submitted")
    office = offices.office.code
    pages = {
        "offices": "/office/",
        "dashboard": f"/office/{office}/2023/",
        "cross-checks": f"/office/{office}/2023/cross/",
        "batches": f"/office/{office}/batches/",
        "batch": f"/office/{office}/batches/{batch.code}/",
        "review": f"/review/{people.report.code}/",
    }
    log_in(phone, live_server, "olivia", "pw-olivia")
    for name, url in pages.items():
        phone.goto(live_server.url + url)
        assert_fits_the_phone(phone, name)


def test_the_dashboard_keeps_the_agency_in_view_while_it_scrolls(
    phone, live_server, people, offices
):
    log_in(phone, live_server, "olivia", "pw-olivia")
    phone.goto(f"{live_server.url}/office/{offices.office.code}/2023/")
    table = phone.locator("main table.table")
    assert table.evaluate("t => t.scrollWidth > t.clientWidth")  # wider than the phone
    name = phone.locator("td", has_text="测试市行政审批服务局")
    left = name.bounding_box()["x"]
    table.evaluate("t => { t.scrollLeft = t.scrollWidth; }")
    phone.screenshot(path=str(SCREENSHOTS / "phone-dashboard-scrolled.png"))
    assert name.bounding_box()["x"] == pytest.approx(left, abs=1)
    # the headings keep their words on one line
    heading = phone.locator("main table.table th", has_text="截止日期").bounding_box()
    assert heading["height"] < 40


def test_table3_keeps_its_row_labels_beside_the_cells(phone, live_server, people):
    log_in(phone, live_server, "alice", "pw-alice")
    phone.goto(f"{live_server.url}/r/{people.report.code}/table/t3/")
    label = phone.locator("th", has_text="1.属于国家秘密")
    group = phone.locator("th", has_text="（三）不予公开")
    wrapper = phone.locator(".table-responsive")
    wrapper.evaluate("w => { w.scrollLeft = w.scrollWidth; }")  # to the 总计 column
    total = phone.locator('input[name="t3.denied_state_secret.total"]')
    phone.screenshot(path=str(SCREENSHOTS / "phone-table3-scrolled.png"))
    total_box, label_box, group_box = (
        total.bounding_box(),
        label.bounding_box(),
        group.bounding_box(),
    )
    # the labels are still on screen, side by side, and the cell right of them
    assert 0 <= group_box["x"] < label_box["x"]
    assert group_box["x"] + group_box["width"] <= label_box["x"] + 1
    assert label_box["x"] + label_box["width"] <= total_box["x"] + 1
    assert total_box["x"] + total_box["width"] <= WIDTH
    # typing goes on beside the labels: the cell reached with the keyboard is not under them
    total.focus()
    for _ in range(6):
        phone.keyboard.press("ArrowLeft")
    focused = phone.evaluate("document.activeElement.name")
    assert focused == "t3.denied_state_secret.natural"
    box = phone.locator(f'input[name="{focused}"]').bounding_box()
    assert box["x"] >= label_box["x"] + label_box["width"] - 1
