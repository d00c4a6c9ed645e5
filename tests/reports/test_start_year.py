from gkreport.reports.models import Event, Report


def start(client, people, year):
    return client.post(f"/a/{people.agency.code}/start/", {"year": year})


def test_it_starts_a_year_prefilled_from_last_year(client, people):
    people.report.cells["t3.carried_forward.natural"] = "2"
    people.report.cells["t3.carried_forward.total"] = "2"
    people.report.save()
    client.force_login(people.alice)
    response = start(client, people, 2024)
    report = Report.objects.get(agency=people.agency, year=2024)
    assert response.status_code == 302 and response["Location"] == f"/r/{report.code}/"
    assert report.format_version == "2021"
    assert report.cells["t3.carried_over.natural"] == "2"
    assert report.cells["t3.carried_over.commercial"] == "0"
    assert "t3.carried_over.natural" in report.prefilled
    assert report.title == "测试市行政审批服务局2024年政府信息公开工作年度报告"
    assert "统计期限自2024年1月1日起至2024年12月31日止" in report.preamble
    assert "国办公开办函〔2021〕30号" in report.preamble
    assert (
        "请与局办公室联系（地址：测试市人民路1号；邮编：252000；电话：0635-1234567；电子邮箱：gk@example.cn）"
        in report.preamble
    )
    assert report.signature == "测试市行政审批服务局"
    assert Event.objects.filter(report=report, kind="create", user=people.alice).exists()


def test_the_prefilled_mark_shows_until_the_value_is_changed(client, people):
    client.force_login(people.alice)
    start(client, people, 2024)
    report = Report.objects.get(agency=people.agency, year=2024)
    page = client.get(f"/r/{report.code}/table/t3/").content.decode()
    assert "据上年报告预填" in page
    from gkreport.reports.editing import fingerprint
    from gkreport.reports.pages import page as page_of

    t3 = page_of(report.fmt, "t3")
    client.post(
        f"/r/{report.code}/table/t3/",
        {"fingerprint": fingerprint(report, t3), "t3.carried_over.natural": "5"},
    )
    report.refresh_from_db()
    assert "t3.carried_over.natural" not in report.prefilled
    assert "t3.carried_over.commercial" in report.prefilled


def test_a_2020_report_uses_the_2019_format(client, people):
    client.force_login(people.alice)
    start(client, people, 2020)
    assert Report.objects.get(agency=people.agency, year=2020).format_version == "2019"


def test_an_existing_year_is_opened_not_duplicated(client, people):
    client.force_login(people.alice)
    response = start(client, people, 2023)
    assert response["Location"] == f"/r/{people.report.code}/"
    assert Report.objects.filter(agency=people.agency, year=2023).count() == 1


def test_it_refuses_years_outside_the_formats(client, people):
    client.force_login(people.alice)
    response = start(client, people, 2015)
    assert response.status_code == 302
    assert not Report.objects.filter(year=2015).exists()
    page = client.get(f"/a/{people.agency.code}/").content.decode()
    assert "年度应在2019至" in page
    assert start(client, people, "abc").status_code == 302


def test_it_checks_ownership(client, people):
    client.force_login(people.charlie)
    assert start(client, people, 2024).status_code == 404
    assert not Report.objects.filter(year=2024).exists()


def test_it_requires_rw_access(client, people):
    client.force_login(people.rita)
    assert start(client, people, 2024).status_code == 403


def test_it_only_accepts_post(client, people):
    client.force_login(people.alice)
    assert client.get(f"/a/{people.agency.code}/start/").status_code == 405


def test_a_fresh_report_counts_blank_cells_as_progress_on_every_page(client, people):
    from gkreport.reports.checking import run_checks
    from gkreport.reports.pages import completeness

    client.force_login(people.alice)
    start(client, people, 2024)
    report = Report.objects.get(agency=people.agency, year=2024)
    result = run_checks(report)
    assert result.blank and not result.errors  # nothing typed yet: nothing wrong yet
    assert report.error_count == len(result.errors)  # the dashboard's cached count agrees
    t3 = next(row for row in completeness(report) if row["page"].key == "t3")
    left = t3["total"] - t3["filled"]
    table = client.get(f"/r/{report.code}/table/t3/").content.decode()
    assert f"表三还有{left}格未填" in table
    assert "未填写（没有发生的请填写0）" not in table
    home = client.get(f"/a/{people.agency.code}/").content.decode()
    assert "text-danger fw-bold" not in home  # the error count of the year is 0, not red
    overview = client.get(f"/r/{report.code}/").content.decode()
    assert '错误 <strong class="">0</strong>' in overview and f"表三还有{left}格未填" in overview
    checks = client.get(f"/r/{report.code}/checks/").content.decode()
    assert "暂不能报送" in checks and f"表三还有{left}格未填" in checks
    client.force_login(people.bob)
    client.post(f"/r/{report.code}/transition/submit/")
    report.refresh_from_db()
    assert report.status == "draft"  # blank cells still refuse the submission
