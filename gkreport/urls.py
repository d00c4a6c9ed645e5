from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from gkreport import favicon, health

admin.site.site_header = "政府信息公开工作年度报告系统"
admin.site.site_title = "gkreport 管理"
admin.site.index_title = "数据管理"

handler500 = "gkreport.request_id.server_error"

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("favicon.ico", favicon.favicon, name="favicon"),
    path("admin/", admin.site.urls),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("", include("gkreport.reports.urls")),
    path("", include("gkreport.review.urls")),
    path("", include("gkreport.ledger.urls")),
    path("public/", include("gkreport.public.urls")),
]
