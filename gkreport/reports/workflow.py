"""The report workflow as one explicit table of transitions, each logged as an event.

    draft ──submit──▶ submitted ──approve──▶ approved ──publish──▶ published
      ▲                 │  ▲                   │                      │
      └───(edit)── returned ◀──return──────────┘                      │
      ▲                                                               │
      └──────────────────────────── correct ◀─────────────────────────┘

A transition is a conditional update (the status must still be what the person saw), so a
double click or two people at once make one transition, not two. Who may do what is the
`roles` column: agency roles (editor, signer) and office roles (reviewer). The steps that
cannot be taken back by the person who takes them (`asks_first`) are confirmed on a page
that says what will happen (gkreport/reports/confirming.py) before they are made.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from gkreport.public.models import PublishedVersion
from gkreport.public.published_files import store_pdf
from gkreport.reports.checking import refresh_counts
from gkreport.reports.models import Event, Report
from gkreport.vocabulary import ACTOR_NAMES, AgencyRole, OfficeRole
from gkreport.vocabulary import Status as S

SIGNER, REVIEWER = AgencyRole.SIGNER, OfficeRole.REVIEWER


class Refused(Exception):
    def __init__(self, reasons):
        super().__init__("; ".join(reasons))
        self.reasons = list(reasons)


def _submission_guard(report) -> list[str]:
    from gkreport.reports.checking import run_checks, submission_problems

    return submission_problems(report, run_checks(report))


@dataclass(frozen=True)
class Transition:
    name: str
    label: str
    sources: tuple[str, ...]
    target: str
    roles: tuple[str, ...]
    done: str
    guard: Callable | None = None
    needs_comment: bool = False
    style: str = "primary"
    # Irreversible for whoever clicks: the button asks first (a confirmation page, or a
    # dialog with the same summary when JavaScript runs) instead of acting on one click.
    asks_first: bool = False


TRANSITIONS = {
    t.name: t
    for t in (
        Transition(
            "submit",
            "报送",
            (S.DRAFT, S.RETURNED),
            S.SUBMITTED,
            (SIGNER,),
            "已报送。报告已锁定，退回前不能再修改。",
            guard=_submission_guard,
            asks_first=True,
        ),
        Transition(
            "return",
            "退回修改",
            (S.SUBMITTED, S.APPROVED),
            S.RETURNED,
            (REVIEWER,),
            "已退回，机关可以修改后重新报送。",
            needs_comment=True,
            style="outline-danger",
        ),
        Transition(
            "approve",
            "审核通过",
            (S.SUBMITTED,),
            S.APPROVED,
            (REVIEWER,),
            "已审核通过。",
            asks_first=True,
        ),
        Transition(
            "publish",
            "公开",
            (S.APPROVED,),
            S.PUBLISHED,
            (REVIEWER,),
            "已公开：报告与PDF已定稿保存。",
            asks_first=True,
        ),
        Transition(
            "correct",
            "更正",
            (S.PUBLISHED,),
            S.DRAFT,
            (SIGNER, REVIEWER),
            "已开始更正：修改后重新报送，公开后替换现行版本，原版本保留。",
            needs_comment=True,
            style="outline-secondary",
        ),
    )
}


# A report imported as published outside gkreport (prior_year.py) is a record, not a draft.
IMPORTED = "这份报告是导入的系统外已公开报告，不在本系统中报送、审核、公开或更正"


def may_perform(role: str, name: str) -> bool:
    return role in TRANSITIONS[name].roles


def who_may(name: str, agency) -> str:
    """Who in the agency may do it, for someone who may not: “本机关的审核签发人（张三）”. The
    roles by their names in the vocabulary, then the people who hold them."""
    roles = [role for role in TRANSITIONS[name].roles if role in AgencyRole.values]
    names = "、".join(ACTOR_NAMES[role] for role in roles)
    people = [
        m.user.get_full_name() or m.user.username
        for m in agency.memberships.filter(role__in=roles, user__is_active=True)
        .select_related("user")
        .order_by("user__username")
    ]
    held_by = "、".join(people) if people else "尚未设置，请联系系统管理员"
    return f"本机关的{names}（{held_by}）"


def allowed(report: Report, role: str) -> list[Transition]:
    if report.imported_from:
        return []
    return [t for t in TRANSITIONS.values() if report.status in t.sources and role in t.roles]


# A page older than the report: what the person confirmed is no longer what would happen.
STALE = "报告在您打开页面之后已有变化，请查看最新内容后再"


def refusals(report: Report, role: str, name: str, comment: str | None = None) -> list[str]:
    """Why this person may not make this transition now ([] when they may). The comment is
    judged only when given: a confirmation page asks for it, the transition needs it."""
    transition = TRANSITIONS.get(name)
    if transition is None:
        return ["没有这个操作"]
    if report.imported_from:
        return [IMPORTED]
    if role not in transition.roles:
        names = "、".join(ACTOR_NAMES[r] for r in transition.roles)
        return [f"只有{names}可以{transition.label}"]
    if report.status not in transition.sources:
        return [f"报告当前状态为“{report.get_status_display()}”，不能{transition.label}"]
    if comment is not None and transition.needs_comment and not comment.strip():
        return [f"{transition.label}需要填写意见"]
    if transition.guard:
        return [f"不能{transition.label}：{problem}" for problem in transition.guard(report)]
    return []


def perform(
    report: Report, role: str, name: str, user, comment: str = "", seen_version=None
) -> Report:
    """seen_version: the content version the person's page showed (None when the page did
    not say); a report changed since then is refused rather than acted on unseen."""
    reasons = refusals(report, role, name, comment)
    if reasons:
        raise Refused(reasons)
    transition = TRANSITIONS[name]
    if seen_version is not None and str(seen_version) != str(report.version):
        raise Refused([STALE + transition.label])
    comment = comment.strip()
    source = report.status
    # Slow work (the final PDF) happens before the write transaction, not while holding it;
    # an approved report's content is read-only, so what is rendered is what gets published.
    prepared = PREPARE[name](report) if name in PREPARE else None
    with transaction.atomic():
        # Conditional on the status and on the content version the guard checked: a save
        # that slipped in after the checks (or an explanation removed) refuses the
        # transition instead of submitting content nobody checked.
        changed = Report.objects.filter(pk=report.pk, status=source, version=report.version).update(
            status=transition.target
        )
        if changed != 1:
            current = Report.objects.filter(pk=report.pk).values_list("status", flat=True)
            if list(current) == [source]:
                raise Refused(["报告内容刚刚被修改，请重新检查后再" + transition.label])
            raise Refused(["报告状态已被他人改变，请刷新页面"])
        event = Event.objects.create(
            report=report,
            kind=Event.Kind.TRANSITION,
            user=user,
            from_status=source,
            to_status=transition.target,
            comment=comment,
        )
        report.status = transition.target
        report._loaded_status = transition.target
        EFFECTS.get(name, lambda *a: None)(report, event, user, prepared)
        # The status decides how the report is judged (a blank cell is an error once it
        # has left the agency) and whether other agencies' checks see it.
        refresh_counts(report)
    from gkreport.reports.tasks import send_notification

    user_id = user.pk if user else None
    transaction.on_commit(
        lambda: send_notification.enqueue(report.pk, transition.name, user_id, comment)
    )
    return report


def content_snapshot(report: Report) -> dict:
    return {
        "title": report.title,
        "preamble": report.preamble,
        "narrative": report.narrative,
        "cells": report.cells,
        "explanations": report.explanations,
        "signature": report.signature,
        "signed_on": str(report.signed_on or ""),
    }


def _on_submit(report, event, user, prepared):
    report.submitted_at = timezone.now()
    Report.objects.filter(pk=report.pk).update(submitted_at=report.submitted_at)
    event.snapshot = content_snapshot(report)
    event.save(update_fields=["snapshot"])
    # The office's comments of the last round have been answered by this submission.
    report.comments.filter(resolved=False).update(resolved=True)


def _on_approve(report, event, user, prepared):
    from gkreport.reports.tasks import render_final_pdf

    transaction.on_commit(lambda: render_final_pdf.enqueue(report.pk))


def _prepare_publish(report) -> dict:
    from gkreport.printing import pdf_store
    from gkreport.public.snapshot import build_snapshot

    # Usually stored already by the task queued at approval.
    return {"pdf": pdf_store.report_pdf(report, final=True), "snapshot": build_snapshot(report)}


def _on_publish(report, event, user, prepared):
    pdf, snapshot = prepared["pdf"], prepared["snapshot"]
    last = report.versions.aggregate(n=Max("number"))["n"] or 0
    note = (
        report.events.filter(to_status=S.DRAFT, from_status=S.PUBLISHED)
        .values_list("comment", flat=True)
        .first()
        if last
        else ""
    )
    # The file first, complete, under its hash: a transaction rolled back after this leaves
    # an unreferenced file, never a version without its file.
    pdf_name, sha256 = store_pdf(pdf)
    report.versions.filter(is_current=True).update(is_current=False)
    PublishedVersion.objects.create(
        report=report,
        number=last + 1,
        snapshot=snapshot,
        year=report.year,
        agency_code=report.agency.code,
        agency_name=snapshot["agency"]["name"],
        agency_kind=snapshot["agency"]["kind"],
        region_id_frozen=snapshot["agency"]["region_id"],
        region_path=snapshot["agency"]["region"],
        pdf_file=pdf_name,
        sha256=sha256,
        published_at=timezone.now(),
        published_by=user,
        correction_note=note or "",
    )
    from gkreport.public.views import publications_changed

    transaction.on_commit(publications_changed)


PREPARE = {"publish": _prepare_publish}
EFFECTS = {"submit": _on_submit, "approve": _on_approve, "publish": _on_publish}
