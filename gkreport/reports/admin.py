from django.contrib import admin
from django.utils.html import format_html_join

from gkreport.reports.checking import refresh_counts, run_checks
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


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    list_display = ("agency", "year", "format_version", "status", "error_count", "warning_count")
    list_filter = ("year", "status", "format_version")
    search_fields = ("agency__name", "title")
    readonly_fields = ("code", "findings", "import_log", "created", "updated")
    list_select_related = ("agency",)

    def get_readonly_fields(self, request, obj=None):
        # Content is read-only outside draft/returned (Report.save() refuses it anyway).
        if obj is not None and not obj.is_editable:
            return (*self.readonly_fields, *Report.CONTENT_FIELDS, "status", "agency", "year")
        return self.readonly_fields

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
            "<div>[{}] {} {}</div>",
            (
                (f.code, "错误" if f.severity == "error" else "警告", f.message)
                for f in result.findings
            ),
        )


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ("report", "kind", "user", "created", "from_status", "to_status")
    list_filter = ("kind",)

    def has_change_permission(self, request, obj=None):
        return False  # the log is a record, not a draft
