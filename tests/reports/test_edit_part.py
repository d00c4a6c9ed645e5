import html

from gkreport.vocabulary import Status
from tests.reports.conftest import stored_report
from tests.reports.helpers import seen


def url(people, part="s1"):
    return f"/r/{people.report.code}/part/{part}/"


def post(people, part="s1", **pieces):
    return {"fingerprint": seen(people.report, part), **pieces}


def test_it_shows_the_official_sub_headings_with_hints(client, people):
    client.force_login(people.alice)
    page = client.get(url(people)).content.decode()
    for heading in (
        "（一）主动公开",
        "（二）依申请公开",
        "（三）政府信息管理",
        "（四）政府信息公开平台建设",
        "（五）监督保障",
    ):
        assert heading in page
    assert "数字须与表三一致" in page  # the hint under （二）
    assert 'data-count="1"' in page  # character counts


def test_part_six_hint_asks_for_the_fee_statement(client, people):
    client.force_login(people.alice)
    page = client.get(url(people, "s6")).content.decode()
    assert "未收取也须写明“未收取信息处理费”" in page


def test_it_saves_the_sub_sections(client, people):
    client.force_login(people.alice)
    response = client.post(
        url(people),
        post(
            people,
            intro="总体情况。",
            **{"1": "（一）主动公开\n公开信息500条。", "3": "（三）政府信息管理\n规范管理。"},
        ),
    )
    assert response.status_code == 302
    people.report.refresh_from_db()
    assert people.report.narrative["s1"] == {
        "intro": "总体情况。",
        "1": "（一）主动公开\n公开信息500条。",
        "3": "（三）政府信息管理\n规范管理。",
    }
    assert people.report.sections()["s1"].startswith("总体情况。（一）主动公开")


def test_text_is_stored_as_typed_and_escaped_when_shown(client, people):
    client.force_login(people.alice)
    client.post(url(people, "s5"), post(people, "s5", intro="<script>alert(1)</script>问题"))
    people.report.refresh_from_db()
    assert people.report.narrative["s5"]["intro"] == "<script>alert(1)</script>问题"
    page = client.get(url(people, "s5")).content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;问题" in page


def test_findings_of_the_part_are_shown(client, people):
    client.force_login(people.alice)
    page = client.post(
        url(people),
        post(people, **{"2": "（二）依申请公开\n全年共收到政府信息公开申请12件。"}),
        follow=True,
    ).content.decode()
    assert "已保存。本页还有1个问题，列在下方，可以稍后再改。" in page
    assert (
        "正文写“全年共收到政府信息公开申请12件”，但表三 一、本年新收政府信息公开申请数量 总计为9"
        in page
    )


def test_last_years_text_is_shown_for_reference(client, people):
    last = stored_report(people.agency, year=2022)
    last.narrative["s5"] = {"intro": "去年的问题是信息更新不及时。"}
    last.save()
    client.force_login(people.alice)
    page = client.get(url(people, "s5")).content.decode()
    assert "上年报告（2022年度）参考" in page
    assert "去年的问题是信息更新不及时。" in page


def test_a_conflicting_save_keeps_the_text(client, people):
    client.force_login(people.alice)
    stale = post(people, "s5", intro="我的修改")
    client.post(url(people, "s5"), post(people, "s5", intro="别人的修改"))
    page = client.post(url(people, "s5"), stale).content.decode()
    assert "保存冲突" in page and "我的修改" in page
    people.report.refresh_from_db()
    assert people.report.narrative["s5"]["intro"] == "别人的修改"


def test_an_oversized_text_is_refused_but_kept_on_screen(client, people):
    client.force_login(people.alice)
    text = "字" * 30001
    response = client.post(url(people, "s5"), post(people, "s5", intro=text))
    assert response.status_code == 200
    assert text in response.content.decode()


def test_it_checks_ownership(client, people):
    client.force_login(people.charlie)
    assert client.get(url(people)).status_code == 404
    assert client.post(url(people), post(people, intro="x")).status_code == 404


def test_it_requires_rw_access(client, people):
    client.force_login(people.rita)
    assert client.post(url(people), post(people, intro="x")).status_code == 403


def test_a_table_part_is_not_a_narrative_page(client, people):
    client.force_login(people.alice)
    assert client.get(url(people, "s3")).status_code == 404
    assert client.get(url(people, "info")).status_code == 404


def stored_s1(people):
    people.report.refresh_from_db()
    return people.report.narrative["s1"]


def test_a_refused_sub_section_keeps_the_stored_text_and_shows_the_typed_one(client, people):
    client.force_login(people.alice)
    before = stored_s1(people)
    typed = "新" * 30001
    response = client.post(url(people), post(people, intro="新的开头。", **{"1": typed}))
    page = response.content.decode()
    assert response.status_code == 200
    assert typed in page  # shown back intact
    assert "内容过长：30001个字，上限30000个字" in page
    assert "标红的一项没有保存（原内容不变）" in page
    after = stored_s1(people)
    assert after["1"] == before["1"]  # the stored text of the refused field survives
    assert after["intro"] == "新的开头。"  # the rest is saved


def test_line_breaks_count_as_the_browser_counts_them(client, people):
    """A browser's maxlength counts a line break as one character but posts CRLF."""
    client.force_login(people.alice)
    lines = "字" * 50 + "\r\n"
    text = lines * 588  # 30,576 characters as posted, 29,988 as the browser counts
    response = client.post(url(people), post(people, **{"1": text}))
    assert response.status_code == 302
    assert stored_s1(people)["1"] == text.replace("\r\n", "\n")


def test_pasted_control_characters_are_dropped_with_a_message(client, people):
    client.force_login(people.alice)
    text = "第一段\x00。\x0b第二段\x0c第三段\x07。"
    response = client.post(url(people), post(people, **{"2": text}), follow=True)
    assert "有2个不可见的控制字符（来自Word/WPS等），已删除" in response.content.decode()
    assert stored_s1(people)["2"] == "第一段。\n第二段\n第三段。"


def test_the_page_says_its_text_is_printed_in_the_public_report(client, people):
    client.force_login(people.alice)
    for part in ("s1", "s5"):
        page = client.get(url(people, part)).content.decode()
        assert "本部分各项文字将印在公开的年度报告中，所有人都可以看到。" in page


def with_last_year(people):
    last = stored_report(people.agency, year=2022)
    last.narrative["s1"]["3"] = "（三）政府信息管理\n去年的管理情况。"
    last.save()
    return last


def reuse(people, **data):
    """The part form posted by a 使用上年内容 button, with what was typed on the page."""
    pieces = {"intro": "", "1": "", "2": "", "3": "", "4": "", "5": ""}
    return {**post(people), **pieces, **data}


def textarea(page: str, key: str) -> str:
    start = page.index(">", page.index(f'name="{key}"')) + 1
    return html.unescape(page[start : page.index("</textarea>", start)]).removeprefix("\n")


def test_each_piece_of_last_years_text_has_a_button_to_use_it(client, people):
    with_last_year(people)
    client.force_login(people.alice)
    page = client.get(url(people)).content.decode()
    assert (
        page.count("使用上年内容</button>") == 4
    )  # 开头, （一）, （二）, （三）: the ones with text
    assert 'name="use_previous" value="3"' in page
    assert '<h3 class="h6 small fw-bold mb-0">（三）政府信息管理</h3>' in page
    assert '<script id="last-year-text" type="application/json">' in page


def test_without_javascript_the_button_fills_an_empty_field_without_saving(client, people):
    with_last_year(people)
    client.force_login(people.alice)
    before = stored_s1(people)
    response = client.post(url(people), reuse(people, use_previous="3", **{"4": "我写的第四节"}))
    page = response.content.decode()
    assert response.status_code == 200
    assert textarea(page, "3") == "（三）政府信息管理\n去年的管理情况。"
    assert textarea(page, "4") == "我写的第四节"  # the rest of what was typed stays
    assert "已将上年的“（三）政府信息管理”填入，尚未保存" in page
    assert stored_s1(people) == before  # nothing saved until 保存


def test_typed_text_is_replaced_only_when_the_person_confirms(client, people):
    with_last_year(people)
    client.force_login(people.alice)
    typed = reuse(people, use_previous="1", **{"1": "我改写的第一节"})
    page = client.post(url(people), typed).content.decode()
    assert textarea(page, "1") == "我改写的第一节"
    assert "“（一）主动公开”已有文字，没有替换" in page
    assert 'name="replace_with_previous" value="1"' in page

    confirmed = reuse(people, replace_with_previous="1", **{"1": "我改写的第一节"})
    page = client.post(url(people), confirmed).content.decode()
    assert textarea(page, "1") == "（一）主动公开\n全年主动公开政府信息320条。\n"
    assert 'name="replace_with_previous"' not in page


def test_the_button_is_only_for_those_who_may_edit(client, people):
    with_last_year(people)
    client.force_login(people.rita)
    page = client.get(url(people)).content.decode()
    assert "去年的管理情况" in page and "使用上年内容" not in page
    assert client.post(url(people), reuse(people, use_previous="3")).status_code == 403
    client.force_login(people.charlie)
    assert client.post(url(people), reuse(people, use_previous="3")).status_code == 404


def test_a_submitted_reports_page_offers_no_button(client, people):
    with_last_year(people)
    type(people.report).objects.filter(pk=people.report.pk).update(status=Status.SUBMITTED)
    client.force_login(people.alice)
    page = client.get(url(people)).content.decode()
    assert "去年的管理情况" in page and "使用上年内容" not in page


# Chart data kept by the importer (formats/chart_blocks.py) --------------------------------

NOTE = "以下内容可能来自原报告中的图表数据，请确认后保留或删除"
WITH_CHART = "\n".join(
    ["（二）依申请公开", "全年收到申请125件。", "〔图表数据〕", "年 份", "2022", "2023"]
    + ["申请数", "56", "125", "〔图表数据完〕", "均已按时答复。"]
)


def with_chart(people, text=WITH_CHART):
    people.report.narrative["s1"]["2"] = text
    people.report.save()
    return people.report.narrative["s1"]


def test_chart_data_from_an_import_is_shown_with_a_note_and_two_buttons(client, people):
    with_chart(people)
    client.force_login(people.alice)
    page = client.get(url(people)).content.decode()
    assert page.count(NOTE) == 1  # above the box that holds it, not the others
    assert "<div>年 份 2022 2023</div><div>申请数 56 125</div>" in page
    assert "它位于下面“（二）依申请公开”一栏中“〔图表数据〕”与“〔图表数据完〕”两行之间" in page
    assert 'name="chart_block" value="drop:2"' in page and "删除这段图表数据" in page
    assert 'name="chart_block" value="keep:2"' in page and "保留为正文" in page


def test_a_box_without_chart_data_has_no_note(client, people):
    client.force_login(people.alice)
    assert NOTE not in client.get(url(people)).content.decode()


def test_deleting_the_chart_data_saves_the_box_without_it_in_one_action(client, people):
    pieces = with_chart(people)
    client.force_login(people.alice)
    response = client.post(url(people), post(people, **pieces, chart_block="drop:2"))
    assert response.status_code == 302
    assert stored_s1(people)["2"] == "（二）依申请公开\n全年收到申请125件。\n均已按时答复。"
    assert NOTE not in client.get(url(people)).content.decode()


def test_keeping_the_chart_data_makes_it_ordinary_lines_as_printed(client, people):
    pieces = with_chart(people)
    client.force_login(people.alice)
    client.post(url(people), post(people, **pieces, chart_block="keep:2"))
    assert stored_s1(people)["2"] == (
        "（二）依申请公开\n全年收到申请125件。\n年 份 2022 2023\n申请数 56 125\n均已按时答复。"
    )


def test_the_button_saves_the_other_edits_of_the_page_too(client, people):
    pieces = with_chart(people)
    client.force_login(people.alice)
    edited = {**pieces, "intro": "新的开头。", "2": pieces["2"] + "\n另有说明。"}
    client.post(url(people), post(people, **edited, chart_block="drop:2"))
    after = stored_s1(people)
    assert after["intro"] == "新的开头。"
    assert after["2"].endswith("均已按时答复。\n另有说明。") and "〔图表数据〕" not in after["2"]


def test_a_forged_chart_action_changes_nothing(client, people):
    pieces = with_chart(people)
    client.force_login(people.alice)
    for forged in ("drop:99", "burn:2", "drop", ""):
        client.post(url(people), post(people, **pieces, chart_block=forged))
        assert stored_s1(people)["2"] == WITH_CHART


def test_chart_data_is_escaped_in_the_note(client, people):
    with_chart(people, "说明。\n〔图表数据〕\n<b>{{ 1 }}</b>\n1\n2\n〔图表数据完〕")
    client.force_login(people.alice)
    page = client.get(url(people)).content.decode()
    assert "<div>&lt;b&gt;{{ 1 }}&lt;/b&gt; 1 2</div>" in page


def test_a_reader_sees_the_note_but_cannot_press_its_buttons(client, people):
    pieces = with_chart(people)
    client.force_login(people.rita)
    page = client.get(url(people)).content.decode()
    assert NOTE in page and "<fieldset disabled>" in page
    assert client.post(url(people), post(people, **pieces, chart_block="drop:2")).status_code == 403
    assert stored_s1(people)["2"] == WITH_CHART


def test_another_agency_cannot_delete_the_chart_data(client, people):
    pieces = with_chart(people)
    client.force_login(people.charlie)
    assert client.post(url(people), post(people, **pieces, chart_block="drop:2")).status_code == 404
    assert stored_s1(people)["2"] == WITH_CHART
