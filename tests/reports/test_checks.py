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
    # The editor cannot submit: the page says who can.
    client.force_login(people.alice)
    page = client.get(url(people)).content.decode()
    assert "检查通过，可由本机关的审核签发人报送。" in page and "可以报送" not in page


def test_it_checks_ownership(client, people):
    client.force_login(people.charlie)
    assert client.get(url(people)).status_code == 404


def test_it_requires_rw_access(client, people):
    with_findings(people)
    client.force_login(people.rita)
    assert client.get(url(people)).status_code == 200
    assert client.post(url(people), {"S4.format": "x"}).status_code == 403
