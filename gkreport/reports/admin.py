from django.contrib import admin
from django.utils.html import format_html_join

from gkreport.checks import check_report
from gkreport.reports.models import Agency, Membership, Region, Report


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

    @admin.display(description="错误")
    def error_count(self, obj):
        return len(check_report(obj.as_check_dict()).errors)

    @admin.display(description="警告")
    def warning_count(self, obj):
        return len(check_report(obj.as_check_dict()).warnings)

    @admin.display(description="检查结果")
    def findings(self, obj):
        result = check_report(obj.as_check_dict())
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
