"""One report, one set of findings: the agency's pages, the office's pages, the dashboard,
its Excel export and the admin show the same numbers of errors and warnings, including a
warning that needs another agency's report (S5, copied figures)."""

import re
from io import BytesIO

from django.contrib.auth.models import User
from openpyxl import load_workbook

from gkreport.reports import workflow
from gkreport.reports.checking import run_checks
from gkreport.reports.models import Report
from tests.reports.conftest import stored_report
from tests.reports.helpers import seen


def numbers(pattern, page):
    found = re.search(pattern, page, re.S)
    assert found, pattern
    return int(found.group(1)), int(found.group(2))


def agency_home(client, people):
    page = client.get(f"/a/{people.agency.code}/").content.decode()
    return numbers(r"<td>(?:<span[^>]*>)?(\d+)(?:</span>)?</td>\s*<td>(\d+)", page)


def overview(client, report):
    page = client.get(f"/r/{report.code}/").content.decode()
    return numbers(r"错误 <strong[^>]*>(\d+)</strong> 个，警告 (\d+) 个", page)


def checks_page(client, report):
    page = client.get(f"/r/{report.code}/checks/").content.decode()
    return numbers(
        r"错误 <strong[^>]*>(\d+)</strong> 个(?:（须改正）)?，警告 <strong>(\d+)</strong>", page
    )


def review_page(client, report):
    page = client.get(f"/review/{report.code}/").content.decode()
    return numbers(r"检查结果：错误 (\d+)，警告 (\d+)", page)


def dashboard_row(client, offices, agency):
    page = client.get(f"/office/{offices.office.code}/2023/").content.decode()
    row = re.search(rf"<tr[^>]*><td>{agency.name}.*?</tr>", page, re.S).group(0)
    cells = re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
    plain = [re.sub(r"<[^>]+>", "", cell).strip() for cell in cells]
    return int(plain[-3]), int(plain[-2])


def export_row(client, offices, agency):
    body = client.get(f"/office/{offices.office.code}/2023/?format=xlsx").content
    sheet = load_workbook(BytesIO(body)).active
    for row in sheet.iter_rows(values_only=True):
        if row[0] == agency.name:
            return row[-2], row[-1]
    raise AssertionError("no row for " + agency.name)


def admin_row(client, report):
    page = client.get("/admin/reports/report/?q=" + report.agency.name).content.decode()
    row = re.search(
        r'<tr[^>]*>.*?field-error_count">(\d+)</td><td class="field-warning_count">(\d+)',
        page,
        re.S,
    )
    return int(row.group(1)), int(row.group(2))


def save_licensing(client, report, value):
    client.post(
        f"/r/{report.code}/table/t2/",
        {"fingerprint": seen(report, "t2"), "t2.licensing.decisions": value},
    )


def test_a_report_shows_the_same_counts_on_every_page(
    client, people, offices, django_capture_on_commit_callbacks
):
    # 科学技术局 submits first, with the same non-zero 行政许可 figure as Alice's draft.
    other = stored_report(people.other_agency)
    other.cells["t2.licensing.decisions"] = "1300"
    other.explanations = {}
    other.save()
    with django_capture_on_commit_callbacks(execute=True):
        Report.objects.filter(pk=other.pk).update(status="submitted")
        mine = people.report
        client.force_login(people.alice)
        save_licensing(client, mine, "1300")
        mine = Report.objects.get(pk=mine.pk)
        result = run_checks(mine)
        assert any(f.rule == "S5" for f in result.warnings)
        expected = (len(result.errors), len(result.warnings))
        assert agency_home(client, people) == expected
        assert overview(client, mine) == expected
        assert checks_page(client, mine) == expected
        mine.refresh_from_db()
        assert (mine.error_count, mine.warning_count) == expected

        # Alice's report goes to the office: the same counts on the office's pages.
        Report.objects.filter(pk=mine.pk).update(
            explanations={f.code: "两个机关的数字确实相同" for f in result.warnings}
        )
        mine = Report.objects.get(pk=mine.pk)
        workflow.perform(mine, "signer", "submit", people.bob)
    mine = Report.objects.get(pk=mine.pk)
    submitted = run_checks(mine)
    expected = (len(submitted.errors), len(submitted.warnings))
    assert any(f.rule == "S5" for f in submitted.warnings)
    client.force_login(offices.olivia)
    assert review_page(client, mine) == expected
    assert dashboard_row(client, offices, people.agency) == expected
    assert export_row(client, offices, people.agency) == expected
    admin = User.objects.create_superuser("root", password="pw-root")
    client.force_login(admin)
    assert admin_row(client, mine) == expected

    # Alice's submission made the other agency's copy visible to it too: its saved counts
    # (dashboard) were counted again and agree with its pages.
    other = Report.objects.get(pk=other.pk)
    other_result = run_checks(other)
    assert any(f.rule == "S5" for f in other_result.warnings)
    client.force_login(offices.olivia)
    assert review_page(client, other) == (len(other_result.errors), len(other_result.warnings))
    assert dashboard_row(client, offices, people.other_agency) == (
        len(other_result.errors),
        len(other_result.warnings),
    )


def test_a_save_runs_the_checks_once(client, people, monkeypatch):
    from gkreport.reports import checking

    calls = []
    engine = checking.check_report

    def counted(*args, **kwargs):
        calls.append(1)
        return engine(*args, **kwargs)

    monkeypatch.setattr(checking, "check_report", counted)
    client.force_login(people.alice)
    report = people.report
    saved = client.post(
        f"/r/{report.code}/table/t2/",
        {"fingerprint": seen(report, "t2"), "t2.licensing.decisions": "1300"},
    )
    assert saved.status_code == 302 and len(calls) == 1
    calls.clear()
    kept = client.post(  # unreadable text is kept, with its finding on the cell
        f"/r/{report.code}/table/t2/",
        {"fingerprint": seen(report, "t2"), "t2.licensing.decisions": "一千"},
    )
    assert kept.status_code == 302 and len(calls) == 1
    calls.clear()
    refused = client.post(  # one cell too long is refused, the other saved: the page again
        f"/r/{report.code}/table/t2/",
        {
            "fingerprint": seen(report, "t2"),
            "t2.licensing.decisions": "1500",
            "t2.penalty.decisions": "9" * 500,
        },
    )
    assert refused.status_code == 200 and "标红的单元格" in refused.content.decode()
    assert len(calls) == 1
    calls.clear()
    stale = client.post(  # someone else saved since: nothing saved, the input shown back
        f"/r/{report.code}/table/t2/",
        {"fingerprint": "0" * 32, "t2.licensing.decisions": "1400"},
    )
    assert stale.status_code == 200 and "保存冲突" in stale.content.decode()
    assert len(calls) == 1
