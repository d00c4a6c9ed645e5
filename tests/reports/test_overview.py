from gkreport.reports.models import Report


def url(people):
    return f"/r/{people.report.code}/"


def test_it_shows_pages_findings_and_the_submit_button_to_the_signer(client, people):
    client.force_login(people.bob)
    page = client.get(url(people)).content.decode()
    assert "三、收到和处理政府信息公开申请情况" in page and "175/175格" in page
    # 报送 asks first: the button leads to its confirmation, it does not submit on one click
    assert f'href="/r/{people.report.code}/transition/submit/"' in page
    assert "确认报送</button>" in page  # the same confirmation, in a dialog


def test_an_editor_sees_no_submit_button_but_who_submits(client, people):
    client.force_login(people.alice)
    page = client.get(url(people)).content.decode()
    assert "/transition/submit/" not in page and "确认报送" not in page
    assert "检查通过。报送须由本机关的审核签发人（bob）操作。" in page


def test_a_published_report_links_to_its_public_page(client, people):
    from tests.public.conftest import publish

    publish(people.report, people.bob)
    client.force_login(people.alice)
    page = client.get(url(people)).content.decode()
    assert f'href="/public/agency/{people.agency.code}/2023/">查看公开页面</a>' in page


def test_a_reader_and_a_submitted_report_get_no_list_of_what_to_fix(client, people):
    people.report.cells["t4.review.total"] = "6"
    people.report.save()
    client.force_login(people.alice)
    assert "还有1个错误需要改正" in client.get(url(people)).content.decode()
    client.force_login(people.rita)
    page = client.get(url(people)).content.decode()
    assert "需要改正" not in page and "报送须由" not in page
    assert '错误 <strong class="text-danger">1</strong> 个' in page
    Report.objects.filter(pk=people.report.pk).update(status=Report.Status.SUBMITTED)
    client.force_login(people.bob)
    page = client.get(url(people)).content.decode()
    assert "需要改正" not in page and "报告已报送，正在等待审核" in page


def test_it_checks_ownership(client, people):
    client.force_login(people.charlie)
    assert client.get(url(people)).status_code == 404


def test_it_requires_login(client, people):
    assert client.get(url(people)).status_code == 302


def test_the_history_shows_what_each_save_changed(client, people):
    from tests.reports.helpers import table_post

    client.force_login(people.alice)
    client.post(
        f"/r/{people.report.code}/table/t3/", table_post(people.report, t3__granted__natural="6")
    )
    page = client.get(url(people)).content.decode()
    fmt = people.report.fmt
    # Named as the template does; the code is only a tooltip.
    assert f"{fmt.part('s3').heading}：1处改动" in page
    assert '<span title="t3.granted.natural">表三 （一）予以公开 · 自然人</span>：5 → 6' in page


def test_a_new_year_counts_blank_cells_as_what_is_left_to_fill(client, people):
    client.force_login(people.bob)
    client.post(f"/a/{people.agency.code}/start/", {"year": 2024})
    report = people.agency.reports.get(year=2024)
    page = client.get(f"/r/{report.code}/").content.decode()
    assert '错误 <strong class="">0</strong> 个' in page
    assert "表三还有168格未填" in page
    # Where each blank cell is listed, and why 报送 cannot be pressed yet.
    assert f'href="/r/{report.code}/checks/#blank">逐格查看未填的单元格' in page
    assert 'disabled title="请先解决上述问题">报送</button>' in page
