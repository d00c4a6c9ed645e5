"""What a step that cannot be taken back will do, said before the person confirms it.

报送, 审核通过 and 公开 ask first (`Transition.asks_first`): the button leads to a page (or,
with JavaScript, a dialog) listing who receives the report, what becomes read-only, what
follows and, for publishing, what is frozen and where the public will read it. The page
and the dialog show the same lines, from here.
"""

from django.http import Http404
from django.shortcuts import render
from django.urls import reverse

from gkreport.reports import workflow
from gkreport.reports.notifications import recipients
from gkreport.vocabulary import Status

STEPS = workflow.TRANSITIONS


def _notified(report, name, whom) -> str:
    count = len(recipients(report, name))
    return f"{whom}的{count}位工作人员将收到邮件通知。" if count else ""


def _submit(report, public_url) -> list[str]:
    from gkreport.review.access import offices_acting_for

    offices = "、".join(office.name for office in offices_acting_for(report.agency))
    return [
        f"报告将报送{offices or '本区域的政务公开主管部门'}审核。",
        _notified(report, "submit", offices) if offices else "",
        "报送后报告内容锁定为只读，本机关不能再修改；需要修改时，由主管部门"
        f"{STEPS['return'].label}。",
    ]


def _approve(report, public_url) -> list[str]:
    return [
        f"报告状态将变为“{Status.APPROVED.label}”，内容继续保持只读。",
        f"下一步由主管部门{STEPS['publish'].label}；{STEPS['publish'].label}前仍可"
        f"{STEPS['return'].label}。",
        _notified(report, "approve", report.agency.name),
    ]


def _publish(report, public_url) -> list[str]:
    current = report.versions.filter(is_current=True).values_list("number", flat=True).first()
    correct = STEPS["correct"].label
    return [
        "将生成正式PDF（不带“草稿”水印），与报告内容一起定稿保存，"
        "并记录PDF文件的SHA-256校验值；此后内容和文件都不能更改。",
        f"报告将在公开网站公开，任何人无需登录即可查看和下载：{public_url}",
        f"将作为第{current + 1}版替换现行的第{current}版，原版本和更正说明继续公开。"
        if current
        else "",
        f"公开不能撤回。公开后发现错误，只能{correct}：{correct}后重新公开为新版本，原版本保留。",
        _notified(report, "publish", report.agency.name),
    ]


SUMMARIES = {"submit": _submit, "approve": _approve, "publish": _publish}


def public_url(request, report) -> str:
    """Where the public reads the report once published (the same address every version)."""
    path = reverse("public_report", args=[report.agency.code, report.year])
    return request.build_absolute_uri(path)


def summary(request, report, name) -> list[str]:
    """What the transition will do, one sentence a line (nothing for steps that do not ask)."""
    lines = SUMMARIES[name](report, public_url(request, report)) if name in SUMMARIES else []
    return [line for line in lines if line]


def steps(request, report, transitions) -> list[tuple]:
    """(transition, summary) for each button: the summary is what its dialog says."""
    return [(t, summary(request, report, t.name) if t.asks_first else []) for t in transitions]


def confirm_page(request, report, role, name, context, template="reports/confirm.html"):
    """The page a step's button leads to without JavaScript: what will happen and the button
    that does it, or why it cannot be done now. The form posts the content version shown, so
    a report changed meanwhile is refused (workflow.perform) instead of acted on unseen."""
    transition = STEPS.get(name)
    if transition is None:
        raise Http404("没有这个操作")
    reasons = workflow.refusals(report, role, name)
    context = {
        **context,
        "report": report,
        "t": transition,
        "reasons": reasons,
        "summary": [] if reasons else summary(request, report, name),
    }
    return render(request, template, context)
