"""Public pages read only published versions: their frozen columns and snapshots."""

from django.http import Http404

from gkreport.public.models import PublishedVersion

LIGHT = ("snapshot",)  # the heavy column a listing never needs


def current():
    return PublishedVersion.objects.filter(is_current=True).defer(*LIGHT)


def find_version(agency_code, year, number=None) -> PublishedVersion:
    versions = PublishedVersion.objects.filter(agency_code=agency_code, year=year)
    version = (
        versions.filter(number=number).first()
        if number is not None
        else versions.filter(is_current=True).first()
    )
    if version is None:
        raise Http404("没有找到已公开的报告")
    return version


def history(agency_code, year):
    return (
        PublishedVersion.objects.filter(agency_code=agency_code, year=year)
        .defer(*LIGHT)
        .order_by("number")
    )
