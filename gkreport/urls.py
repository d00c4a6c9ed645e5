from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from gkreport import health
from gkreport.reports import import_previous, upload_check, views

admin.site.site_header = "政府信息公开工作年度报告系统"
admin.site.site_title = "gkreport 管理"
admin.site.index_title = "数据管理"

handler500 = "gkreport.request_id.server_error"

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
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
    path("r/<uuid:code>/transition/<str:name>/", views.transition, name="transition"),
    path("", include("gkreport.review.urls")),
    path("public/", include("gkreport.public.urls")),
]
