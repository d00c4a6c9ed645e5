"""E-mail on submit, return, approve, publish and correct, to the people concerned."""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail

from gkreport.reports.models import Report
from gkreport.vocabulary import OfficeRole

logger = logging.getLogger(__name__)

SUBJECTS = {
    "submit": "【待审核】{agency}报送了{year}年度政府信息公开工作年度报告",
    "return": "【已退回】{year}年度政府信息公开工作年度报告需要修改",
    "approve": "【已审核】{year}年度政府信息公开工作年度报告审核通过",
    "publish": "【已公开】{year}年度政府信息公开工作年度报告已公开",
    "correct": "【更正】{agency}{year}年度报告开始更正",
}


def recipients(report: Report, name: str) -> list[str]:
    users = get_user_model().objects.exclude(email="")
    if name in ("submit", "correct"):
        from gkreport.review.access import offices_acting_for

        offices = offices_acting_for(report.agency)
        users = users.filter(
            office_memberships__office__in=offices, office_memberships__role=OfficeRole.REVIEWER
        )
    else:
        users = users.filter(memberships__agency=report.agency)
    return sorted(set(users.values_list("email", flat=True)))


def notify(report: Report, transition, user, comment: str) -> int:
    """Send the e-mail; a mail server that is down never undoes or blocks a transition."""
    try:
        return _send(report, transition, user, comment)
    except Exception:  # noqa: BLE001 - logged; the transition has already happened
        logger.exception("notification for %s %s failed", report.pk, transition.name)
        return 0


def _send(report: Report, transition, user, comment: str) -> int:
    to = recipients(report, transition.name)
    if not to:
        return 0
    subject = SUBJECTS[transition.name].format(agency=report.agency.name, year=report.year)
    by = user.get_full_name() or user.username if user else "系统"
    body = f"{report.agency.name} {report.year}年度报告：{transition.done}\n操作人：{by}"
    if comment:
        body += f"\n意见：{comment}"
    return send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, to)
