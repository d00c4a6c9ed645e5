"""The report workflow as one explicit table of transitions, each logged as an event.

A transition is a conditional update (status must still be what the person saw), so a
double click or two people at once make one transition, not two.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction

from gkreport.reports.models import Event, Membership, Report

S = Report.Status


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


TRANSITIONS = {
    t.name: t
    for t in (
        Transition(
            "submit",
            "报送",
            (S.DRAFT, S.RETURNED),
            S.SUBMITTED,
            (Membership.Role.SIGNER,),
            "已报送。报告已锁定，退回前不能再修改。",
            guard=_submission_guard,
        ),
    )
}


def allowed(report: Report, membership: Membership) -> list[Transition]:
    return [
        t for t in TRANSITIONS.values() if report.status in t.sources and membership.role in t.roles
    ]


def perform(report: Report, membership: Membership, name: str, user, comment: str = "") -> Report:
    transition = TRANSITIONS.get(name)
    if transition is None:
        raise Refused(["没有这个操作"])
    if membership.role not in transition.roles:
        raise Refused(
            [
                f"只有{'、'.join(Membership.Role(r).label for r in transition.roles)}可以{transition.label}"
            ]
        )
    if report.status not in transition.sources:
        raise Refused([f"报告当前状态为“{report.get_status_display()}”，不能{transition.label}"])
    if transition.needs_comment and not comment.strip():
        raise Refused([f"{transition.label}需要填写意见"])
    if transition.guard:
        problems = transition.guard(report)
        if problems:
            raise Refused([f"不能{transition.label}：{problem}" for problem in problems])
    with transaction.atomic():
        changed = Report.objects.filter(pk=report.pk, status=report.status).update(
            status=transition.target
        )
        if changed != 1:
            raise Refused(["报告状态已被他人改变，请刷新页面"])
        Event.objects.create(
            report=report,
            kind=Event.Kind.TRANSITION,
            user=user,
            from_status=report.status,
            to_status=transition.target,
            comment=comment.strip(),
        )
    report.status = transition.target
    return report
