"""The demo data: the five seeds through the importer, their agencies, regions and accounts."""

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command

from gkreport.checks import check_report
from gkreport.reports.models import Agency, Membership, Region, Report


@pytest.fixture
def demo(db):
    call_command("gk_demo", stdout=open("/dev/null", "w"))


def test_it_loads_the_five_seed_reports(demo):
    assert Report.objects.count() == 5
    chiping = Report.objects.get(agency__name="聊城市茌平区人民政府", year=2023)
    assert chiping.cells["t2.fees.amount"] == "62,544.3758"  # stored as printed
    assert chiping.figures()["t4.review.total"] == 6
    assert chiping.signature == "聊城市茌平区人民政府办公室"
    assert str(chiping.signed_on) == "2024-02-06"
    assert chiping.agency.region.path == "山东省 › 聊城市 › 茌平区"
    assert chiping.agency.phone == "0635-4271365"
    assert chiping.agency.email == "cpxzwwlzx@lc.shandong.cn"
    assert chiping.import_log["unplaced"][1]["text"] == "3"


def test_stored_reports_check_like_the_files(demo):
    codes = {
        report.agency.name: sorted({f.code for f in check_report(report.as_check_dict()).findings})
        for report in Report.objects.select_related("agency")
    }
    assert codes == {
        "聊城高新技术产业开发区管理委员会": ["H5.blank"],
        "淄博高新技术产业开发区": ["S9"],
        "聊城市行政审批服务局": ["S4.format"],
        "聊城市茌平区人民政府": ["H4.review", "S4.format"],
        "聊城市科学技术局": ["S4.format"],
    }


def test_the_narrative_is_stored_per_part_and_sub_section(demo):
    report = Report.objects.get(agency__name="聊城高新技术产业开发区管理委员会")
    assert set(report.narrative["s1"]) == {"intro", "1", "2", "3", "4", "5"}
    assert report.sections()["s1"].startswith("2022年，高新区认真落实")
    assert "高新区未承办人大代表建议和政协提案" in report.sections()["s6"]


def test_it_is_idempotent(demo):
    call_command("gk_demo", stdout=open("/dev/null", "w"))
    assert Report.objects.count() == 5
    assert Agency.objects.count() == 5
    assert Region.objects.count() == 4
    assert Membership.objects.count() == 10


def test_demo_accounts_can_log_in(demo, client):
    response = client.post(
        "/accounts/login/", {"username": "chiping-editor", "password": "gkreport-demo"}
    )
    assert response.status_code == 302 and response.wsgi_request.user.is_authenticated
    membership = Membership.objects.get(user__username="chiping-editor")
    assert membership.role == "editor"
    assert membership.agency.name == "聊城市茌平区人民政府"
    assert Membership.objects.get(user__username="chiping-signer").role == "signer"


def test_the_admin_shows_reports_with_their_findings(demo, client):
    client.force_login(User.objects.get(username="admin"))
    response = client.get("/admin/reports/report/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "聊城市茌平区人民政府" in page and "淄博高新技术产业开发区" in page
    report = Report.objects.get(agency__name="聊城市茌平区人民政府")
    response = client.get(f"/admin/reports/report/{report.pk}/change/")
    assert (
        "结果维持4＋结果纠正1＋其他结果1＋尚未审结1＝7，但总计填写为6" in response.content.decode()
    )
    for path in ("/admin/reports/agency/", "/admin/reports/region/", "/admin/reports/membership/"):
        assert client.get(path).status_code == 200


def test_one_report_per_agency_and_year(demo):
    from django.db import IntegrityError

    report = Report.objects.first()
    with pytest.raises(IntegrityError):
        Report.objects.create(agency=report.agency, year=report.year)


def test_the_demo_submits_and_publishes_through_the_workflow(demo, client):
    from gkreport.reports.models import Event
    from gkreport.review.models import Office

    statuses = {r.agency.name: r.status for r in Report.objects.select_related("agency")}
    assert statuses == {
        "聊城高新技术产业开发区管理委员会": "draft",
        "淄博高新技术产业开发区": "published",
        "聊城市行政审批服务局": "published",
        "聊城市茌平区人民政府": "draft",
        "聊城市科学技术局": "submitted",
    }
    assert Event.objects.filter(kind="transition", to_status="submitted").count() == 3
    office = Office.objects.get(name="聊城市人民政府办公室（政务公开办）")
    client.post("/accounts/login/", {"username": "lc-office-reviewer", "password": "gkreport-demo"})
    page = client.get(f"/office/{office.code}/2022/").content.decode()
    assert "聊城市科学技术局" in page
    assert '聊城市茌平区人民政府 <span class="badge text-bg-light border">只读</span>' in page
    cross = client.get(f"/office/{office.code}/2022/cross/").content.decode()
    assert "12872.06与聊城市行政审批服务局同年报告的数字完全相同" in cross
    assert "12872.06与聊城市科学技术局同年报告的数字完全相同" in cross


def test_the_public_demo_lists_the_two_published_seeds(demo, client):
    page = client.get("/public/").content.decode()
    assert "淄博高新技术产业开发区" in page and "聊城市行政审批服务局" in page
    assert "聊城市科学技术局" not in page  # only submitted


def test_the_admin_shows_offices_versions_and_locks_published_content(demo, client):
    from gkreport.public.models import PublishedVersion

    client.force_login(User.objects.get(username="admin"))
    for path in (
        "/admin/review/office/",
        "/admin/public/publishedversion/",
        "/admin/reports/event/",
        "/admin/review/deadline/",
        "/admin/review/reviewcomment/",
    ):
        assert client.get(path).status_code == 200, path
    published = Report.objects.get(agency__name="聊城市行政审批服务局")
    page = client.get(f"/admin/reports/report/{published.pk}/change/").content.decode()
    assert 'name="preamble"' not in page  # read-only
    version = PublishedVersion.objects.first()
    assert client.get(f"/admin/public/publishedversion/{version.pk}/change/").status_code == 200
    response = client.post(
        f"/admin/public/publishedversion/{version.pk}/change/", {"is_current": ""}
    )
    assert response.status_code == 403


def test_one_agency_keeps_its_application_ledger(demo):
    from gkreport.formats import format_for_year
    from gkreport.ledger.derive import ledger_state
    from gkreport.ledger.models import Entry

    agency = Agency.objects.get(name="聊城高新技术产业开发区管理委员会")
    assert Entry.objects.filter(agency=agency, year=2022).count() == 9
    state = ledger_state(agency.pk, 2022, format_for_year(2022))
    assert state.figures["t3.carried_forward.total"] == 2  # waiting for 2023's ledger
    assert [f.severity for f in state.result.findings] == ["warning"]  # one late reply
    errors = ledger_state(agency.pk, 2023, format_for_year(2023)).result.errors
    assert [f.code for f in errors] == ["L2.missing"]
    call_command("gk_demo", stdout=open("/dev/null", "w"))
    assert Entry.objects.filter(agency=agency).count() == 24  # loaded once
