from django.contrib import admin

from gkreport.reports.checking import recount_region_year
from gkreport.reports.labels import place_label
from gkreport.review.models import (
    CommentReply,
    Deadline,
    Office,
    OfficeMembership,
    ReviewComment,
)


class OfficeMembershipInline(admin.TabularInline):
    model = OfficeMembership
    extra = 0
    autocomplete_fields = ("user",)


@admin.register(Office)
class OfficeAdmin(admin.ModelAdmin):
    list_display = ("name", "region", "include_lower")
    inlines = (OfficeMembershipInline,)


@admin.register(Deadline)
class DeadlineAdmin(admin.ModelAdmin):
    list_display = ("region", "year", "due")
    list_filter = ("year",)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        # The deadline decides S8 for the region's published reports of the year.
        recount_region_year(obj.region_id, obj.year)


class CommentReplyInline(admin.TabularInline):
    model = CommentReply
    extra = 0
    readonly_fields = ("created",)


@admin.register(ReviewComment)
class ReviewCommentAdmin(admin.ModelAdmin):
    list_display = ("report", "where", "author", "created", "resolved")
    inlines = (CommentReplyInline,)

    @admin.display(description="位置")
    def where(self, obj):
        return place_label(obj.report.fmt, obj.target)
