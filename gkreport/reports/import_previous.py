"""Importing last year's report, published outside gkreport, from a file or a URL (the
agency's home page; editors and signers only). See prior_year.py for what it becomes."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from gkreport.formats import format_for_year
from gkreport.imports.text import ImportError_
from gkreport.imports.uploaded import (
    SUPPORTED,
    SUPPORTED_TEXT,
    read_uploaded,
    supported,
    upload_hint,
)
from gkreport.lib.fetch import FetchRefused, fetch, policy_from_settings
from gkreport.lib.sizes import size_text
from gkreport.reports.access import agency_for
from gkreport.reports.models import Report
from gkreport.reports.prior_year import ImportRefused, agency_mismatch, import_prior_year


class PriorYearForm(forms.Form):
    file = forms.FileField(
        label="报告文件",
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(SUPPORTED)}),
    )
    url = forms.CharField(
        label="或报告网址",
        required=False,
        max_length=2000,
        widget=forms.URLInput(attrs={"placeholder": "https://www.example.gov.cn/…"}),
    )
    year = forms.IntegerField(
        label="报告年度", required=False, min_value=2019, help_text="留空则从报告标题识别"
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = upload_hint()  # the limit is a setting: read it now

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload and not supported(upload.name):
            raise forms.ValidationError(f"不支持的文件类型（支持{SUPPORTED_TEXT}）")
        if upload and upload.size > settings.MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                f"文件过大（{size_text(upload.size)}，上限{size_text(settings.MAX_UPLOAD_BYTES)}）"
            )
        return upload

    def clean(self):
        data = super().clean()
        if bool(data.get("file")) == bool((data.get("url") or "").strip()):
            if not self.errors:
                raise forms.ValidationError("请选择一个报告文件，或填写一个网址（二者选一）")
        return data


@require_POST
@login_required
def import_previous(request, code):
    agency, membership = agency_for(request, code, write=True)
    form = PriorYearForm(request.POST, request.FILES)
    if form.is_valid():
        url = form.cleaned_data["url"].strip()
        try:
            if url:
                fetched = fetch(url, policy_from_settings())
                name, data, source = fetched.name, fetched.data, url
            else:
                upload = form.cleaned_data["file"]
                name, data = upload.name, upload.read()
                source = name
            result = read_uploaded(name, data, year=form.cleaned_data["year"]).result
            report = import_prior_year(agency, result, source, request.user)
        except (FetchRefused, ImportError_, ImportRefused) as refused:
            form.add_error(None, f"没有导入：{refused}")
        else:
            messages.success(request, imported_message(report, result))
            other = agency_mismatch(agency, result)
            if other:
                messages.warning(
                    request,
                    f"文件标题中的机关是“{other}”，不是“{agency.name}”。"
                    "如果导入错了文件，请重新导入本机关的报告（会替换这一份）。",
                )
            return redirect(report)
    from gkreport.reports.views import agency_page

    return agency_page(request, agency, membership, import_form=form)


def imported_message(report, result) -> str:
    text = f"已导入{report.year}年度报告（系统外已公开，只读）。"
    if result.unplaced:
        text += f"有{len(result.unplaced)}处内容未能读取，列在本页“未能读取的内容”中。"
    following = report.year + 1
    words = format_for_year(following).words  # S1 and, where the format has it, S2
    compared = "和".join(filter(None, (words["carried_over"], words.get("in_force"))))
    if Report.objects.filter(agency_id=report.agency_id, year=following).exists():
        text += f"{following}年度报告的检查将与其核对{compared}（已填写的内容不变）。"
    else:
        text += (
            f"开始填报{following}年度报告时，"
            f"将按其“{words['carried_forward']}”预填“{words['carried_over']}”，并与其核对。"
        )
    return text
