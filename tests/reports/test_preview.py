import re


def url(people):
    return f"/r/{people.report.code}/preview/"


def test_it_shows_the_whole_report_as_it_will_print(client, people):
    client.force_login(people.alice)
    page = client.get(url(people)).content.decode()
    assert "测试市行政审批服务局2023年政府信息公开工作年度报告" in page
    for heading in ("一、总体情况", "二、主动公开政府信息情况", "六、其他需要报告的事项"):
        assert heading in page
    assert "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）" in page
    assert '<h3 class="sub-heading">（一）主动公开</h3>' in page
    assert "/static/print/report.css" in page
    assert 'class="draft"' in page


def test_each_sub_section_prints_on_its_own_line_under_its_heading(client, people):
    from gkreport.formats.narrative import INTRO

    part = people.report.fmt.part("s1")
    people.report.narrative["s1"] = {
        INTRO: "2023年，本局认真贯彻落实《条例》。",  # no line break at its end
        "1": "（一）主动公开政府信息情况\n全年主动公开政府信息320条。",
        "2": "全年共收到申请9件。\n均已按时答复。",  # the heading left out
        "3": "",
    }
    people.report.save()
    client.force_login(people.alice)
    page = client.get(url(people)).content.decode()
    assert '<p class="body">2023年，本局认真贯彻落实《条例》。</p>' in page
    assert '<h3 class="sub-heading">（一）主动公开政府信息情况</h3>' in page
    assert f'<h3 class="sub-heading">{part.subsections[1].heading}</h3>' in page
    assert '<p class="body">全年共收到申请9件。</p><p class="body">均已按时答复。</p>' in page
    assert part.subsections[2].heading not in page  # an empty sub-section prints nothing


def test_blank_cells_print_blank_not_zero(client, people):
    people.report.cells["t4.review.pending"] = ""
    people.report.cells["t2.fees.amount"] = "15.50"
    people.report.save()
    client.force_login(people.alice)
    page = client.get(url(people)).content.decode()
    assert '<td colspan="1" class="num"></td>' in page
    assert '<td colspan="3" class="num">15.50</td>' in page


def test_it_checks_ownership(client, people):
    client.force_login(people.charlie)
    assert client.get(url(people)).status_code == 404


def test_a_reader_may_preview(client, people):
    client.force_login(people.rita)
    assert client.get(url(people)).status_code == 200
    assert client.post(url(people)).status_code == 200  # nothing to change: same page


def test_the_preview_style_block_carries_the_policy_nonce(client, people):
    client.force_login(people.alice)
    response = client.get(f"/r/{people.report.code}/preview/")
    nonce = re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"]).group(1)
    page = response.content.decode()
    assert f'<style nonce="{nonce}">' in page
    assert "style=" not in page  # column widths come from that block, not from attributes
    assert "table.official-t3 col:nth-child(1) { width: 6%; }" in page
