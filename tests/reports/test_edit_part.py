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
    client.post(
        url(people), post(people, **{"2": "（二）依申请公开\n全年共收到政府信息公开申请12件。"})
    )
    page = client.get(url(people)).content.decode()
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
