"""The one way a view reaches an agency or a report: 404 for outsiders, 403 for read-only.

Every view goes through these helpers, so an agency never sees another agency's reports,
not even whether they exist.
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from gkreport.reports.models import Agency, Membership, Report


def _membership(user, agency_id) -> Membership | None:
    if not user.is_authenticated:
        return None
    return Membership.objects.filter(user=user, agency_id=agency_id).first()


def _allowed_membership(request, agency_id, write) -> Membership:
    membership = _membership(request.user, agency_id)
    if membership is None:
        raise_not_found()
    if write and not membership.can_edit:
        raise PermissionDenied("只读用户不能修改报告")
    return membership


def agency_for(request, code, *, write=False) -> tuple[Agency, Membership]:
    agency = get_object_or_404(Agency.objects.select_related("region"), code=code)
    return agency, _allowed_membership(request, agency.pk, write)


def report_for(request, code, *, write=False) -> tuple[Report, Membership]:
    report = get_object_or_404(Report.objects.select_related("agency"), code=code)
    membership = _allowed_membership(request, report.agency_id, write)
    report.membership = membership
    return report, membership


def raise_not_found():
    from django.http import Http404

    raise Http404("没有找到这份报告")


def memberships(user):
    return Membership.objects.filter(user=user).select_related("agency", "agency__region")
