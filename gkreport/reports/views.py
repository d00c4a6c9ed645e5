"""Agency staff's pages: home, start a year, edit each part and table, checks, preview, submit.

Plain function views: the access helper (404/403), the form built from the format, an
explicit save, then the page again with the findings on their cells.
"""

import functools
import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import F
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods, require_POST

from gkreport.checks.messages import CELL_NOTES
from gkreport.formats.grid import table_grid
from gkreport.formats.narrative import INTRO
from gkreport.lib.http import content_disposition
from gkreport.lib.values import rules_for_browser
from gkreport.pdf import PdfError
from gkreport.printing import docx_writer, pdf_store, rendering
from gkreport.reports import confirming, last_year_text, workflow
from gkreport.reports.access import agency_for, memberships, report_for
from gkreport.reports.checking import (
    blank_note,
    blank_summary,
    run_checks,
    run_checks_many,
    submission_problems,
    unexplained,
)
from gkreport.reports.editing import Conflict, Locked, fingerprint, save_page
from gkreport.reports.forms import (
    ExplanationForm,
    InfoForm,
    NarrativeForm,
    ReplyForm,
    StartYearForm,
    TableForm,
)
from gkreport.reports.labels import place_label
from gkreport.reports.models import Report
from gkreport.reports.pages import INFO, completeness, page, page_for_part, pages
from gkreport.reports.replies import kept_replies
from gkreport.reports.starting import AlreadyStarted, previous_report, start_report
from gkreport.reports.summary import blank_tables, summarise
from gkreport.reports.tasks import render_draft_pdf

PENDING = "pending_post"


def keep_input_when_logged_out(view):
    """A POST from an expired session is kept in the new session and shown after login."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            if request.method == "POST":
                data = {key: request.POST.getlist(key) for key in request.POST}
                data.pop("csrfmiddlewaretoken", None)
                request.session[PENDING] = {"path": request.path, "data": data}
            login = f"{reverse('login')}?next={request.path}"
            return redirect(login)
        return view(request, *args, **kwargs)

    return wrapper


def _pending_input(request):
    pending = request.session.get(PENDING)
    if not pending or pending.get("path") != request.path:
        return None
    del request.session[PENDING]
    messages.warning(request, "登录已过期：下面是您上次提交但尚未保存的内容，请核对后再点“保存”。")
    from django.http import QueryDict

    data = QueryDict(mutable=True)
    for key, values in pending["data"].items():
        data.setlist(key, values)
    return data


def _input_and_seen(request, report, page):
    """The form data (a POST, or input kept from an expired session) and the fingerprint of
    the page content it was typed against (the stored content when there is no input)."""
    data = request.POST if request.method == "POST" else _pending_input(request)
    seen = data.get("fingerprint", "") if data else fingerprint(report, page)
    return data, seen


@login_required
def home(request):
    """One agency: go straight to it; several: choose."""
    rows = list(memberships(request.user))
    offices = list(request.user.office_memberships.select_related("office"))
    if len(rows) == 1 and not offices:
        return redirect("agency", rows[0].agency.code)
    if offices and not rows:
        return redirect("offices")
    return render(request, "reports/choose_agency.html", {"memberships": rows, "offices": offices})


@login_required
def agency(request, code):
    agency, membership = agency_for(request, code)
    return agency_page(request, agency, membership)


def agency_page(request, agency, membership, import_form=None):
    """The agency's home: its reports by year, starting a year, importing last year's."""
    from gkreport.reports.import_previous import PriorYearForm

    reports = list(agency.reports.select_related("agency").order_by("-year"))
    results = run_checks_many(reports)
    rows = []
    for report in reports:
        result = results[report.pk]
        done = completeness(report)
        rows.append(
            {
                "report": report,
                "errors": len(result.errors),
                "warnings": len(result.warnings),
                "unexplained": len(unexplained(report, result)),
                "completeness": done,
                "complete": sum(1 for item in done if item["done"]),
                # A draft's blank cells are progress, shown here, never among its errors.
                "blank": blank_summary(report, result),
            }
        )
    years = {r.year for r in reports}
    form = StartYearForm()
    suggested = max(years) + 1 if years else form.high - 1
    return render(
        request,
        "reports/agency.html",
        {
            "agency": agency,
            "membership": membership,
            "rows": rows,
            "form": form,
            "suggested_year": min(suggested, form.high),
            "import_form": import_form or PriorYearForm(),
            "ledger_years": _ledger_years(agency, years),
        },
    )


def _ledger_years(agency, report_years) -> list[int]:
    """The years whose application ledger the agency's page links to: this year's, those
    of its reports and those it kept a ledger for, newest first."""
    from gkreport.ledger.access import ledger_years

    kept = set(agency.ledger_entries.values_list("year", flat=True).distinct())
    allowed = ledger_years()
    wanted = {allowed[-1], *report_years, *kept}
    return sorted((year for year in wanted if year in allowed), reverse=True)


@require_POST
@login_required
def start_year(request, code):
    agency, _ = agency_for(request, code, write=True)
    form = StartYearForm(request.POST)
    if not form.is_valid():
        for error in form.errors.get("year", []):
            messages.error(request, error)
        return redirect("agency", agency.code)
    try:
        report = start_report(agency, form.cleaned_data["year"], request.user)
    except AlreadyStarted as already:
        messages.info(request, f"{already.report.year}年度报告已经存在。")
        return redirect(already.report)
    messages.success(
        request, f"已创建{report.year}年度报告，部分内容已按本机关信息和上年报告预填。"
    )
    return redirect(report)


@login_required
def report_overview(request, code):
    report, membership = report_for(request, code)
    result = run_checks(report)
    editable = report.is_editable and membership.can_edit and not report.imported_from
    return render(
        request,
        "reports/overview.html",
        {
            "report": report,
            "membership": membership,
            "completeness": completeness(report),
            "result": result,
            # What stands in the way of submitting, for those who may still change it.
            "problems": submission_problems(report, result) if editable else [],
            "editable": editable,
            "submitter": _submitter(report, membership),
            "steps": confirming.steps(request, report, workflow.allowed(report, membership.role)),
            "comments": _open_comments(request, report),
            "events": report.events.select_related("user")[:20],
        },
    )


def _submitter(report, membership) -> str:
    """Who may submit, named for someone who may not (“本机关的审核签发人（张三）”)."""
    if workflow.may_perform(membership.role, "submit"):
        return ""
    return workflow.who_may("submit", report.agency)


def _open_comments(request, report, target=None):
    """The office's comments the agency should act on: shown while the report is returned,
    each with its answer box (holding a reply kept from a login that expired)."""
    kept = kept_replies(request)
    if report.status != Report.Status.RETURNED:
        return []
    comments = report.comments.filter(resolved=False).select_related("author")
    comments = comments.prefetch_related("replies__author")
    if target:
        comments = comments.filter(target=target)
    comments = list(comments)
    for comment in comments:  # each with its own answer box (ids differ per comment)
        initial = {"text": kept[comment.pk]} if comment.pk in kept else None
        comment.reply_field = ReplyForm(initial=initial, auto_id=f"reply-{comment.pk}-%s")["text"]
    if any(comment.pk in kept for comment in comments):
        messages.warning(request, "您的答复还没有保存，已放回答复框中，请核对后再提交。")
    return comments


def _common(request, report, membership, current):
    return {
        "report": report,
        "membership": membership,
        "pages": pages(report.fmt),
        "current": current,
        "editable": report.is_editable and membership.can_edit,
        "comments": _open_comments(request, report, current.key if current else None),
    }


def _save(request, report, current, seen, changes, comment=""):
    """Save, or explain why not. Returns (report, saved?)."""
    try:
        report = save_page(report, current, request.user, seen, changes, comment)
    except Locked:
        messages.error(request, "报告已报送，不能再修改；如需修改请等待退回。您的输入未保存。")
        return report, False
    except Conflict as conflict:
        who = ""
        if conflict.event and conflict.event.user:
            when = conflict.event.created.astimezone().strftime("%H:%M")
            who = (
                f"（{conflict.event.user.get_full_name() or conflict.event.user.username}于{when}）"
            )
        messages.error(
            request,
            f"保存冲突：这一页已被他人{who}修改，您的内容没有保存，仍显示在下面。"
            "请复制您的修改，刷新页面查看对方的内容后再合并保存。",
        )
        return report, False
    version = report.version
    transaction.on_commit(lambda: render_draft_pdf.enqueue(report.pk, version))
    return report, True


def _tell_dropped(request, *forms):
    dropped = sum(form.dropped_controls() for form in forms)
    if dropped:
        messages.info(
            request, f"粘贴的文字中有{dropped}个不可见的控制字符（来自Word/WPS等），已删除。"
        )


REFUSED_KEPT = (
    "其余内容已保存；标红的一项没有保存（原内容不变），下面仍是您输入的文字，请修改后再保存。"
)


@keep_input_when_logged_out
def edit_info(request, code):
    report, membership = report_for(request, code, write=request.method == "POST")
    data, seen = _input_and_seen(request, report, INFO)
    initial = {
        "title": report.title,
        "preamble": report.preamble,
        "signature": report.signature,
        "signed_on": f"{report.signed_on:%Y年%-m月%-d日}" if report.signed_on else "",
    }
    form = InfoForm(data, initial=initial)
    if request.method == "POST":
        form.is_valid()
        changes = {k: v for k, v in form.cleaned_data.items()}
        report, saved = _save(request, report, INFO, seen, changes)
        _tell_dropped(request, form)
        if saved:
            if form.errors:
                messages.warning(request, REFUSED_KEPT)
            else:
                messages.success(request, "已保存。")
                return redirect("edit_info", report.code)
            seen = fingerprint(report, INFO)
    context = _common(request, report, membership, INFO)
    context.update({"form": form, "fingerprint": seen})
    return render(request, "reports/info.html", context)


@keep_input_when_logged_out
def edit_part(request, code, part):
    report, membership = report_for(request, code, write=request.method == "POST")
    current = page(report.fmt, part)
    if current is None or current.is_table or current.key == "info":
        raise Http404("没有这一部分")
    stored = report.narrative.get(current.part.key, {})
    data, seen = _input_and_seen(request, report, current)
    previous, last_year = _last_year(report, current.part)
    asking = ""
    reusing = last_year_text.asked(data)  # 使用上年内容 without JavaScript: fill, never save
    if reusing:
        data, asking = last_year_text.use(request, current.part, data, last_year)
    form = NarrativeForm(current.part, data, initial=_initial_pieces(current.part, stored))
    if request.method == "POST" and not reusing:
        form.is_valid()
        changes = {"narrative": form.pieces(stored)}
        report, saved = _save(request, report, current, seen, changes)
        _tell_dropped(request, form)
        if saved and not form.errors:
            messages.success(request, _saved_message(report, current))
            return redirect("edit_part", report.code, part)
        if saved:
            messages.warning(request, REFUSED_KEPT)
            seen = fingerprint(report, current)
    context = _common(request, report, membership, current)
    context.update({"form": form, "fingerprint": seen, "previous": previous, "asking": asking})
    context["last_year"] = last_year_text.shown(form, last_year)
    context.update(_summary(_page_findings(report, current, run_checks(report))))
    return render(request, "reports/part.html", context)


def _last_year(report, part):
    """Last year's report and its pieces of this part, in the template's order."""
    previous = previous_report(report.agency, report.year)
    stored = previous.narrative.get(part.key, {}) if previous else {}
    return previous, _initial_pieces(part, stored) if previous else {}


def _initial_pieces(part, stored):
    """A part's pieces in the template's order (PostgreSQL's jsonb does not keep the order
    of keys), every piece present."""
    pieces = {INTRO: stored.get(INTRO, "")}
    for number in range(1, len(part.subsections) + 1):
        pieces[str(number)] = stored.get(str(number), "")
    return pieces


@keep_input_when_logged_out
def edit_table(request, code, table):
    report, membership = report_for(request, code, write=request.method == "POST")
    current = page(report.fmt, table)
    if current is None or not current.is_table:
        raise Http404("没有这张表")
    table_def = report.fmt.table(current.table)
    data, seen = _input_and_seen(request, report, current)
    stored_cells = {c.code: report.cells.get(c.code, "") for c in table_def.cells}
    form = TableForm(table_def, data, initial=stored_cells)
    stored_text = report.narrative.get(current.part.key, {})
    narrative = NarrativeForm(
        current.part, data, prefix="text", initial=_initial_pieces(current.part, stored_text)
    )
    if request.method == "POST":
        _warn_unknown_cells(request, report, form)
        form.is_valid()
        narrative.is_valid()
        changes = {"cells": form.readable_cells(), "narrative": narrative.pieces(stored_text)}
        report, saved = _save(request, report, current, seen, changes)
        _tell_dropped(request, narrative)
        if saved and not form.errors and not narrative.errors:
            messages.success(request, _saved_message(report, current))
            return redirect("edit_table", report.code, table)
        if saved:
            messages.warning(
                request, "其余内容已保存；标红的单元格或说明没有保存（原内容不变），请修改。"
            )
            seen = fingerprint(report, current)
    context = _common(request, report, membership, current)
    context.update(_table_context(report, current, table_def, form, narrative))
    context["fingerprint"] = seen
    return render(request, "reports/table.html", context)


def _warn_unknown_cells(request, report, form):
    """Cells of another table posted to this one are not saved: say so rather than drop
    them silently."""
    unknown = [
        key
        for key in request.POST
        if key.startswith(tuple(f"{t.key}." for t in report.fmt.tables)) and key not in form.fields
    ]
    if unknown:
        named = [place_label(report.fmt, key) for key in unknown if key in report.fmt.cell_map]
        listed = f"：{'、'.join(named[:5])}" if named else ""
        messages.warning(request, f"忽略了{len(unknown)}个不属于本表的单元格{listed}，没有保存。")


def _table_context(report, current, table_def, form, narrative):
    """The table page as the checks see the stored report: the grid with each cell's
    findings, the findings of this part, what is left blank, and the sums for live totals."""
    result = run_checks(report)
    # Table 2 shows last year's figures beside its "in force" cells, for reference.
    previous = previous_report(report.agency, report.year) if current.table == "t2" else None
    ledger = _ledger_beside(report, current)
    return {
        "form": form,
        "narrative": narrative,
        "ledger": ledger,
        "grid": _grid_with_values(table_def, form, result.by_cell(), report, previous, ledger),
        **_summary(_page_findings(report, current, result)),
        "blank_note": _blank_note(table_def, result),
        "identities_json": json.dumps(_identities(report, current.table), ensure_ascii=False),
        "value_rules": rules_for_browser(),
        "cell_notes": CELL_NOTES,
    }


def _ledger_beside(report, current):
    """Table 3 as the agency's application ledger counts it (gkreport/ledger/adopt.py):
    shown beside the typed figures, never written into them without the agency adopting."""
    from gkreport.ledger.adopt import beside_table, ledger_table

    if current.table != ledger_table(report.fmt) or report.imported_from:
        return None
    return beside_table(report)


def _page_findings(report, current, result) -> list:
    """What a page's summary lists: the findings of its part and, on a table's page, those
    about the table's cells."""
    prefix = f"{current.table}." if current.table else None
    return [
        f
        for f in result.findings
        if f.part == current.part.key or (prefix and any(c.startswith(prefix) for c in f.cells))
    ]


def _saved_message(report, current) -> str:
    """After a save, where the page's remaining problems are: the summary, which comes
    below the message (the messages head the page). A save runs the checks already
    (`refresh_counts`), so counting them costs nothing."""
    result = run_checks(report)
    count = len(_page_findings(report, current, result))
    left = _blank_note(report.fmt.table(current.table), result) if current.table else ""
    if count:
        return f"已保存。本页还有{count}个问题，列在下方，可以稍后再改。"
    return f"已保存。{left}，见下方。" if left else "已保存。"


def _summary(findings) -> dict:
    """The page's findings and their short summary above the form (summary.py)."""
    return {"findings": findings, "summary": summarise(findings)}


def _blank_note(table_def, result) -> str:
    left = result.blank_by_table().get(table_def.key)
    return blank_note(table_def, left) if left else ""


def _grid_with_values(table_def, form, by_cell, report, previous, ledger=None):
    rows = []
    body_index = 0
    kinds = {c.code: c.kind for c in table_def.cells}  # count, amount or delta, for table.js
    cell_defs = {c.code: c for c in table_def.cells}
    for grid_row in table_grid(table_def):
        cells = []
        column = 0
        names = _column_names([cell_defs[c.code] for c in grid_row.cells if c.kind == "value"])
        for cell in grid_row.cells:
            item = {"cell": cell}
            if cell.kind == "value":
                bound = form[cell.code]
                found = by_cell.get(cell.code, [])
                item.update(
                    {
                        "label": bound.label,
                        "kind": kinds[cell.code],
                        "value": bound.value() or "",
                        "errors": bound.errors,
                        "findings": found,
                        "severity": _cell_severity(cell.code, found, bound.errors),
                        "prefilled": cell.code in report.prefilled,
                        "row": body_index,
                        "col": column,
                        "column": names[cell.code],
                        "reference": (
                            previous.cells.get(cell.code)
                            if previous and cell.code.endswith(".in_force")
                            else None
                        ),
                        "ledger": ledger["differences"].get(cell.code) if ledger else None,
                    }
                )
                column += 1
            cells.append(item)
        rows.append({"kind": grid_row.kind, "cells": cells})
        if grid_row.kind == "body":
            body_index += 1
    return rows


def _column_names(row_cells) -> dict[str, str]:
    """How a message names each cell's column (table.js, when a paste is cut): its header,
    with the column groups where they, not a row label, tell the cells apart (表四)."""
    grouped = len({c.row_label for c in row_cells}) > 1
    return {
        c.code: f"{c.row_label} {c.column_label}" if grouped else c.column_label for c in row_cells
    }


def _cell_severity(code, found, form_errors) -> str:
    """Red on the cell a finding is about (the total, or the cell itself); a light mark on
    the other cells of the sum; yellow for warnings."""
    if form_errors:
        return "error"
    primary = [f for f in found if f.cells[-1] == code]
    if any(f.severity == "error" for f in primary):
        return "error"
    if any(f.severity == "error" for f in found):
        return "involved"
    return "warning" if found else ""


def _identities(report, table_key):
    return [
        {"code": i.code, "title": i.title, "left": list(i.left), "right": list(i.right)}
        for i in report.fmt.identities
        if i.left[0].startswith(table_key + ".")
    ]


@keep_input_when_logged_out
def checks(request, code):
    report, membership = report_for(request, code, write=request.method == "POST")
    result = run_checks(report)
    form = ExplanationForm(result.warnings, request.POST or None, initial=report.explanations)
    if request.method == "POST" and form.is_valid():
        explanations = {k: v.strip() for k, v in form.cleaned_data.items() if v.strip()}
        # Explanations decide whether the report may be submitted: a new version, so that a
        # submission checked against the old ones is refused (workflow.perform).
        saved = Report.objects.filter(pk=report.pk, status__in=Report.EDITABLE).update(
            explanations=explanations, version=F("version") + 1
        )
        if not saved:
            messages.error(request, "报告已报送，不能再修改说明。")
        else:
            _tell_dropped(request, form)
            messages.success(request, "说明已保存。")
            return redirect("checks", report.code)
    groups = _finding_groups(report, result, form)
    context = _common(request, report, membership, None)
    context.update(
        {
            "result": result,
            "groups": groups,
            "form": form,
            "problems": submission_problems(report, result),
            "blank": blank_tables(report.fmt, result),
            "submitter": _submitter(report, membership),
        }
    )
    return render(request, "reports/checks.html", context)


def _finding_groups(report, result, form) -> list[dict]:
    """The findings by part, in the template's order, each warning with its explanation
    field once (a warning code found twice is explained once)."""
    groups, explained = [], set()
    for part in report.fmt.parts:
        items = []
        for finding in (f for f in result.findings if f.part == part.key):
            field = None
            if finding.severity == "warning" and finding.code not in explained:
                explained.add(finding.code)
                field = form[finding.code]
            items.append({"finding": finding, "field": field})
        if items:
            groups.append(
                {"part": part, "page": page_for_part(report.fmt, part.key), "items": items}
            )
    return groups


@login_required
def preview(request, code):
    report, membership = report_for(request, code)
    html = rendering.report_html(
        report,
        screen=True,
        back=report.get_absolute_url(),
        pdf_url=rendering.pdf_url(report),
        docx_url=reverse("report_docx", args=[report.code]),
        csp_nonce=request.csp_nonce,
    )
    return HttpResponse(html)


@login_required
def report_pdf(request, code):
    report, _ = report_for(request, code)
    try:
        pdf = pdf_store.report_pdf(report)
    except PdfError as error:
        messages.error(request, str(error))
        return redirect(report)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition(rendering.pdf_filename(report))
    return response


@login_required
def report_docx(request, code):
    """The report as a Word file for the agency's own sign-off, in any status."""
    report, _ = report_for(request, code)
    response = HttpResponse(docx_writer.report_docx(report), content_type=docx_writer.CONTENT_TYPE)
    response["Content-Disposition"] = content_disposition(docx_writer.docx_filename(report))
    return response


@require_http_methods(["GET", "POST"])
@login_required
def transition(request, code, name):
    """GET: what the step will do, with the button that does it (steps that cannot be taken
    back ask first); POST: the step itself."""
    report, membership = report_for(request, code, write=True)
    default = report.get_absolute_url()
    if request.method == "GET":
        action = reverse("transition", args=[report.code, name])
        context = {"action": action, "back": default}
        return confirming.confirm_page(request, report, membership.role, name, context)
    comment = request.POST.get("comment", "")
    seen = request.POST.get("version")
    try:
        workflow.perform(report, membership.role, name, request.user, comment, seen)
    except workflow.Refused as refused:
        for reason in refused.reasons:
            messages.error(request, reason)
        if name == "submit":  # the checks page lists what stands in the way, cell by cell
            default = reverse("checks", args=[report.code])
    else:
        messages.success(request, workflow.TRANSITIONS[name].done)
    target = request.POST.get("next") or default
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return HttpResponseBadRequest("bad next")
    return redirect(target)
