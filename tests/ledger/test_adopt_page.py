"""Table 3 from the ledger: shown beside the typed figures, every differing cell listed,
written only when the agency adopts it (through the table's save: history, checks)."""

from gkreport.ledger.derive import derive, digest, ledger_dict
from gkreport.ledger.models import Entry
from gkreport.reports.checking import run_checks
from gkreport.reports.models import Event, Report
from tests.ledger.conftest import entry
from tests.reports.helpers import seen
from tests.review.conftest import set_status
from tests.visible_text import codes_in


def url(people):
    return f"/r/{people.report.code}/ledger/"


def small_ledger(people):
    """Three applications of 2023: two natural persons (one open), a company."""
    entry(people.agency, received="2023-02-01", replied="2023-02-10")
    entry(people.agency, received="2023-12-28")
    entry(people.agency, received="2023-05-01", replied="2023-05-08", applicant_type="commercial")


def adopt_post(people):
    report = Report.objects.get(pk=people.report.pk)
    figures = derive(ledger_dict(report.agency_id, report.year, report.fmt))
    return {"fingerprint": seen(report, "t3"), "ledger": digest(figures)}


def test_it_checks_ownership(client, people):
    small_ledger(people)
    client.force_login(people.charlie)
    assert client.get(url(people)).status_code == 404
    assert client.post(url(people), adopt_post(people)).status_code == 404


def test_it_requires_rw_access(client, people):
    small_ledger(people)
    client.force_login(people.rita)
    page = client.get(url(people)).content.decode()
    assert "与台账不同的" in page and "确认采用" not in page
    assert client.post(url(people), adopt_post(people)).status_code == 403


def test_every_differing_cell_is_listed_and_nothing_changes_before_adopting(client, people):
    small_ledger(people)
    before = dict(Report.objects.get(pk=people.report.pk).cells)
    client.force_login(people.alice)
    page = client.get(url(people)).content.decode()
    # the report has 5 natural persons granted, the ledger 1
    assert "表三 （一）予以公开 · 自然人：5 → <strong>1</strong>" in page
    assert "表三 四、结转下年度继续办理 · 总计：2 → <strong>1</strong>" in page
    assert "台账共 3 条申请：一、本年新收 3 件" in page
    assert 'data-confirm="adopt-dialog"' in page and "确认采用" in page
    assert codes_in(page) == []
    assert Report.objects.get(pk=people.report.pk).cells == before


def test_the_table_page_shows_the_ledgers_figure_under_each_differing_cell(client, people):
    small_ledger(people)
    client.force_login(people.alice)
    page = client.get(f"/r/{people.report.code}/table/t3/").content.decode()
    assert "依申请公开办理台账</a>共3条申请：本表有" in page
    assert f'href="/r/{people.report.code}/ledger/"' in page
    granted = page.split('id="cell-t3-granted-natural"')[1].split("</td>")[0]
    assert '<div class="small ledger-figure">台账：1</div>' in granted
    agreeing = page.split('id="cell-t3-granted-commercial"')[1].split("</td>")[0]
    assert "ledger-figure" not in agreeing  # 1 typed, 1 in the ledger


def test_adopting_writes_the_ledgers_figures_through_the_table_save(client, people):
    small_ledger(people)
    client.force_login(people.alice)
    response = client.post(url(people), adopt_post(people))
    assert response.status_code == 302 and response["Location"].endswith("/table/t3/")
    report = Report.objects.get(pk=people.report.pk)
    figures = derive(ledger_dict(report.agency_id, report.year, report.fmt))
    assert all(report.figures()[code] == value for code, value in figures.items())
    assert report.cells["t3.granted.natural"] == "1"
    event = Event.objects.filter(report=report, kind=Event.Kind.EDIT).get()
    assert event.comment == "采用依申请公开台账的数字" and event.page == "t3"
    assert event.changes["t3.granted.natural"] == ["5", "1"]
    # the adopted table passes the identities, and the saved counts were refreshed
    result = run_checks(report)
    assert not [f for f in result.findings if f.rule in ("H1", "H2", "H3", "H5")]
    assert report.error_count == len(result.errors)
    page = client.get(response["Location"]).content.decode()
    assert "已采用台账数字：改写了" in page and "本表与台账一致" in page


def test_adoption_waits_for_the_ledgers_errors_to_be_fixed(client, people):
    small_ledger(people)
    entry(people.agency, received="2023-03-01", replied="2023-03-02", outcome="denied")
    client.force_login(people.alice)
    page = client.get(url(people)).content.decode()
    assert "台账还有 1 个错误" in page and "确认采用" not in page
    page = client.post(url(people), adopt_post(people), follow=True).content.decode()
    assert "台账还有1个错误，改正后才能采用" in page
    assert Report.objects.get(pk=people.report.pk).cells["t3.granted.natural"] == "5"


def test_a_ledger_changed_since_the_page_was_drawn_is_not_adopted(client, people):
    small_ledger(people)
    client.force_login(people.alice)
    data = adopt_post(people)
    Entry.objects.filter(replied_on__isnull=True).update(replied_on="2023-12-29", outcome="granted")
    page = client.post(url(people), data, follow=True).content.decode()
    assert "台账在您打开页面之后已有变化，没有采用" in page
    assert Report.objects.get(pk=people.report.pk).cells["t3.granted.natural"] == "5"


def test_a_table_changed_since_the_page_was_drawn_is_not_overwritten(client, people):
    small_ledger(people)
    client.force_login(people.alice)
    data = adopt_post(people)
    report = Report.objects.get(pk=people.report.pk)
    report.cells["t3.granted.natural"] = "6"
    report.save()
    page = client.post(url(people), data, follow=True).content.decode()
    assert "表格在您打开页面之后已被修改，没有采用" in page
    assert Report.objects.get(pk=people.report.pk).cells["t3.granted.natural"] == "6"


def test_a_submitted_report_is_not_changed(client, people):
    small_ledger(people)
    set_status(people.report, "submitted")
    client.force_login(people.bob)
    page = client.post(url(people), adopt_post(people), follow=True).content.decode()
    assert "报告不能修改" in page
    assert "确认采用" not in client.get(url(people)).content.decode()


def test_without_javascript_the_confirmation_is_a_page(client, people):
    small_ledger(people)
    client.force_login(people.alice)
    page = client.get(url(people) + "?confirm=1").content.decode()
    assert "<dialog" not in page and 'class="confirm-form adopt-form"' in page
    assert "原来填写的数字记入报告的修改记录" in page


def test_a_year_without_a_ledger_says_where_to_keep_one(client, people):
    client.force_login(people.alice)
    page = client.get(url(people)).content.decode()
    assert "2023年的台账还没有申请" in page
    table = client.get(f"/r/{people.report.code}/table/t3/").content.decode()
    assert "中逐条登记申请，由台账统计本表的数字" in table
