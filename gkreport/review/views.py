"""The supervising office's pages: inbox, dashboard, cross-report checks, review, transitions."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.html import format_html
from django.views.decorators.http import require_http_methods, require_POST

from gkreport.checks import CROSS_REPORT_RULES, cross_report_kinds
from gkreport.lib.http import content_disposition
from gkreport.pdf import PdfError
from gkreport.printing import pdf_store, rendering
from gkreport.public.published_files import PublishedFileDamaged
from gkreport.reports import confirming, workflow
from gkreport.reports.checking import run_checks, run_checks_many
from gkreport.reports.models import Agency, Report
from gkreport.reports.pages import pages
from gkreport.review import bulk_publish
from gkreport.review.access import jurisdiction, office_for, review_report_for
from gkreport.review.dashboard import (
    SORTS,
    STATUS_FILTERS,
    dashboard_rows,
    indicators,
    summary,
)
from gkreport.review.diff import submission_diff
from gkreport.review.export import dashboard_workbook
from gkreport.review.inbox import dashboard_years, inbox_rows
from gkreport.review.models import OfficeMembership, ReviewComment
from gkreport.vocabulary import VISIBLE_TO_OFFICE, OfficeRole, may_review

DAMAGED = (
    "已公开的报告文件与公开时的文件不一致或无法读取，系统没有提供该文件（已记录），请联系系统管理员"
)


@login_required
def offices(request):
    rows = list(OfficeMembership.objects.filter(user=request.user).select_related("office"))
    if len(rows) == 1:
        return redirect("inbox", rows[0].office.code)
    return render(request, "review/offices.html", {"memberships": rows})


@login_required
def inbox(request, code):
    """The office's landing page: what waits for it in every year, oldest first. Whatever
    year a submission belongs to, it is here; the year dashboards are one click away."""
    office, membership = office_for(request, code)
    context = {
        "office": office,
        "membership": membership,
        "may_act": may_review(membership.role),
        "rows": inbox_rows(office),
        "years": dashboard_years(office),
    }
    return render(request, "review/inbox.html", context)


@login_required
def dashboard(request, code, year):
    office, membership = office_for(request, code)
    filters = {
        "status": request.GET.get("status", "")
        if request.GET.get("status") in STATUS_FILTERS
        else "",
        "kind": request.GET.get("kind", "")
        if request.GET.get("kind") in Agency.Kind.values
        else "",
        "q": request.GET.get("q", "").strip()[:50],
        "overdue": request.GET.get("overdue") == "1",
        "sort": request.GET.get("sort", "name") if request.GET.get("sort") in SORTS else "name",
    }
    rows = dashboard_rows(office, year, **filters)
    if request.GET.get("format") == "xlsx":
        response = HttpResponse(
            dashboard_workbook(office, year, rows),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        name = f"{office.name}{year}年度年报报送情况.xlsx"
        response["Content-Disposition"] = content_disposition(name)
        return response
    context = {
        "office": office,
        "membership": membership,
        "year": year,
        "rows": rows,
        "summary": summary(rows),
        "indicators": indicators(rows, year),
        "filters": filters,
        "statuses": STATUS_FILTERS,
        "kinds": Agency.Kind.choices,
        "query": request.GET.urlencode(),
    }
    return render(request, "review/dashboard.html", context)


@login_required
def cross_checks(request, code, year):
    """The warnings that need several reports: S5 between agencies, S1/S2/S6/S11/S12 against
    last year, S8 the publication date, S10 a government against its departments."""
    office, membership = office_for(request, code)
    acting, _ = jurisdiction(office)
    this_year = list(
        Report.objects.filter(year=year, agency__region_id__in=acting, status__in=VISIBLE_TO_OFFICE)
        .select_related("agency")
        .order_by("agency__name")
    )
    results = run_checks_many(this_year)
    items = []
    for report in this_year:
        found = [f for f in results[report.pk].findings if f.rule in CROSS_REPORT_RULES]
        if found:
            items.append({"report": report, "findings": found})
    return render(
        request,
        "review/cross.html",
        {
            "office": office,
            "year": year,
            "items": items,
            "count": len(this_year),
            "kinds": cross_report_kinds(),
        },
    )


@require_http_methods(["GET", "POST"])
@login_required
def publish_many(request, code, year):
    """批量公开: the year's approved reports; those chosen are published in the background."""
    office, membership = office_for(request, code)
    may_act = may_review(membership.role)
    if request.method == "POST":
        if not may_act:
            raise PermissionDenied("只读：不能公开报告")
        count = bulk_publish.queue(office, year, request.POST.getlist("report"), request.user)
        if count:
            messages.success(request, f"已开始公开 {count} 份报告。本页显示进度，可以离开本页。")
        else:
            messages.error(request, "没有选择可以公开的报告。")
        return redirect("publish_many", office.code, year)
    candidates = bulk_publish.candidates(office, year)
    context = {"office": office, "year": year, "may_act": may_act, "candidates": candidates}
    context.update(bulk_publish.progress(office, year))
    return render(request, "review/publish_many.html", context)


@login_required
def review(request, code):
    report, membership, may_act = review_report_for(request, code)
    result = run_checks(report)
    comments = report.comments.select_related("author").prefetch_related("replies__author")
    events = report.events.select_related("user")[:30]
    context = {
        "report": report,
        "membership": membership,
        "may_act": may_act,
        "result": result,
        "explanations": report.explanations,
        "comments": comments,
        "targets": [(p.key, p.title) for p in pages(report.fmt)],
        "steps": confirming.steps(request, report, _allowed(report, may_act)),
        # The report as it prints, inline: the same partial as the preview and the public
        # page, without the preview's own bar (its 返回 and 下载PDF are this page's).
        "document": rendering.report_context(report, screen=True),
        "events": events,
        "diff": submission_diff(report),
        "versions": report.versions.only(
            "number", "sha256", "published_at", "is_current", "correction_note"
        ),
    }
    return render(request, "review/review.html", context)


def _allowed(report, may_act) -> list:
    return workflow.allowed(report, OfficeRole.REVIEWER) if may_act else []


@login_required
def review_preview(request, code):
    """The report as it prints, A4 page by A4 page, on a page of its own."""
    report, _, _ = review_report_for(request, code)
    back = reverse("review", args=[report.code])
    html = rendering.report_html(
        report,
        screen=True,
        back=back,
        pdf_url=reverse("review_pdf", args=[report.code]),
        csp_nonce=request.csp_nonce,
    )
    return HttpResponse(html)


@login_required
def review_pdf(request, code):
    report, _, _ = review_report_for(request, code)
    version = report.versions.filter(is_current=True).first()
    if report.status == Report.Status.PUBLISHED and version is not None:
        try:
            pdf = version.pdf_bytes()
        except PublishedFileDamaged:  # logged where it was found; never served
            messages.error(request, DAMAGED)
            return redirect("review", report.code)
    else:
        try:
            pdf = pdf_store.report_pdf(report)
        except PdfError as error:
            messages.error(request, str(error))
            return redirect("review", report.code)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition(rendering.pdf_filename(report))
    return response


@require_POST
@login_required
def add_comment(request, code):
    report, _, _ = review_report_for(request, code, act=True)
    target = request.POST.get("target", "")
    text = request.POST.get("text", "").strip()
    valid = {p.key for p in pages(report.fmt)}
    if target not in valid or not text:
        messages.error(request, "请选择位置并填写意见。")
    elif len(text) > 5000:
        messages.error(request, "意见过长（最多5000字）。")
    else:
        ReviewComment.objects.create(report=report, target=target, text=text, author=request.user)
        messages.success(request, "意见已添加；退回后机关可以在对应页面看到。")
    return redirect("review", report.code)


@require_http_methods(["GET", "POST"])
@login_required
def review_transition(request, code, name):
    """GET: what the step will do, with the button that does it; POST: the step itself."""
    report, membership, _ = review_report_for(request, code, act=True)
    back = reverse("review", args=[report.code])
    if request.method == "GET":
        action = reverse("review_transition", args=[report.code, name])
        context = {"action": action, "back": back, "office": membership.office}
        template = "review/confirm.html"
        return confirming.confirm_page(
            request, report, OfficeRole.REVIEWER, name, context, template
        )
    comment, seen = request.POST.get("comment", ""), request.POST.get("version")
    try:
        workflow.perform(report, OfficeRole.REVIEWER, name, request.user, comment, seen)
    except workflow.Refused as refused:
        for reason in refused.reasons:
            messages.error(request, reason)
        return redirect(back)
    messages.success(request, done_message(request, report, name))
    if report.status == Report.Status.DRAFT:  # a correction: back with the agency
        return redirect("offices")
    return redirect(back)


def done_message(request, report, name):
    """What the step did; after publishing, where the public now reads the report."""
    done = workflow.TRANSITIONS[name].done
    if report.status != Report.Status.PUBLISHED:
        return done
    url = confirming.public_url(request, report)
    return format_html('{} 公开页面：<a href="{}">{}</a>', done, url, url)
