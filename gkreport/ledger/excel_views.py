"""The ledger and Excel: the template, the export, and importing an agency's own ledger in
two steps (upload; map its columns, preview, import)."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from gkreport.ledger import excel, importing
from gkreport.ledger.access import ledger_for, upload_in
from gkreport.ledger.derive import ledger_state
from gkreport.ledger.fields import FIELDS
from gkreport.lib.http import content_disposition
from gkreport.lib.sizes import size_text

ACCEPTED = (".xlsx", ".csv")


class UploadForm(forms.Form):
    file = forms.FileField(
        label="台账文件",
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(ACCEPTED)}),
        error_messages={"required": "请选择一个台账文件", "empty": "文件是空的"},
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > settings.MAX_UPLOAD_BYTES:
            limit = size_text(settings.MAX_UPLOAD_BYTES)
            raise forms.ValidationError(f"文件过大（{size_text(upload.size)}，上限{limit}）")
        return upload


def _xlsx(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type=excel.CONTENT_TYPE)
    response["Content-Disposition"] = content_disposition(filename)
    return response


@login_required
def ledger_template(request, code, year):
    ledger = ledger_for(request, code, year)
    name = f"{ledger.agency.name}{ledger.year}年依申请公开办理台账（模板）.xlsx"
    return _xlsx(excel.template_workbook(ledger.fmt, ledger.year), name)


@login_required
def ledger_export(request, code, year):
    ledger = ledger_for(request, code, year)
    state = ledger_state(ledger.agency.pk, ledger.year, ledger.fmt)
    name = f"{ledger.agency.name}{ledger.year}年依申请公开办理台账.xlsx"
    return _xlsx(excel.export_workbook(ledger, state), name)


@require_http_methods(["GET", "POST"])
@login_required
def ledger_import(request, code, year):
    """Step 1: the file. It is read at once (bounded), and its cells kept for step 2."""
    ledger = ledger_for(request, code, year, write=True)
    if not ledger.editable:
        messages.error(request, ledger.locked_reason)
        return redirect("ledger", ledger.agency.code, ledger.year)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            sheet = excel.read_file(upload.name, upload.read())
        except excel.Refused as refused:
            form.add_error("file", f"没有导入：{refused}")
        else:
            if sheet.rows:
                stored = importing.store_upload(ledger, request.user, upload.name, sheet)
                return redirect("ledger_mapping", ledger.agency.code, ledger.year, stored.code)
            form.add_error("file", "没有导入：表头下面没有数据行")
    context = {"ledger": ledger, "agency": ledger.agency, "form": form, "fields": FIELDS}
    context["limit"] = size_text(settings.MAX_UPLOAD_BYTES)
    return render(request, "ledger/import.html", context)


ALREADY_IMPORTED = "这个文件已经导入（按钮可能被点了两次），没有再导入一次。"


@require_http_methods(["GET", "POST"])
@login_required
def ledger_mapping(request, code, year, upload):
    """Step 2: which column is which, a preview of every row, then the import."""
    ledger = ledger_for(request, code, year, write=True)
    stored = upload_in(ledger, upload)
    sheet = importing.upload_sheet(stored)
    if request.method == "POST":
        mapping = _posted_mapping(request.POST, sheet)
        errors = importing.mapping_errors(mapping)
    else:
        mapping = {index: name for name, index in importing.guess(sheet.header).items()}
        errors = []
    result = importing.preview(ledger, sheet, mapping) if request.method == "POST" else None
    if result and not errors and request.POST.get("action") == "import":
        refusal = _import_refusal(ledger, result)
        if not refusal:
            count = importing.import_upload(ledger, stored, sheet, mapping)
            if count is None:
                messages.error(request, ALREADY_IMPORTED)
            else:
                messages.success(request, _imported_message(stored.name, count, result))
            return redirect("ledger", ledger.agency.code, ledger.year)
        messages.error(request, refusal)
    context = {"ledger": ledger, "agency": ledger.agency, "upload": stored, "errors": errors}
    context.update(columns=_columns(sheet, mapping), fields=FIELDS, result=result)
    return render(request, "ledger/mapping.html", context)


def _posted_mapping(post, sheet) -> dict[int, str]:
    names = {field.name for field in FIELDS}
    chosen = {index: post.get(f"column-{index}", "") for index in range(len(sheet.header))}
    return {index: name for index, name in chosen.items() if name in names}


def _columns(sheet, mapping) -> list[dict]:
    columns = []
    for index, title in enumerate(sheet.header):
        samples = [row[index] for row in sheet.rows if row[index]][:3]
        columns.append(
            {"index": index, "title": title, "samples": samples, "chosen": mapping.get(index, "")}
        )
    return columns


def _import_refusal(ledger, result) -> str:
    if not ledger.editable:
        return f"{ledger.locked_reason}没有导入。"
    if not result.ready:
        return "没有可以导入的行。"
    room = settings.LEDGER_MAX_ENTRIES - ledger.entries().count()
    if len(result.ready) > room:
        limit = settings.LEDGER_MAX_ENTRIES
        return f"台账最多{limit}条申请，还能导入{max(room, 0)}条，这次有{len(result.ready)}条，没有导入。"
    return ""


def _imported_message(name, count, result) -> str:
    text = f"已从“{name}”导入{count}条申请。"
    if result.problems:
        text += f"另有{len(result.problems)}行有问题，没有导入（请在文件中改正后再导入这些行，或在台账中补录）。"
    if result.duplicates:
        text += f"{len(result.duplicates)}行已在台账中，没有重复导入。"
    return text
