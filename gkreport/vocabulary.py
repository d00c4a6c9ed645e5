"""The words the whole project shares: a report's statuses, the named sets of them, and the
roles people have in an agency or an office.

Everything that asks “may this be edited?”, “does the office see it?” or “who may submit?”
reads this module; no view, template, tag, notification or dashboard spells a status or a
role itself. Templates get the same answers through model properties (`report.is_editable`,
`membership.can_edit`).
"""

from django.db import models


class Status(models.TextChoices):
    DRAFT = "draft", "草稿"
    SUBMITTED = "submitted", "已报送"
    RETURNED = "returned", "已退回"
    APPROVED = "approved", "已审核"
    PUBLISHED = "published", "已公开"


# The agency may change the content (anywhere else the content is read-only).
EDITABLE = (Status.DRAFT, Status.RETURNED)
# Left the agency at least once: the office reaches it, and it counts for other agencies'
# cross-report checks (a draft is nobody's business but its agency's).
VISIBLE_TO_OFFICE = (Status.SUBMITTED, Status.RETURNED, Status.APPROVED, Status.PUBLISHED)
# With the office and not sent back: the agency has done its part of the year.
DELIVERED = (Status.SUBMITTED, Status.APPROVED, Status.PUBLISHED)
# Waiting for the office to act: its inbox, across years.
AWAITING_OFFICE = (Status.SUBMITTED, Status.APPROVED)
# What the office has to do with a report waiting for it, as its inbox says it.
OFFICE_TASKS = {Status.SUBMITTED: "待审核", Status.APPROVED: "待公开"}
# The order of the workflow, for sorting (an agency without a report first).
DISPLAY_ORDER = {
    None: 0,
    Status.DRAFT: 1,
    Status.RETURNED: 2,
    Status.SUBMITTED: 3,
    Status.APPROVED: 4,
    Status.PUBLISHED: 5,
}


class AgencyRole(models.TextChoices):
    """A person's place in an agency: who drafts (填报人) and who signs off (审核签发人)."""

    EDITOR = "editor", "填报人"
    SIGNER = "signer", "审核签发人"
    READER = "reader", "只读"


class OfficeRole(models.TextChoices):
    REVIEWER = "reviewer", "审核人"
    VIEWER = "viewer", "只读"


# The roles that may change an agency's reports (readers only look).
AGENCY_WRITERS = (AgencyRole.EDITOR, AgencyRole.SIGNER)
# How a role is named where the workflow says who may do something.
ACTOR_NAMES = {
    AgencyRole.SIGNER: "审核签发人",
    AgencyRole.EDITOR: "填报人",
    OfficeRole.REVIEWER: "主管部门审核人",
}


def can_edit(role: str) -> bool:
    """May a member with this agency role change the agency's reports?"""
    return role in AGENCY_WRITERS


def may_review(role: str) -> bool:
    """May a member with this office role act on (not only read) a report?"""
    return role == OfficeRole.REVIEWER
