from django.contrib import admin
from django.urls import path
from django.views.generic import RedirectView

admin.site.site_header = "政府信息公开工作年度报告系统"
admin.site.site_title = "gkreport 管理"
admin.site.index_title = "数据管理"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", RedirectView.as_view(url="/admin/", permanent=False)),
]
