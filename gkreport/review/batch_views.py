"""The office's batch check: hand over many published reports (files, a .zip, URLs), follow the
reading in the background, see and export what was found, run it again.

Only members of the office reach its batches: another office's batch is a 404.
"""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from gkreport.imports.uploaded import SUPPORTED, accepted_text
from gkreport.lib.fetch import policy_from_settings
from gkreport.lib.http import content_disposition
from gkreport.lib.sizes import size_text
from gkreport.review import batch_run
from gkreport.review.access import office_for
from gkreport.review.batch_export import batch_workbook
from gkreport.review.batch_files import BatchRefused, collect, limits_from_settings
from gkreport.review.batch_storage import store_batch_file
from gkreport.review.models import Batch, BatchItem

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PER_PAGE = 50


class BatchForm(forms.Form):
    name = forms.CharField(label="名称", max_length=200, required=False)
    urls = forms.CharField(
        label="网址",
        required=False,
        widget=forms.Textarea(
            attrs={
                "rows": 4,
                "class": "form-control",
                "placeholder": "https://www.example.gov.cn/…",
            }
        ),
        help_text="每行一个网址，由服务器下载后检查",
    )


def batch_for(request, code, batch_code) -> tuple[Batch, object]:
    office, membership = office_for(request, code)
    batch = get_object_or_404(
        Batch.objects.select_related("office"), code=batch_code, office=office
    )
    return batch, membership


def create_batch(office, user, name: str, entries) -> Batch:
    batch = Batch.objects.create(office=office, creator=user, name=name)
    BatchItem.objects.bulk_create(
        [
            BatchItem(
                batch=batch,
                position=position,
                name=entry.name,
                source_url=entry.source_url,
                file=store_batch_file(entry.data) if entry.data else "",
                status=BatchItem.Status.FAILED if entry.error else BatchItem.Status.WAITING,
                error=entry.error,
            )
            for position, entry in enumerate(entries, 1)
        ],
        batch_size=100,
    )
    return batch


@login_required
def batches(request, code):
    office, membership = office_for(request, code)
    form = BatchForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            entries = collect(
                request.FILES.getlist("files"),
                form.cleaned_data["urls"],
                limits_from_settings(),
                policy_from_settings(),
            )
        except BatchRefused as refused:
            form.add_error(None, str(refused))
        else:
            batch = create_batch(office, request.user, form.cleaned_data["name"], entries)
            batch_run.start(batch)
            return redirect("batch", office.code, batch.code)
    listing = office.batches.select_related("creator").annotate(count=Count("items"))[:50]
    limits = limits_from_settings()
    return render(
        request,
        "review/batches.html",
        {
            "office": office,
            "membership": membership,
            "form": form,
            "batches": listing,
            "limits": limits,
            "max_file_size": size_text(limits.max_file_bytes),
            "max_total_size": size_text(limits.max_total_bytes),
            "accept": ",".join((*SUPPORTED, ".zip")),
            "accepted": accepted_text(),
        },
    )


def progress(batch: Batch, total: int) -> dict:
    """The run's progress: one step per file, then one for the cross-check."""
    finished = not batch.is_active
    done = total + 1 if batch.status == Batch.Status.DONE else min(batch.progress, total)
    percent = 100 if batch.status == Batch.Status.DONE else done * 100 // (total + 1)
    label = batch.get_status_display()
    if batch.status == Batch.Status.RUNNING:
        label = f"正在读取：{done}/{total}个文件"
    return {
        "status": batch.status,
        "label": label,
        "done": done,
        "total": total + 1,
        "percent": percent,
        "finished": finished,
        "stalled": batch.is_stalled,
    }


def summary(batch: Batch) -> dict:
    rows = list(batch.items.values_list("status", "result"))
    checked = [result for status, result in rows if status == BatchItem.Status.CHECKED]
    return {
        "files": len(rows),
        "checked": len(checked),
        "failed": sum(1 for status, _ in rows if status == BatchItem.Status.FAILED),
        "with_errors": sum(1 for result in checked if result.get("errors")),
        "errors": sum(result.get("errors", 0) for result in checked),
        "warnings": sum(result.get("warnings", 0) for result in checked),
    }


@login_required
def batch_detail(request, code, batch_code):
    batch, membership = batch_for(request, code, batch_code)
    items = batch.items.all()
    if request.GET.get("format") == "xlsx":
        response = HttpResponse(batch_workbook(batch, items.iterator()), content_type=XLSX)
        name = f"{batch.office.name}批量检查{batch.created:%Y%m%d-%H%M}.xlsx"
        response["Content-Disposition"] = content_disposition(name)
        return response
    # A page at a time: a batch of hundreds of reports lists tens of thousands of findings.
    page = Paginator(items, PER_PAGE).get_page(request.GET.get("page"))
    totals = summary(batch)
    return render(
        request,
        "review/batch.html",
        {
            "office": batch.office,
            "membership": membership,
            "batch": batch,
            "items": page.object_list,
            "page": page,
            "summary": totals,
            "progress": progress(batch, totals["files"]),
        },
    )


@login_required
def batch_progress(request, code, batch_code):
    batch, _ = batch_for(request, code, batch_code)
    return JsonResponse(progress(batch, batch.items.count()))


@require_POST
@login_required
def batch_rerun(request, code, batch_code):
    batch, _ = batch_for(request, code, batch_code)
    if not batch.may_rerun:
        messages.info(request, "这一批正在检查，完成后才能重新运行。")
    else:
        batch_run.rerun(batch)
        messages.success(request, "已重新开始检查。")
    return redirect("batch", batch.office.code, batch.code)
