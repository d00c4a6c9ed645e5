"""The agency's pages: its reports, from the first draft to submission."""

from django.urls import path

from gkreport.reports import import_previous, replies, upload_check, views

urlpatterns = [
    path("", views.home, name="home"),
    path("check/", upload_check.check_file, name="check_file"),
    path("a/<uuid:code>/", views.agency, name="agency"),
    path("a/<uuid:code>/start/", views.start_year, name="start_year"),
    path("a/<uuid:code>/import/", import_previous.import_previous, name="import_previous"),
    path("r/<uuid:code>/", views.report_overview, name="report"),
    path("r/<uuid:code>/info/", views.edit_info, name="edit_info"),
    path("r/<uuid:code>/part/<str:part>/", views.edit_part, name="edit_part"),
    path("r/<uuid:code>/table/<str:table>/", views.edit_table, name="edit_table"),
    path("r/<uuid:code>/checks/", views.checks, name="checks"),
    path("r/<uuid:code>/preview/", views.preview, name="preview"),
    path("r/<uuid:code>/pdf/", views.report_pdf, name="report_pdf"),
    path("r/<uuid:code>/docx/", views.report_docx, name="report_docx"),
    path("r/<uuid:code>/transition/<str:name>/", views.transition, name="transition"),
    path(
        "r/<uuid:code>/comment/<int:comment_id>/reply/",
        replies.reply_to_comment,
        name="reply_to_comment",
    ),
]
