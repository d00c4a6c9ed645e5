"""The supervising office's one way to reach a report: only its jurisdiction, only submitted.

An office covers the agencies of its own region and may act on their reports; with
`include_lower` it also sees (read-only) those of the regions below. Drafts never leave
the agency: an office gets 404 for them, exactly as for agencies outside its jurisdiction.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from gkreport.reports.models import Agency, Region, Report
from gkreport.review.models import Office, OfficeMembership
from gkreport.vocabulary import VISIBLE_TO_OFFICE, may_review


def ancestors(region: Region) -> list[int]:
    ids, current = [], region
    while current is not None:
        ids.append(current.pk)
        current = current.parent
    return ids


def offices_acting_for(agency: Agency):
    return Office.objects.filter(region_id=agency.region_id)


def office_for(request, code) -> tuple[Office, OfficeMembership]:
    office = get_object_or_404(Office.objects.select_related("region"), code=code)
    membership = OfficeMembership.objects.filter(user=request.user, office=office).first()
    if membership is None:
        raise Http404("没有找到这个主管部门")
    return office, membership


def jurisdiction(office: Office) -> tuple[list[int], list[int]]:
    """(regions it acts on, regions it may only read)."""
    lower = Region.subtree_ids(office.region_id)[1:] if office.include_lower else []
    return [office.region_id], lower


def review_report_for(request, code, *, act=False):
    """(report, office membership, may act). 404 outside the jurisdiction or for drafts."""
    report = get_object_or_404(Report.objects.select_related("agency", "agency__region"), code=code)
    if not request.user.is_authenticated or report.status not in VISIBLE_TO_OFFICE:
        raise Http404("没有找到这份报告")
    chain = ancestors(report.agency.region)
    memberships = OfficeMembership.objects.filter(
        user=request.user, office__region_id__in=chain
    ).select_related("office")
    best = None
    for membership in memberships:
        office = membership.office
        acting = office.region_id == report.agency.region_id
        if acting or office.include_lower:
            may_act = acting and may_review(membership.role)
            if best is None or (may_act and not best[1]):
                best = (membership, may_act)
    if best is None:
        raise Http404("没有找到这份报告")
    membership, may_act = best
    if act and not may_act:
        raise PermissionDenied("只读：不能审核这份报告")
    return report, membership, may_act
