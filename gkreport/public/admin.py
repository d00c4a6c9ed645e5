from django.contrib import admin

from gkreport.public.models import PublishedVersion
from gkreport.reports.admin_display import content_html


@admin.register(PublishedVersion)
class PublishedVersionAdmin(admin.ModelAdmin):
    list_display = ("agency_name", "year", "number", "is_current", "published_at", "sha256")
    list_filter = ("year", "is_current")
    exclude = ("pdf_file", "snapshot")
    readonly_fields = ("content",)

    def has_change_permission(self, request, obj=None):
        return False  # frozen

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description="数据快照")
    def content(self, obj):
        # In words, like every page: the raw snapshot is in the version's open data (JSON).
        return content_html(obj.report.fmt, obj.snapshot)
