"""Checking an existing report file in the browser: the web twin of `gk_check`."""

from django import forms
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from gkreport.formats import get_format
from gkreport.imports.isolation import read_and_check
from gkreport.imports.jsonfile import figures_for_json
from gkreport.imports.text import ImportError_
from gkreport.imports.uploaded import SUPPORTED, upload_hint
from gkreport.lib.sizes import size_text
from gkreport.reports.labels import place_label


class UploadForm(forms.Form):
    file = forms.FileField(
        label="报告文件",
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(SUPPORTED)}),
    )
    year = forms.IntegerField(label="报告年度", required=False, help_text="留空则从标题识别")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = upload_hint()  # the limit is a setting: read it now

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > settings.MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                "文件过大（%(size)s，上限%(limit)s）",
                code="too_large",
                params={
                    "size": size_text(upload.size),
                    "limit": size_text(settings.MAX_UPLOAD_BYTES),
                },
            )
        return upload


def not_assessed(check, report: dict) -> list[dict]:
    """The sums the check could not verify, named by their titles (“表三 自然人列”), each
    once: two rules over the same column share a title and a reason."""
    fmt = get_format(report["format"])
    rows = {}
    for code in check.not_assessed:
        title = place_label(fmt, code)
        rows.setdefault(title, {"title": title, "code": code})
        rows[title]["unread"] = rows[title].get("unread") or code in check.not_assessed_unread
    return list(rows.values())


@login_required
def check_file(request):
    form = UploadForm(request.POST or None, request.FILES or None)
    context = {"form": form}
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            # In a child process within settings.IMPORT_LIMITS: a hostile file must not
            # stall this worker or exhaust its memory.
            result, check = read_and_check(
                upload.read(),
                year=form.cleaned_data["year"],
                limits=settings.IMPORT_LIMITS,
                max_bytes=settings.MAX_UPLOAD_BYTES,
                name=upload.name,
            )
        except ImportError_ as error:
            form.add_error("file", str(error))
        else:
            context.update(
                {
                    "name": upload.name,
                    "result": result,
                    "check": check,
                    "figures": figures_for_json(result.report),
                    "not_assessed": not_assessed(check, result.report),
                }
            )
    return render(request, "reports/check_file.html", context)
