from django.contrib import admin

from gkreport.public.models import PublishedVersion


@admin.register(PublishedVersion)
class PublishedVersionAdmin(admin.ModelAdmin):
    list_display = ("agency_name", "year", "number", "is_current", "published_at", "sha256")
    list_filter = ("year", "is_current")
    exclude = ("pdf_file",)

    def has_change_permission(self, request, obj=None):
        return False  # frozen

    def has_delete_permission(self, request, obj=None):
        return False
