from tests.public.conftest import publish, publish_as_printed
from tests.reports.conftest import stored_report


def test_the_list_filters_and_sorts(client, people, published):
    other = stored_report(people.other_agency, year=2022)
    publish(other, people.bob)
    page = client.get("/public/?year=2022").content.decode()
    assert "测试市科学技术局" in page and "测试市行政审批服务局" not in page
    page = client.get("/public/?q=审批").content.decode()
    assert "测试市行政审批服务局" in page and "测试市科学技术局" not in page
    page = client.get("/public/?kind=government").content.decode()
    assert "共 0 份报告" in page
    page = client.get("/public/?sort=name").content.decode()
    assert page.index("测试市科学技术局") < page.index("测试市行政审批服务局")
    assert client.get("/public/?year=abc&region=x&sort=';drop").status_code == 200


def test_the_report_page_renders_the_snapshot_with_its_tables(client, people, published):
    page = client.get(f"/public/agency/{people.agency.code}/2023/").content.decode()
    assert "测试市行政审批服务局2023年政府信息公开工作年度报告" in page
    assert "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）" in page
    assert "下载PDF" in page and published.versions.get().sha256 in page
    assert 'class="draft"' not in page


def test_corrections_are_listed_with_their_note(client, people, published):
    from gkreport.reports import workflow
    from gkreport.reports.models import Report

    workflow.perform(published, "signer", "correct", people.bob, "更正行政许可数量")
    report = Report.objects.get(pk=published.pk)
    report.cells["t2.licensing.decisions"] = "1300"
    report.save()
    publish(report, people.bob)
    page = client.get(f"/public/agency/{people.agency.code}/2023/").content.decode()
    assert "更正记录" in page and "更正行政许可数量" in page
    old = client.get(f"/public/agency/{people.agency.code}/2023/v1/").content.decode()
    assert "1200" in old
    assert "已更正" in client.get("/public/").content.decode()


def test_statistics_with_charts_and_tables(client, people, published):
    last_year = stored_report(people.agency, year=2022)
    last_year.cells["t3.new_received.total"] = "5"
    last_year.save()
    publish_as_printed(last_year, people.bob)
    page = client.get(f"/public/stats/{people.agency.region_id}/").content.decode()
    assert "历年收到政府信息公开申请数量（件）" in page
    assert "历年收到申请：2022年5件；2023年9件。" in page
    assert "2023年度办理结果分布（件）" in page
    assert "<caption>2023年度行政复议结果（件）（数据表）</caption>" in page
    assert 'role="img"' in page


def test_every_public_page_links_to_the_statistics(client, people, published):
    page = client.get(f"/public/agency/{people.agency.code}/2023/").content.decode()
    assert 'href="/public/stats/"' in page
    response = client.get("/public/stats/")
    assert (
        response.status_code == 302
        and response["Location"] == f"/public/stats/{people.agency.region_id}/"
    )
