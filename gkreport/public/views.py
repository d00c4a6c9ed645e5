"""The public portal: no login; reads only published, frozen versions."""

import hashlib
import time

from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import Max
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.decorators.http import require_safe

from gkreport.formats import format_for_year
from gkreport.printing.rendering import report_context
from gkreport.public import opendata
from gkreport.public.downloads import serve_bytes
from gkreport.public.frozen import current, find_version, history
from gkreport.public.models import PublishedVersion
from gkreport.public.published_files import PublishedFileDamaged
from gkreport.public.snapshot import snapshot_figures, snapshot_received, snapshot_report
from gkreport.public.stats import region_statistics
from gkreport.reports.models import Agency, Region

SORTS = {
    "year": ("-year", "agency_name"),
    "name": ("agency_name", "-year"),
    "published": ("-published_at",),
}
PAGE_SIZE = 50
LIST_CACHE_SECONDS = 600


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


STAMP_SECONDS = 1.0
_stamp = {"value": 0, "read_at": -STAMP_SECONDS}


def publications_changed() -> None:
    """Called on publication: this process sees it at once (others within a second)."""
    _stamp["read_at"] = -STAMP_SECONDS


def _publication_stamp() -> int:
    """Changes whenever anything is published (every publication adds a version row).
    Read from the database at most once a second per process: a new publication shows in
    the list within a second, and the busy list page costs no query."""
    now = time.monotonic()
    if now - _stamp["read_at"] >= STAMP_SECONDS:
        _stamp["value"] = PublishedVersion.objects.aggregate(last=Max("id"))["last"] or 0
        _stamp["read_at"] = now
    return _stamp["value"]


@require_safe
def report_list(request):
    # The same list for everyone until the next publication: cached per query string.
    query = hashlib.sha1(request.GET.urlencode().encode()).hexdigest()
    key = f"public:list:{_publication_stamp()}:{query}"
    html = cache.get(key)
    if html is None:
        html = _render_list(request)
        cache.set(key, html, LIST_CACHE_SECONDS)
    return HttpResponse(html)


def _render_list(request) -> str:
    versions = current()
    year = _int(request.GET.get("year"))
    region = _int(request.GET.get("region"))
    kind = request.GET.get("kind", "")
    q = request.GET.get("q", "").strip()[:50]
    if year:
        versions = versions.filter(year=year)
    if region:
        versions = versions.filter(region_id_frozen__in=Region.subtree_ids(region))
    if kind in Agency.Kind.values:
        versions = versions.filter(agency_kind=kind)
    else:
        kind = ""
    if q:
        versions = versions.filter(agency_name__contains=q)
    sort = request.GET.get("sort", "year")
    sort = sort if sort in SORTS else "year"
    versions = versions.order_by(*SORTS[sort]).only(
        "agency_code", "agency_name", "agency_kind", "region_path", "year", "number", "published_at"
    )
    page = Paginator(versions, PAGE_SIZE).get_page(request.GET.get("page"))
    years = current().order_by("-year").values_list("year", flat=True).distinct()
    context = {
        "page": page,
        "years": list(years),
        "regions": Region.objects.order_by("pk"),
        "kinds": Agency.Kind.choices,
        "filters": {"year": year, "region": region, "kind": kind, "q": q, "sort": sort},
    }
    return render_to_string("public/list.html", context, request=request)


@require_safe
def agency_page(request, agency_code):
    versions = list(current().filter(agency_code=agency_code).order_by("-year"))
    if not versions:
        raise Http404("没有找到这个机关的已公开报告")
    return render(request, "public/agency.html", {"versions": versions, "agency": versions[0]})


@require_safe
def report_page(request, agency_code, year, number=None):
    version = find_version(agency_code, year, number)
    snapshot = version.snapshot
    report = snapshot_report(snapshot)
    base = reverse("public_report", args=[agency_code, year])
    pdf_url = (
        reverse("public_pdf_version", args=[agency_code, year, number])
        if number
        else reverse("public_pdf", args=[agency_code, year])
    )
    context = report_context(
        report,
        final=True,
        screen=True,
        history=snapshot_received(snapshot),
        figures=snapshot_figures(snapshot),
    )
    context.update(
        {
            "version": version,
            "versions": list(history(agency_code, year)),
            "pdf_url": pdf_url,
            "base": base,
            "data_csv": reverse("public_report_data", args=[agency_code, year, "csv"]),
            "data_json": reverse("public_report_data", args=[agency_code, year, "json"]),
        }
    )
    return render(request, "public/report.html", context)


@require_safe
def report_pdf(request, agency_code, year, number=None):
    version = find_version(agency_code, year, number)
    try:
        data = _pdf_bytes(version)
    except PublishedFileDamaged:  # logged where it was found; never served
        context = {"request_id": getattr(request, "request_id", "-")}
        return render(request, "public/pdf_unavailable.html", context, status=503)
    return serve_bytes(
        request,
        data,
        sha256=version.sha256,
        modified=version.published_at,
        filename=pdf_filename_for(version),
        content_type="application/pdf",
        immutable=number is not None,  # a numbered version never changes
    )


def _pdf_bytes(version) -> bytes:
    """A published PDF never changes: keep recent ones in the cache, keyed by their hash (only
    bytes that matched it are cached)."""
    key = f"public:pdf:{version.sha256}"
    data = cache.get(key)
    if data is None:
        data = version.pdf_bytes()
        cache.set(key, data, None)
    return data


def pdf_filename_for(version):
    return f"{format_for_year(version.year).title(version.agency_name, version.year)}.pdf"


@require_safe
def report_data(request, agency_code, year, fmt):
    version = find_version(agency_code, year)
    name = f"{version.agency_name}{year}年度报告数据.{fmt}"
    if fmt == "csv":
        body, content_type = opendata.report_csv(version.snapshot), "text/csv; charset=utf-8"
    elif fmt == "json":
        body, content_type = opendata.report_json(version.snapshot, version), "application/json"
    else:
        raise Http404("没有这种格式")
    return _download(body, content_type, name)


def _download(body, content_type, name):
    from gkreport.lib.http import content_disposition

    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = content_disposition(name)
    response["Cache-Control"] = "public, max-age=600"
    return response


@require_safe
def region_data(request, year, region_id, fmt):
    region = get_object_or_404(Region, pk=region_id)
    versions = PublishedVersion.objects.filter(
        is_current=True, year=year, region_id_frozen__in=Region.subtree_ids(region.pk)
    ).order_by("agency_name")
    cells, rows, sums = opendata.region_table(versions, year)
    title = f"{region.path} {year}年度政府信息公开工作年度报告数据"
    name = f"{region.name}{year}年度年报数据.{fmt}"
    if fmt == "csv":
        return _download(opendata.region_csv(cells, rows, sums), "text/csv; charset=utf-8", name)
    if fmt == "json":
        body = opendata.region_json(cells, rows, sums, year, region.path)
        return _download(body, "application/json", name)
    if fmt == "xlsx":
        body = opendata.region_xlsx(cells, rows, sums, title)
        xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        return _download(body, xlsx, name)
    raise Http404("没有这种格式")


@require_safe
def statistics_home(request):
    """The statistics of the top region (a province, or whatever the system covers)."""
    from django.shortcuts import redirect

    region = Region.objects.filter(parent=None).order_by("pk").first()
    if region is None:
        raise Http404("还没有区域")
    return redirect("public_stats", region.pk)


@require_safe
def statistics(request, region_id):
    region = get_object_or_404(Region, pk=region_id)
    versions = PublishedVersion.objects.filter(
        is_current=True, region_id_frozen__in=Region.subtree_ids(region.pk)
    ).only("year", "snapshot", "agency_name")
    context = {
        "region": region,
        "stats": region_statistics(versions),
        "regions": Region.objects.order_by("pk"),
    }
    return render(request, "public/stats.html", context)
