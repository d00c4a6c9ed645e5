from django.contrib import admin
from django.utils.html import format_html_join

from gkreport.reports import admin_display as words
from gkreport.reports.checking import refresh_counts, run_checks
from gkreport.reports.labels import place_label
from gkreport.reports.models import Agency, Event, Membership, Region, Report


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ("name", "parent")
    search_fields = ("name",)


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ("user",)


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin):
    list_display = ("name", "region", "kind", "phone", "email")
    list_filter = ("kind", "region")
    search_fields = ("name",)
    inlines = (MembershipInline,)


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ("user", "agency", "role")
    list_filter = ("role",)
    search_fields = ("user__username", "agency__name")


# A stored JSON field shown read-only → the method that shows it in words.
IN_WORDS = {
    "narrative": "narrative_in_words",
    "cells": "cells_in_words",
    "explanations": "explanations_in_words",
    "prefilled": "prefilled_in_words",
    "import_log": "import_log_in_words",
}


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    list_display = ("agency", "year", "format_version", "status", "error_count", "warning_count")
    list_filter = ("year", "status", "format_version")
    search_fields = ("agency__name", "title")
    readonly_fields = ("code", "findings", "import_log_in_words", "created", "updated")
    list_select_related = ("agency",)

    def get_readonly_fields(self, request, obj=None):
        # Content is read-only outside draft/returned (Report.save() refuses it anyway).
        if obj is not None and not obj.is_editable:
            content = (IN_WORDS.get(f, f) for f in Report.CONTENT_FIELDS)
            return (*self.readonly_fields, *content, "status", "agency", "year")
        return self.readonly_fields

    def get_fields(self, request, obj=None):
        # A JSON field shown read-only is shown in words, where the field itself would be.
        shown = set(self.get_readonly_fields(request, obj))
        fields = super().get_fields(request, obj)
        fields = [IN_WORDS[f] if IN_WORDS.get(f) in shown else f for f in fields]
        return list(dict.fromkeys(fields))

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        refresh_counts(obj)

    @admin.display(description="检查结果")
    def findings(self, obj):
        result = run_checks(obj)
        if not result.findings:
            return "未发现问题"
        return format_html_join(
            "\n",
            '<div title="{}">{} {}</div>',
            (
                (f.code, "错误" if f.severity == "error" else "警告", f.message)
                for f in result.findings
            ),
        )

    @admin.display(description="正文")
    def narrative_in_words(self, obj):
        return words.narrative_html(obj.fmt, obj.narrative)

    @admin.display(description="统计表")
    def cells_in_words(self, obj):
        return words.cells_html(obj.fmt, obj.cells)

    @admin.display(description="警告说明")
    def explanations_in_words(self, obj):
        return words.explanations_html(obj.explanations)

    @admin.display(description="预填单元格")
    def prefilled_in_words(self, obj):
        return words.places_html(obj.fmt, obj.prefilled)

    @admin.display(description="导入记录")
    def import_log_in_words(self, obj):
        return words.import_log_html(obj.import_log)


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ("report", "kind", "user", "created", "transition")
    list_filter = ("kind",)
    fields = ("report", "kind", "user", "created", "transition", "comment", "where", "edits")
    readonly_fields = ("created", "transition", "where", "edits", "submitted_content")

    def get_fields(self, request, obj=None):
        return (
            (*self.fields, "submitted_content") if obj is not None and obj.snapshot else self.fields
        )

    def has_change_permission(self, request, obj=None):
        return False  # the log is a record, not a draft

    @admin.display(description="状态变更")
    def transition(self, obj):
        if not obj.from_status and not obj.to_status:
            return ""
        names = dict(Report.Status.choices)
        return f"{names.get(obj.from_status, '')} → {names.get(obj.to_status, '')}"

    @admin.display(description="页面")
    def where(self, obj):
        return place_label(obj.report.fmt, obj.page) if obj.page else ""

    @admin.display(description="改动")
    def edits(self, obj):
        return words.changes_html(obj.report.fmt, obj.changes) if obj.changes else ""

    @admin.display(description="报送内容")
    def submitted_content(self, obj):
        return words.content_html(obj.report.fmt, obj.snapshot)
