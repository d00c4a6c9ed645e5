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


def part_printed(client, people, pieces, part="s1"):
    """The part's section of the preview once the agency has typed `pieces` into its boxes."""
    people.report.narrative[part] = pieces
    people.report.save()
    client.force_login(people.alice)
    page = client.get(url(people)).content.decode()
    return re.search(rf'<section class="part" id="part-{part}">(.*?)</section>', page, re.S)[1]


def test_a_heading_run_into_its_paragraph_is_printed_in_heading_style(client, people):
    printed = part_printed(
        client,
        people,
        {
            "intro": "",
            "1": "（一）主动公开情况。坚持“公开为常态”原则。\n全年主动公开政府信息320条。",
            "2": "（二）全年受理申请7件。均已按时答复。",  # a numbered sentence, not a heading
        },
    )
    assert (
        '<p class="body"><span class="run-in-heading">（一）主动公开情况。</span>'
        "坚持“公开为常态”原则。</p>"
        '<p class="body">全年主动公开政府信息320条。</p>'
        '<p class="body">（二）全年受理申请7件。均已按时答复。</p>'
    ) in printed
    assert "<h3" not in printed  # the agency numbered both: no official heading added


def test_a_heading_typed_without_its_number_is_not_printed_twice(client, people):
    part = people.report.fmt.part("s1")
    printed = part_printed(
        client,
        people,
        {
            "intro": "",
            "2": "本年度未收到政府信息公开申请。",  # mentions the title, is no heading
            "3": "政府信息管理\n规范性文件全部公开。",
            "4": "1.平台建设\n网站运行平稳。",
        },
    )
    assert (
        f'<h3 class="sub-heading">{part.subsections[1].heading}</h3>'
        '<p class="body">本年度未收到政府信息公开申请。</p>'
        '<h3 class="sub-heading">政府信息管理</h3>'
        '<p class="body">规范性文件全部公开。</p>'
        '<h3 class="sub-heading">1.平台建设</h3>'
        '<p class="body">网站运行平稳。</p>'
    ) in printed
    assert part.subsections[2].heading not in printed
    assert part.subsections[3].heading not in printed


def test_nothing_typed_is_lost_or_reordered(client, people):
    part = people.report.fmt.part("s1")
    pieces = {
        "intro": "2023年，本局认真贯彻落实《条例》。\n\u3000\u3000全面推进政务公开。",
        "1": "（一）主动公开政府信息情况\n全年主动公开政府信息320条。\n\n政策解读15条。",
        "2": "全年共收到申请9件。\r\n均已按时答复。",
        "3": "",
        "4": "（四）平台建设：网站运行平稳。\n新媒体运行良好。",
        "5": "一是加强领导。\n二是强化培训。",
    }
    printed = part_printed(client, people, pieces)
    lines = re.findall(r"<(?:h3|p)[^>]*>(.*?)</(?:h3|p)>", printed)
    lines = [re.sub(r"<[^>]+>", "", line) for line in lines]
    assert lines == [
        "2023年，本局认真贯彻落实《条例》。",
        "全面推进政务公开。",
        "（一）主动公开政府信息情况",
        "全年主动公开政府信息320条。",
        "政策解读15条。",
        part.subsections[1].heading,  # left out: the official heading
        "全年共收到申请9件。",
        "均已按时答复。",
        "（四）平台建设：网站运行平稳。",
        "新媒体运行良好。",
        part.subsections[4].heading,
        "一是加强领导。",
        "二是强化培训。",
    ]


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


CHART = "\n".join(
    ["全年收到申请125件。", "〔图表数据〕", "年 份", "2022", "2023", "申请数", "56", "125"]
    + ["〔图表数据完〕", "均已按时答复。"]
)


def test_chart_data_kept_from_an_import_prints_a_label_and_its_figures_a_line(client, people):
    printed = part_printed(client, people, {"intro": "", "2": "（二）依申请公开\n" + CHART})
    assert (
        '<p class="body">全年收到申请125件。</p>'
        '<p class="body chart-data">年 份 2022 2023</p>'
        '<p class="body chart-data">申请数 56 125</p>'
        '<p class="body">均已按时答复。</p>'
    ) in printed
    assert "图表数据" not in printed  # neither the markers nor the editor's note
