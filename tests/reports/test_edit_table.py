"""The table pages: the official grid, saving that never loses input, findings on cells."""

import json
import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

from gkreport.reports.models import Event
from tests.reports.helpers import seen, table_post


def url(people, table="t3"):
    return f"/r/{people.report.code}/table/{table}/"


def test_it_draws_the_official_table_with_merged_headers(client, people):
    client.force_login(people.alice)
    page = client.get(url(people)).content.decode()
    assert 'rowspan="3" colspan="3"' in page  # the 勾稽关系 corner
    assert "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）" in page
    assert (
        'rowspan="22" colspan="1" class="cell-group names-row at-0" scope="row">三、本年度办理结果'
        in page
    )
    assert 'colspan="5" class="cell-header" scope="col">法人或其他组织' in page
    assert page.count('<input type="text" inputmode="decimal"') == 175
    assert 'name="t3.new_received.natural"' in page


def test_it_saves_cells_and_shows_a_wrong_total_on_its_cell_and_in_the_summary(client, people):
    client.force_login(people.alice)
    response = client.post(url(people), table_post(people.report, t3__granted__total="7"))
    assert response.status_code == 302
    people.report.refresh_from_db()
    assert people.report.cells["t3.granted.total"] == "7"  # saved although it does not add up
    page = client.get(url(people)).content.decode()
    message = "表三 （一）予以公开：自然人5＋商业企业1＋科研机构0＋社会公益组织0＋法律服务机构0＋其他0＝6，但总计填写为7"
    assert message in page
    assert 'href="#cell-t3-granted-total"' in page
    assert 'id="cell-t3-granted-total" value="7"' in page
    assert "is-invalid" in page


def test_the_save_message_points_down_to_the_summary_it_heads(client, people):
    client.force_login(people.alice)
    data = table_post(people.report, t3__granted__total="7")
    page = client.post(url(people), data, follow=True).content.decode()
    message = "已保存。本页还有2个问题，列在下方，可以稍后再改。"  # its row and its column
    assert message in page and "本页有 2 个问题" in page and "上方" not in page
    assert page.index(message) < page.index('aria-label="本页问题汇总"')
    data = table_post(people.report, t3__granted__total="6")
    page = client.post(url(people), data, follow=True).content.decode()
    assert '<div class="alert alert-success" role="alert">已保存。</div>' in page


def test_the_save_message_counts_blank_cells_as_what_is_left(client, people):
    client.force_login(people.alice)
    data = table_post(people.report, "t4", t4__review__pending="")
    page = client.post(url(people, "t4"), data, follow=True).content.decode()
    assert "已保存。表四还有1格未填，见下方。" in page


def test_it_reads_full_width_digits_separators_and_units(client, people):
    client.force_login(people.alice)
    client.post(
        url(people, "t2"), table_post(people.report, "t2", t2__licensing__decisions="１,２００件")
    )
    people.report.refresh_from_db()
    assert people.report.cells["t2.licensing.decisions"] == "１,２００件"  # kept as typed
    assert people.report.figures()["t2.licensing.decisions"] == 1200


def test_unreadable_text_is_kept_with_the_readers_message(client, people):
    client.force_login(people.alice)
    data = table_post(
        people.report,
        t3__granted__natural="五",
        t3__granted__commercial="-1",
        t3__granted__research="/",
        t3__granted__public_welfare="2.5",
        t3__granted__legal_service="12345678901234567890",
        t3__granted__other_org="",
    )
    client.post(url(people), data)
    people.report.refresh_from_db()
    assert people.report.cells["t3.granted.natural"] == "五"
    page = client.get(url(people)).content.decode()
    assert "表三 （一）予以公开 自然人：“五”不是数字" in page
    assert "表三 （一）予以公开 商业企业：不能为负数" in page
    assert (
        "表三 （一）予以公开 科研机构：填写了“/”，统计表每一格都应填写数字，没有发生的请填写0"
        in page
    )
    assert "件数应为整数，不能有小数" in page
    assert "数值过大（超过12位整数）" in page
    # A blank cell of a draft is progress, not an error (it is refused at submission).
    assert "表三 （一）予以公开 其他：未填写" not in page
    assert "表三还有1格未填" in page
    assert 'value="五"' in page


def test_an_oversized_cell_is_not_saved_but_stays_on_screen(client, people):
    client.force_login(people.alice)
    pasted = "这是一整段误粘贴进单元格里的文字" * 5
    response = client.post(
        url(people),
        table_post(people.report, t3__granted__natural=pasted, t3__granted__commercial="3"),
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "单元格内容过长（最多40个字符），这一格未保存" in page
    assert pasted in page
    people.report.refresh_from_db()
    assert people.report.cells["t3.granted.natural"] == "5"
    assert people.report.cells["t3.granted.commercial"] == "3"  # the others are saved


def test_script_in_a_cell_is_escaped(client, people):
    client.force_login(people.alice)
    client.post(url(people), table_post(people.report, t3__granted__natural="<script>x</script>"))
    page = client.get(url(people)).content.decode()
    assert "<script>x</script>" not in page
    assert "&lt;script&gt;x&lt;/script&gt;" in page


def test_a_cell_code_that_does_not_exist_is_ignored_with_a_message(client, people):
    client.force_login(people.alice)
    data = table_post(people.report, t3__granted__natural="5")
    data["t3.no_such_row.natural"] = "9"
    response = client.post(url(people), data, follow=True)
    assert "忽略了1个不属于本表的单元格，没有保存。" in response.content.decode()
    # A cell of another table is named as the template names it, never by its code.
    data = table_post(people.report, t3__granted__natural="5", t2__fees__amount="1")
    response = client.post(url(people), data, follow=True)
    named = "表二 行政事业性收费 · 本年收费金额（单位：万元）"
    assert f"忽略了1个不属于本表的单元格：{named}，没有保存。" in response.content.decode()
    people.report.refresh_from_db()
    assert "t3.no_such_row.natural" not in people.report.cells


def test_a_second_save_of_the_same_page_is_a_conflict_and_keeps_input(client, people):
    client.force_login(people.alice)
    stale = table_post(people.report, t3__granted__natural="6")
    other = table_post(people.report, t3__granted__natural="8")
    client.post(url(people), other)  # Bob's save came first
    response = client.post(url(people), stale)
    page = response.content.decode()
    assert response.status_code == 200
    assert "保存冲突：这一页已被他人（alice于" in page
    assert 'id="cell-t3-granted-natural" value="6"' in page  # the user's own input is shown
    people.report.refresh_from_db()
    assert people.report.cells["t3.granted.natural"] == "8"


def test_saves_of_different_pages_merge(client, people):
    client.force_login(people.alice)
    t2 = table_post(people.report, "t2", t2__licensing__decisions="1300")
    t3 = table_post(people.report, "t3", t3__granted__natural="6")
    client.post(url(people, "t2"), t2)
    response = client.post(url(people, "t3"), t3)
    assert response.status_code == 302
    people.report.refresh_from_db()
    assert people.report.cells["t2.licensing.decisions"] == "1300"
    assert people.report.cells["t3.granted.natural"] == "6"


def test_a_save_records_what_changed(client, people):
    client.force_login(people.alice)
    client.post(url(people), table_post(people.report, t3__granted__natural="6"))
    event = Event.objects.get(report=people.report, kind="edit")
    assert event.user == people.alice
    assert event.page == "t3"
    assert event.changes == {"t3.granted.natural": ["5", "6"]}


def test_table2_shows_last_years_in_force_for_reference(client, people):
    from tests.reports.conftest import stored_report

    last = stored_report(people.agency, year=2022)
    last.cells["t2.normative_documents.in_force"] = "18"
    last.save()
    client.force_login(people.alice)
    page = client.get(url(people, "t2")).content.decode()
    assert "上年：18" in page


def test_the_post_uses_a_bounded_number_of_queries(client, people):
    client.force_login(people.alice)
    data = table_post(people.report, t3__granted__total="7")
    with CaptureQueriesContext(connection) as queries:
        response = client.post(url(people), data)
    assert response.status_code == 302
    assert len(queries) <= 15
    with CaptureQueriesContext(connection) as queries:
        client.get(url(people))
    assert len(queries) <= 15


def test_it_checks_ownership(client, people):
    client.force_login(people.charlie)
    assert client.get(url(people)).status_code == 404
    assert (
        client.post(url(people), table_post(people.report, t3__granted__natural="1")).status_code
        == 404
    )
    people.report.refresh_from_db()
    assert people.report.cells["t3.granted.natural"] == "5"


def test_it_requires_rw_access(client, people):
    client.force_login(people.rita)
    assert client.get(url(people)).status_code == 200  # reading is allowed
    response = client.post(url(people), table_post(people.report, t3__granted__natural="1"))
    assert response.status_code == 403


def test_an_unknown_table_is_404(client, people):
    client.force_login(people.alice)
    assert client.get(url(people, "t9")).status_code == 404
    assert client.get(url(people, "s1")).status_code == 404


def test_a_submitted_report_is_read_only(client, people):
    people.report.status = "submitted"
    people.report.save()
    client.force_login(people.alice)
    page = client.get(url(people)).content.decode()
    assert "<fieldset disabled>" in page
    response = client.post(
        url(people), {"fingerprint": seen(people.report, "t3"), "t3.granted.natural": "1"}
    )
    assert "报告已报送，不能再修改" in response.content.decode()
    people.report.refresh_from_db()
    assert people.report.cells["t3.granted.natural"] == "5"


def test_each_cell_tells_the_browser_its_kind_and_the_reading_rules(client, people):
    """table.js reads a cell as the server does: the kind comes from the format, the rules
    from values.py (tests/browser/test_number_reading.py checks the reading itself)."""
    client.force_login(people.alice)
    page = client.get(url(people, "t2")).content.decode()
    assert 'name="t2.fees.amount" id="cell-t2-fees-amount"' in page
    assert 'data-code="t2.fees.amount" data-kind="amount"' in page
    assert 'data-kind="count"' in page
    assert '<script id="value-rules" type="application/json">' in page
    assert page.index("gkreport/values.") < page.index("gkreport/table.")


def summary_of(page: str) -> str:
    return page[page.index("findings-summary") : page.index('<form method="post" id="table-form">')]


def test_many_findings_are_grouped_by_kind_and_all_but_five_folded(client, people):
    cells = people.report.cells
    results = [c for c in cells if c.startswith("t3.") and c.endswith(".natural")][3:24]
    for code in results:  # every result row of one column one too high: its sums break
        cells[code] = str(int(cells[code]) + 1)
    cells["t3.granted.commercial"] = cells["t3.granted.research"] = "若干"
    people.report.save()
    client.force_login(people.alice)
    summary = summary_of(client.get(url(people)).content.decode())
    assert "<strong>勾稽关系不符</strong>" in summary
    assert "<strong>填写有误的单元格</strong> 2处" in summary
    unfolded = "".join(part.split("</details>")[-1] for part in summary.split("<details"))
    assert unfolded.count('class="finding-link"') == 5  # the grid stays on the first screen
    assert summary.count('class="finding-link"') > 20  # the rest one click away
    # each kind shows an example before any shows a fifth
    assert "表三 （一）予以公开 商业企业：“若干”不是数字" in unfolded


def test_a_new_years_table_shows_what_is_left_not_errors(client, people):
    client.force_login(people.alice)
    client.post(f"/a/{people.agency.code}/start/", {"year": 2024})
    report = people.agency.reports.get(year=2024)
    summary = summary_of(client.get(f"/r/{report.code}/table/t3/").content.decode())
    assert "表三还有168格未填（报送前须填完，没有发生的填0）" in summary
    assert "错误" not in summary and "未填写" not in summary


def test_a_returned_reports_blank_cell_is_progress_too(client, people):
    people.report.cells["t3.granted.natural"] = ""
    people.report.save()
    Report = type(people.report)
    Report.objects.filter(pk=people.report.pk).update(status="returned")
    client.force_login(people.alice)
    summary = summary_of(client.get(url(people)).content.decode())
    assert "表三还有1格未填" in summary and "错误" not in summary


def test_the_tables_text_field_says_it_is_printed_in_the_public_report(client, people):
    client.force_login(people.alice)
    page = client.get(url(people)).content.decode()
    assert "说明（可选，将印在公开的年度报告中，位于本表之前）" in page


def under(page: str, code: str) -> list[str]:
    """The short messages under a cell of the grid, as a person reads them there."""
    start = page.index('<div class="computed', page.index(f'name="{code}"'))
    cell = page[start : page.index("</td>", start)]
    return [text for text in re.findall(r">([^<]+)</div>", cell) if text.strip()]


def test_each_cells_message_shows_under_the_cell_not_only_in_a_tooltip(client, people):
    from tests.reports.conftest import stored_report

    stored_report(people.agency, year=2022)  # its 结转下年度 is 2: 上年结转 99 is warned about
    cells = people.report.cells
    cells.update({"t3.granted.natural": "62,544.3758", "t3.granted.commercial": "若干"})
    cells.update({"t3.granted.research": "/", "t3.new_received.total": "12"})
    cells["t3.carried_over.natural"] = "99"
    people.report.save()
    client.force_login(people.alice)
    page = client.get(url(people)).content.decode()
    # in the reader's own words, as the browser says them while typing
    assert under(page, "t3.granted.natural") == ["件数应为整数，不能有小数"]
    assert under(page, "t3.granted.commercial") == ["“若干”不是数字"]
    assert under(page, "t3.granted.research") == ["应填写数字，没有发生的请填写0"]
    # a total that does not add up says what it should be; both sides of 收 = 办 + 结 differ
    assert under(page, "t3.new_received.total") == ["按各项合计应为 9", "正文与统计表数字不一致"]
    assert under(page, "t3.carried_forward.natural") == ["两边合计应相等：107 ≠ 9"]
    # what only the server can tell (last year's report) is named by its kind
    assert under(page, "t3.carried_over.natural") == ["结转数与上年报告不衔接"]
    assert under(page, "t3.partially_granted.natural") == []
    assert 'class="cell-note small text-warning-emphasis">结转数与上年报告不衔接' in page
    grid = page[page.index("official-table") : page.index("</table>")]
    assert "H5" not in grid and "S1" not in grid  # words, never codes


def test_the_browser_gets_the_words_of_the_notes_and_each_cells_column(client, people):
    """table.js words its live notes from the same templates, and names the columns a
    paste was cut at as the header does (表四: under its column groups)."""
    client.force_login(people.alice)
    page = client.get(url(people)).content.decode()
    notes = re.search(r'<script id="cell-notes" type="application/json">(.*?)</script>', page)
    assert json.loads(notes.group(1))["total"] == "按各项合计应为 {total}"
    assert 'name="t3.granted.total"' in page and 'data-column="总计"' in page
    assert 'data-column="商业企业"' in page
    page = client.get(url(people, "t4")).content.decode()
    assert 'data-column="行政诉讼—复议后起诉 总计"' in page
    assert 'data-column="行政复议 结果维持"' in page
