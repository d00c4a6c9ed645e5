import pytest

from gkreport.reports.models import Report


def url(people):
    return f"/r/{people.report.code}/checks/"


def with_findings(people):
    cells = people.report.cells
    cells["t4.review.total"] = "6"  # H4 error
    cells["t2.fees.amount"] = "15.5 万元"  # S4 warning
    people.report.save()


def test_it_groups_findings_by_part_with_links_to_cells(client, people):
    with_findings(people)
    client.force_login(people.alice)
    page = client.get(url(people)).content.decode()
    assert page.index("二、主动公开政府信息情况") < page.index(
        "四、政府信息公开行政复议、行政诉讼情况"
    )
    assert f"/r/{people.report.code}/table/t4/#cell-t4-review-total" in page
    assert "暂不能报送" in page


def test_a_warning_gets_an_explanation_an_error_cannot(client, people):
    with_findings(people)
    client.force_login(people.alice)
    page = client.get(url(people)).content.decode()
    assert 'name="S4.format"' in page
    assert 'name="H4.review"' not in page
    client.post(
        url(people),
        {"S4.format": "系统导出时带了单位，已核对金额无误。", "H4.review": "想解释错误"},
    )
    report = Report.objects.get(pk=people.report.pk)
    assert report.explanations == {"S4.format": "系统导出时带了单位，已核对金额无误。"}


def test_a_clean_report_can_be_submitted_by_the_signer(client, people):
    client.force_login(people.bob)
    assert "检查通过，可以报送。" in client.get(url(people)).content.decode()
    # The editor cannot submit: the page says who can, by role and by name.
    client.force_login(people.alice)
    page = client.get(url(people)).content.decode()
    assert "检查通过。报送须由本机关的审核签发人（bob）操作。" in page and "可以报送" not in page


def test_an_agency_without_a_signer_is_told_to_ask_for_one(client, people):
    people.bob.memberships.all().delete()
    client.force_login(people.alice)
    page = client.get(url(people)).content.decode()
    assert "报送须由本机关的审核签发人（尚未设置，请联系系统管理员）操作" in page


# What only those who may still change the report are told.
INSTRUCTIONS = ("须改正", "须说明原因", "暂不能报送", "可以报送", "报送须由", "否则不能报送")


@pytest.mark.parametrize("status", ["submitted", "approved", "published"])
def test_a_report_out_of_the_agencys_hands_is_read_only_without_instructions(
    client, people, status
):
    with_findings(people)
    Report.objects.filter(pk=people.report.pk).update(status=status)
    client.force_login(people.bob)
    page = client.get(url(people)).content.decode()
    label = Report.Status(status).label
    assert f"报告{label}，内容只读" in page
    assert not [words for words in INSTRUCTIONS if words in page]
    assert "错误 <strong" in page and "表四 行政复议" in page  # the findings are still there


def test_a_reader_sees_the_findings_without_instructions(client, people):
    with_findings(people)
    client.force_login(people.rita)
    page = client.get(url(people)).content.decode()
    assert "您只能查看这份报告，不能修改或报送" in page
    assert not [words for words in INSTRUCTIONS if words in page]
    for part in ("table/t4/", "table/t2/"):  # nor the summaries above the tables
        page = client.get(f"/r/{people.report.code}/{part}").content.decode()
        assert "本页有" in page and "才能报送" not in page
        assert "在起始格粘贴" not in page  # how to type into cells that cannot be typed into


def test_it_checks_ownership(client, people):
    client.force_login(people.charlie)
    assert client.get(url(people)).status_code == 404


def test_it_requires_rw_access(client, people):
    with_findings(people)
    client.force_login(people.rita)
    assert client.get(url(people)).status_code == 200
    assert client.post(url(people), {"S4.format": "x"}).status_code == 403


def test_blank_cells_are_listed_by_table_and_row_with_links(client, people):
    people.report.cells["t4.review.pending"] = ""
    people.report.cells["t4.review.total"] = ""
    people.report.save()
    client.force_login(people.alice)
    page = client.get(url(people)).content.decode()
    assert '错误 <strong class="">0</strong> 个' in page  # blank in a draft: not an error
    assert "暂不能报送" in page and "表四还有2格未填" in page
    table = f"/r/{people.report.code}/table/t4/"
    assert (
        f'<li>行政复议：<a href="{table}#cell-t4-review-pending">尚未审结</a>、'
        f'<a href="{table}#cell-t4-review-total">总计</a></li>'
    ) in page


def test_a_new_years_many_blank_rows_are_folded_after_the_first_five(client, people):
    client.force_login(people.alice)
    client.post(f"/a/{people.agency.code}/start/", {"year": 2024})
    report = people.agency.reports.get(year=2024)
    page = client.get(f"/r/{report.code}/checks/").content.decode()
    listed = page[page.index('id="blank"') :]
    t3 = listed[listed.index("表三还有168格未填") : listed.index("表四还有15格未填")]
    shown, folded = t3.split('<details class="more-blank">')
    assert shown.count("<li>") == 5 and "其余 19 行" in folded
    assert f'href="/r/{report.code}/table/t3/#cell-t3-new_received-natural">自然人' in shown


def test_explanations_say_they_are_for_the_office_not_the_public(client, people):
    with_findings(people)
    client.force_login(people.alice)
    page = client.get(url(people)).content.decode()
    assert "说明原因（供主管部门审核，不公开）" in page
