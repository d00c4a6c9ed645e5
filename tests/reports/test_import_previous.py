"""An agency whose last report was published outside gkreport imports it (file or URL): it is
kept read-only as that year's report, the next year starts prefilled from it, and S1/S2
check against it. Editors and signers only; another agency gets 404."""

import datetime

import pytest

from gkreport.reports import workflow
from gkreport.reports.checking import run_checks
from gkreport.reports.models import ContentLocked, Event, Report
from tests.factories import build_report
from tests.http_server import file, redirect
from tests.review.batch_data import CHIPING, report_json, seed, upload

AGENCY = "测试市行政审批服务局"
LAST_YEAR = report_json(
    build_report(year=2022, carried_forward={"natural": 2, "commercial": 1}), AGENCY
)


def import_url(agency):
    return f"/a/{agency.code}/import/"


def post_file(client, agency, data=LAST_YEAR, name="2022年报.json", year=""):
    return client.post(import_url(agency), {"file": upload(name, data), "url": "", "year": year})


def post_url(client, agency, url, year=""):
    return client.post(import_url(agency), {"url": url, "year": year})


def imported(agency, year=2022) -> Report:
    return Report.objects.get(agency=agency, year=year)


def test_the_agency_page_offers_the_import_to_editors_only(client, people):
    client.force_login(people.alice)
    assert import_url(people.agency) in client.get(f"/a/{people.agency.code}/").content.decode()
    client.force_login(people.rita)
    assert import_url(people.agency) not in client.get(f"/a/{people.agency.code}/").content.decode()


def test_the_import_form_says_what_it_reads_and_how_large_in_mb(client, people, settings):
    settings.MAX_UPLOAD_BYTES = 5 * 1024 * 1024
    client.force_login(people.alice)
    page = client.get(f"/a/{people.agency.code}/").content.decode()
    assert "Word文件（.docx）、PDF（.pdf）" in page and "每个文件不超过5 MB" in page


def test_a_file_becomes_last_years_read_only_report(client, people):
    client.force_login(people.alice)
    response = post_file(client, people.agency)
    report = imported(people.agency)
    assert response.status_code == 302 and response["Location"] == f"/r/{report.code}/"
    assert report.status == Report.Status.PUBLISHED
    assert report.imported_from == "2022年报.json"
    assert report.cells["t3.carried_forward.natural"] == "2"
    event = report.events.get()
    assert (event.kind, event.user) == (Event.Kind.IMPORT, people.alice)
    assert "2022年报.json" in event.comment
    page = client.get(response["Location"]).content.decode()
    assert "已导入2022年度报告（系统外已公开，只读）" in page
    assert "2023年度报告的检查将与其核对上年结转和现行有效件数（已填写的内容不变）" in page
    assert "导入自：2022年报.json" in page
    assert "报送</button>" not in page and "更正</button>" not in page
    home = client.get(f"/a/{people.agency.code}/").content.decode()
    assert "导入</span>" in home


def test_the_imported_report_cannot_be_edited_or_sent_through_the_workflow(client, people):
    client.force_login(people.bob)
    post_file(client, people.agency)
    report = imported(people.agency)
    report.cells["t3.carried_forward.natural"] = "9"
    with pytest.raises(ContentLocked):
        report.save()
    client.post(f"/r/{report.code}/transition/correct/", {"comment": "改数"})
    assert imported(people.agency).status == Report.Status.PUBLISHED
    assert workflow.allowed(report, "signer") == [] == workflow.allowed(report, "reviewer")
    with pytest.raises(workflow.Refused, match="导入的系统外已公开报告"):
        workflow.perform(report, "reviewer", "correct", people.bob, "改数")


def test_the_next_year_starts_prefilled_from_the_imported_report(client, people):
    client.force_login(people.charlie)
    other = people.other_agency
    post_file(client, other, report_json(build_report(year=2022), other.name))
    Report.objects.filter(agency=other, year=2022).update(
        cells={"t3.carried_forward.natural": "7", "t3.carried_forward.total": "7"}
    )
    response = client.get(f"/r/{Report.objects.get(agency=other, year=2022).code}/")
    assert "开始填报2023年度报告时，将按其“结转下年度”预填“上年结转”" in response.content.decode()
    client.post(f"/a/{other.code}/start/", {"year": 2023})
    started = Report.objects.get(agency=other, year=2023)
    assert started.cells["t3.carried_over.natural"] == "7"
    assert "t3.carried_over.natural" in started.prefilled


def test_s1_and_s2_check_against_the_imported_report(client, people):
    this_year = people.report  # 2023: 上年结转 natural 1, 现行有效规范性文件 20 (+3 −1)
    before = {f.rule for f in run_checks(this_year).findings}
    assert not {"S1", "S2"} & before
    client.force_login(people.alice)
    post_file(client, people.agency)  # 2022: 结转下年度 natural 2, 现行有效 20
    after = run_checks(this_year).findings
    assert any(f.rule == "S1" and "上一年度报告" in f.message for f in after)
    assert any(f.rule == "S2" and "上年20" in f.message for f in after)


def test_importing_again_replaces_the_imported_report(client, people):
    client.force_login(people.alice)
    post_file(client, people.agency)
    first = imported(people.agency)
    corrected = report_json(build_report(year=2022, carried_forward={"natural": 3}), AGENCY)
    post_file(client, people.agency, corrected, name="更正版.json")
    again = imported(people.agency)
    assert again.pk == first.pk and again.version == first.version + 1
    assert again.cells["t3.carried_forward.natural"] == "3"
    assert again.imported_from == "更正版.json"
    assert [e.comment for e in again.events.order_by("id")][1].startswith("重新导入")


def test_a_year_drafted_in_gkreport_is_never_replaced(client, people):
    client.force_login(people.alice)
    data = report_json(build_report(year=2023), AGENCY)
    response = post_file(client, people.agency, data)
    assert response.status_code == 200
    assert (
        "没有导入：2023年度报告已在本系统中填报，不能用导入的文件替换" in response.content.decode()
    )
    people.report.refresh_from_db()
    assert people.report.status == Report.Status.DRAFT and not people.report.imported_from


def test_a_year_not_over_yet_is_refused(client, people):
    client.force_login(people.alice)
    year = datetime.date.today().year
    response = post_file(client, people.agency, report_json(build_report(year=year), AGENCY))
    assert f"{year}年度还没有结束" in response.content.decode()
    assert not Report.objects.filter(agency=people.agency, year=year).exists()


def test_the_year_can_be_given_when_the_title_has_none(client, people):
    client.force_login(people.alice)
    text = (
        seed(CHIPING)
        .decode("utf-8")
        .replace("2023年度政府信息公开工作报告", "政府信息公开工作报告", 1)
    )
    response = post_file(client, people.agency, text.encode("utf-8"), name="nj.txt")
    assert "无法从标题中识别报告年度" in response.content.decode()
    post_file(client, people.agency, text.encode("utf-8"), name="nj.txt", year="2021")
    assert imported(people.agency, 2021).imported_from == "nj.txt"


def test_another_agencys_report_is_imported_with_a_warning(client, people):
    client.force_login(people.alice)
    response = post_file(client, people.agency, seed(CHIPING), name="chiping.txt", year="2022")
    page = client.get(response["Location"]).content.decode()
    assert "文件标题中的机关是“聊城市茌平区人民政府”，不是“测试市行政审批服务局”" in page
    # What could not be read is listed on the page, where the message says it is.
    assert "处内容未能读取，列在本页“未能读取的内容”中" in page
    assert "<strong>未能读取的内容</strong>" in page


@pytest.mark.parametrize(
    "data, message",
    [
        ({"url": ""}, "请选择一个报告文件，或填写一个网址（二者选一）"),
        (
            {"file": upload("a.json", LAST_YEAR), "url": "https://www.gov.cn/a.txt"},
            "二者选一",
        ),
        ({"file": upload("a.xlsx", b"PK\x03\x04")}, "不支持的文件类型"),
        ({"file": upload("a.txt", b"\x00\x01binary")}, "没有导入：不是纯文本文件"),
        ({"url": "http://intranet.example/a.txt"}, "没有导入：不能从 intranet.example 读取"),
    ],
)
def test_bad_input_is_refused_with_a_reason(client, people, data, message):
    client.force_login(people.alice)
    response = client.post(import_url(people.agency), data)
    body = response.content.decode()
    assert response.status_code == 200 and message in body
    assert '<details class="card card-body mt-3 import-previous" open>' in body
    assert not Report.objects.filter(agency=people.agency, year=2022).exists()


def test_a_url_is_fetched_and_imported(client, people, web):
    web.routes["/gk/2022.json"] = file(LAST_YEAR, "application/json")
    client.force_login(people.alice)
    post_url(client, people.agency, web.url("/gk/2022.json"))
    assert imported(people.agency).imported_from == web.url("/gk/2022.json")


def test_a_url_to_a_private_address_is_refused_and_kept_on_the_page(client, people, web):
    web.routes["/moved"] = redirect(web.url("/gk/2022.json", host="127.0.0.2"))
    client.force_login(people.alice)
    response = post_url(client, people.agency, web.url("/moved"))
    body = response.content.decode()
    assert "没有导入：不能读取内部网络地址（127.0.0.2" in body
    assert f'value="{web.url("/moved")}"' in body  # what was typed is kept
    assert web.requests == ["/moved"]
    assert not Report.objects.filter(agency=people.agency, year=2022).exists()


def test_readers_may_not_import_and_other_agencies_get_404(client, people):
    client.force_login(people.rita)
    assert post_file(client, people.agency).status_code == 403
    client.force_login(people.charlie)
    assert post_file(client, people.agency).status_code == 404
    assert client.get(import_url(people.agency)).status_code == 405
    assert not Report.objects.filter(agency=people.agency, year=2022).exists()


def test_logged_out_goes_to_login(client, people):
    response = post_file(client, people.agency)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_office_sees_the_imported_report_as_published_and_imported(client, people, offices):
    client.force_login(people.alice)
    post_file(client, people.agency)
    client.force_login(offices.olivia)
    page = client.get(f"/office/{offices.office.code}/2022/").content.decode()
    row = page[page.index(AGENCY) : page.index("</tr>", page.index(AGENCY))]
    assert "已公开" in row and "导入</span>" in row
    review = client.get(f"/review/{imported(people.agency).code}/").content.decode()
    assert "更正</button>" not in review
