"""The ledger's grid: applications typed or pasted row by row, read back exactly, nothing
typed lost, findings shown with their row, pages of 100."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext

from gkreport.ledger.grid import MAX_NEW_ROWS
from gkreport.ledger.models import Entry
from tests.ledger.conftest import entry, ledger_url
from tests.reports.conftest import stored_report
from tests.review.conftest import set_status
from tests.visible_text import codes_in, visible


def row(key, **fields):
    return {f"{key}-{name}": value for name, value in fields.items()}


def existing(item, **fields):
    """The POST of a stored application's row: what the page shows, with some changes."""
    from gkreport.formats import format_for_year
    from gkreport.formats.ledger import ledger_terms
    from gkreport.ledger.fields import entry_values

    item.refresh_from_db()
    shown = entry_values(item, ledger_terms(format_for_year(item.year)))
    key = f"e-{item.code}"
    data = row(key, **{**shown, **fields})
    data[f"{key}-v"] = str(item.version)
    return data


def test_it_checks_ownership(client, people):
    client.force_login(people.charlie)
    assert client.get(ledger_url(people)).status_code == 404
    response = client.post(ledger_url(people), row("n-0", received_on="2023-03-01"))
    assert response.status_code == 404
    assert not Entry.objects.exists()


def test_it_requires_rw_access(client, people):
    entry(people.agency, received="2023-03-01", replied="2023-03-02")
    client.force_login(people.rita)
    page = client.get(ledger_url(people)).content.decode()
    assert "<fieldset disabled>" in page and 'id="save"' not in page
    response = client.post(ledger_url(people), row("n-0", received_on="2023-03-01"))
    assert response.status_code == 403


def test_there_is_no_ledger_before_the_first_format_or_after_this_year(client, people):
    client.force_login(people.alice)
    assert client.get(ledger_url(people, 2018)).status_code == 404
    next_year = datetime.date.today().year + 1
    assert client.get(ledger_url(people, next_year)).status_code == 404


def test_rows_typed_in_the_templates_words_are_stored_by_category(client, people):
    client.force_login(people.alice)
    data = {"page": "1"}
    data |= row(
        "n-0",
        received_on="2023/3/5",
        channel="网上申请",
        applicant="张三",
        applicant_type="自然人",
        subject="某某项目的环评批复",
        outcome="不予公开",
        reason="1.属于国家秘密",
        replied_on="2023年3月20日",
    )
    data |= row("n-1", received_on="45000", applicant_type="法律服务机构", outcome="部分公开")
    data |= row("n-2", received_on="2023-12-30", applicant_type="其他", extended="是")
    response = client.post(ledger_url(people), data)
    first = Entry.objects.get(applicant="张三")
    assert response.status_code == 302
    assert response["Location"].endswith(f"?page=1#entry-{first.code.hex}")
    assert (first.received_on, first.channel, first.outcome, first.reason) == (
        datetime.date(2023, 3, 5),
        "online",
        "denied",
        "denied_state_secret",
    )
    assert first.replied_on == datetime.date(2023, 3, 20) and first.applicant_type == "natural"
    second = Entry.objects.get(applicant_type="legal_service")
    assert second.received_on == datetime.date(2023, 3, 15)  # a spreadsheet's serial number
    assert Entry.objects.get(applicant_type="other_org").extended is True
    page = client.get(response["Location"]).content.decode()
    assert "已保存：新增3条。" in page
    assert 'value="1.属于国家秘密"' in page and 'value="2023-03-20"' in page


def test_an_outcome_written_with_its_reason_sets_both(client, people):
    client.force_login(people.alice)
    data = row(
        "n-0", received_on="2023-03-01", applicant_type="自然人", outcome="无法提供（不掌握）"
    )
    client.post(ledger_url(people), data)
    item = Entry.objects.get()
    assert (item.outcome, item.reason) == ("unavailable", "unavailable_not_held")


def test_a_refused_field_keeps_its_stored_value_and_shows_the_typed_text(client, people):
    item = entry(people.agency, received="2023-03-01")
    client.force_login(people.alice)
    data = existing(item, received_on="2023-02-30", outcome="予以公开", replied_on="2023-03-10")
    response = client.post(ledger_url(people), data)
    assert response.status_code == 200
    page = response.content.decode()
    item.refresh_from_db()
    assert item.received_on == datetime.date(2023, 3, 1)  # unchanged
    assert item.outcome == "granted" and item.replied_on == datetime.date(2023, 3, 10)  # saved
    assert 'value="2023-02-30"' in page and "“2023-02-30”不是存在的日期" in page
    assert "修改1条；标红的内容没有保存（原内容不变），下面仍是您输入的文字" in page


def test_a_new_row_with_a_cell_that_cannot_be_read_comes_back_as_typed(client, people):
    client.force_login(people.alice)
    data = row("n-0", received_on="2023-03-01", applicant_type="市民", subject="公交线路")
    data |= row("n-1", received_on="2023-03-02", applicant_type="自然人")
    page = client.post(ledger_url(people), data).content.decode()
    assert Entry.objects.count() == 1  # the readable row
    assert 'value="市民"' in page and "公交线路</textarea>" in page
    assert (
        "“市民”不是申请人类型，请填写自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他"
        in page
    )


def test_required_cells_and_dates_outside_the_year_are_refused(client, people):
    client.force_login(people.alice)
    data = row("n-0", applicant_type="自然人", subject="没有日期")
    data |= row("n-1", received_on="2024-01-02", applicant_type="自然人")
    data |= row("n-2", received_on="2023-03-05", replied_on="2023-03-01", applicant_type="自然人")
    page = client.post(ledger_url(people), data).content.decode()
    assert not Entry.objects.exists()
    assert "必须填写" in page
    assert "晚于2023年12月31日：这件申请应记入2024年的台账" in page
    assert "答复日期早于收到申请的日期" in page


def test_a_row_changed_by_someone_else_meanwhile_is_not_overwritten(client, people):
    item = entry(people.agency, received="2023-03-01")
    client.force_login(people.alice)
    data = existing(item, applicant="阿丽斯")
    Entry.objects.filter(pk=item.pk).update(applicant="鲍勃", version=2)  # Bob saved first
    page = client.post(ledger_url(people), data).content.decode()
    item.refresh_from_db()
    assert item.applicant == "鲍勃"
    assert 'value="阿丽斯"' in page and "这一行已被他人修改，您的修改没有保存" in page
    # saving the same text again is refused again until the page is reloaded
    client.post(ledger_url(people), data)
    item.refresh_from_db()
    assert item.applicant == "鲍勃"


def test_a_row_deleted_by_someone_else_comes_back_as_a_new_row(client, people):
    item = entry(people.agency, received="2023-03-01")
    client.force_login(people.alice)
    data = existing(item, applicant="阿丽斯")
    item.delete()
    page = client.post(ledger_url(people), data).content.decode()
    assert (
        "这一行已被他人删除" in page
        and 'value="阿丽斯"' in page
        and 'name="n-900000-applicant"' in page
    )


def test_rows_are_deleted_when_ticked(client, people):
    item = entry(people.agency, received="2023-03-01")
    client.force_login(people.alice)
    data = existing(item) | {f"e-{item.code}-del": "1"}
    page = client.post(ledger_url(people), data, follow=True).content.decode()
    assert not Entry.objects.exists() and "已保存：删除1条。" in page


def test_findings_show_under_their_row_and_in_the_summary(client, people):
    late = entry(people.agency, received="2023-03-01", replied="2023-05-05")
    missing = entry(people.agency, received="2023-03-02", replied="2023-03-03", outcome="denied")
    client.force_login(people.alice)
    page = client.get(ledger_url(people)).content.decode()
    assert "台账检查：" in page and "1个错误" in page and "1个警告" in page
    assert f'href="?page=1#entry-{missing.code.hex}"' in page
    assert "办理结果为“（三）不予公开”，未填写具体情形（须为该类8种情形之一）" in page
    assert "至少用了38个工作日，超过法定期限20个工作日" in page  # 清明, 劳动节 counted out
    assert f'id="entry-{late.code.hex}" class="entry-row has-warning"' in page
    assert codes_in(page) == []


def test_the_ledger_is_read_only_once_the_years_report_is_submitted(client, people):
    set_status(people.report, "submitted")
    client.force_login(people.alice)
    page = client.get(ledger_url(people)).content.decode()
    assert "2023年度报告已报送，台账随报告只读。" in page and "<fieldset disabled>" in page
    data = row("n-0", received_on="2023-03-01", applicant_type="自然人", applicant="张三")
    page = client.post(ledger_url(people), data).content.decode()
    assert not Entry.objects.exists()
    assert "您的输入没有保存" in page and 'value="张三"' in page


def test_too_many_new_rows_at_once_are_refused_and_shown_back(client, people):
    client.force_login(people.alice)
    data = {}
    for index in range(MAX_NEW_ROWS + 1):
        data |= row(f"n-{index}", received_on="2023-03-01", applicant_type="自然人")
    page = client.post(ledger_url(people), data).content.decode()
    assert not Entry.objects.exists()
    assert (
        f"一次最多新增{MAX_NEW_ROWS}条申请" in page
        and f'name="n-{MAX_NEW_ROWS}-received_on"' in page
    )


def test_a_full_ledger_takes_no_more(client, people, settings):
    settings.LEDGER_MAX_ENTRIES = 1
    entry(people.agency)
    client.force_login(people.alice)
    page = client.post(
        ledger_url(people), row("n-0", received_on="2023-03-01", applicant_type="自然人")
    ).content.decode()
    assert Entry.objects.count() == 1 and "台账最多1条申请" in page


def test_pages_hold_a_hundred_applications_and_the_last_opens_first(client, people):
    start = datetime.date(2023, 1, 1)
    Entry.objects.bulk_create(
        Entry(
            agency=people.agency,
            year=2023,
            received_on=start + datetime.timedelta(days=n % 300),
            applicant_type="natural",
        )
        for n in range(250)
    )
    client.force_login(people.alice)
    with CaptureQueriesContext(connection) as queries:
        last = client.get(ledger_url(people)).content.decode()
    assert grid_rows(last) == 50 + 5  # the last page, and rows to type in
    assert '<input type="hidden" name="page" value="3">' in last
    first = client.get(ledger_url(people) + "?page=1").content.decode()
    assert grid_rows(first) == 100 + 5
    assert len(queries) < 20
    assert "共 250 条申请" in " ".join(visible(first).split())


def test_the_agency_page_links_to_the_ledgers(client, people):
    stored_report(people.agency, year=2022)
    client.force_login(people.alice)
    page = client.get(f"/a/{people.agency.code}/").content.decode()
    assert f'href="/a/{people.agency.code}/ledger/2023/">2023年</a>' in page
    assert f'href="/a/{people.agency.code}/ledger/2022/">2022年</a>' in page


def grid_rows(page):
    """The rows of the grid (not the blank one ledger.js copies for 添加一行)."""
    return page.split("<template")[0].count('class="entry-row')


def test_rows_typed_when_the_session_expired_come_back_after_logging_in(client, people):
    data = row("n-0", received_on="2023-03-01", applicant_type="自然人", applicant="张三")
    response = client.post(ledger_url(people), data)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    client.force_login(people.alice)
    page = client.get(ledger_url(people)).content.decode()
    assert "登录已过期" in page and 'value="张三"' in page
    assert not Entry.objects.exists()  # shown, not saved until 保存


def test_the_admin_names_applications_in_words(client, people):
    from django.contrib.auth.models import User

    entry(
        people.agency,
        received="2023-03-01",
        replied="2023-03-05",
        outcome="denied",
        reason="denied_state_secret",
        applicant_type="legal_service",
    )
    client.force_login(User.objects.create_superuser("ada", "ada@example.cn", "pw-ada"))
    page = client.get("/admin/ledger/entry/").content.decode()
    assert "法律服务机构" in page and "不予公开 1.属于国家秘密" in page
    assert "legal_service" not in visible(page)


def test_a_refused_row_that_moved_to_another_page_is_still_shown(client, people):
    item = entry(people.agency, received="2023-12-31")
    client.force_login(people.alice)
    data = existing(item, received_on="2023-13-01") | {"page": "1"}
    # meanwhile 100 applications received earlier push it onto page 2
    Entry.objects.bulk_create(
        Entry(
            agency=people.agency,
            year=2023,
            received_on=datetime.date(2023, 1, 2),
            applicant_type="natural",
        )
        for _ in range(100)
    )
    page = client.post(ledger_url(people), data).content.decode()
    assert 'value="2023-13-01"' in page and "“2023-13-01”不是存在的日期" in page


def test_a_page_number_that_is_not_one_opens_the_last_page(client, people):
    entry(people.agency, received="2023-03-01")
    client.force_login(people.alice)
    for text in ("²", "9" * 5000, "-1", "abc"):
        page = client.get(ledger_url(people), {"page": text}).content.decode()
        assert '<input type="hidden" name="page" value="1">' in page
    data = existing(Entry.objects.get(), applicant="张三") | {"page": "²"}
    response = client.post(ledger_url(people), data)
    assert response.status_code == 302 and response["Location"] == ledger_url(people)
