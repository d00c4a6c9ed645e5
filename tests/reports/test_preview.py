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
