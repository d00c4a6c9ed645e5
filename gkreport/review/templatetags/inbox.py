"""One row of the office's inbox, built here rather than in the template: a city's inbox
near the deadline holds hundreds of reports, and the template engine spent most of the
page's time on them (as with the dashboard's rows in gk.dashboard_row)."""

from django import template
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe

register = template.Library()


def _cell(label: str, content: str, classes: str = "text-nowrap") -> str:
    # data-label names the cell where a phone shows each report as labelled lines (app.css).
    return f'<td class="{classes}" data-label="{label}">{content}</td>'


@register.simple_tag
def inbox_row(row, may_act: bool):
    report = row.report
    submitted = "—"
    if report.submitted_at:
        submitted = timezone.localtime(report.submitted_at).strftime("%Y-%m-%d %H:%M")
    if row.waiting_days is None:
        waited = "—"
    else:
        waited = f"{row.waiting_days}天" if row.waiting_days else "今天"
    if row.late_days:
        late = (
            '<span class="badge text-bg-danger">逾期</span> '
            f'<span class="small text-danger">晚{row.late_days}天报送</span>'
        )
    else:
        late = '<span class="text-muted">按时</span>'
    style, word = ("btn-outline-primary", "审核") if may_act else ("btn-outline-secondary", "查看")
    link = reverse("review", args=[report.code])
    return mark_safe(
        '<tr class="inbox-row">'
        f'<td class="inbox-agency">{escape(report.agency.name)}</td>'
        + _cell("年度", str(report.year), "")
        + _cell("待办", escape(row.task), "")
        + _cell("报送时间", submitted, "small text-nowrap")
        + _cell("已等待", waited)
        + _cell("截止日期", row.due.isoformat(), "small text-nowrap")
        + _cell("是否逾期", late)
        + f'<td class="inbox-action"><a class="btn btn-sm {style}" href="{link}">{word}</a></td>'
        "</tr>"
    )
