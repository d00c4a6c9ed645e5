from django.urls import path

from gkreport.public import views

urlpatterns = [
    path("", views.report_list, name="public_list"),
    path("agency/<uuid:agency_code>/", views.agency_page, name="public_agency"),
    path("agency/<uuid:agency_code>/<int:year>/", views.report_page, name="public_report"),
    path(
        "agency/<uuid:agency_code>/<int:year>/v<int:number>/",
        views.report_page,
        name="public_report_version",
    ),
    path("agency/<uuid:agency_code>/<int:year>/report.pdf", views.report_pdf, name="public_pdf"),
    path(
        "agency/<uuid:agency_code>/<int:year>/v<int:number>/report.pdf",
        views.report_pdf,
        name="public_pdf_version",
    ),
    path(
        "agency/<uuid:agency_code>/<int:year>/data.<str:fmt>",
        views.report_data,
        name="public_report_data",
    ),
    path("data/<int:year>/<int:region_id>.<str:fmt>", views.region_data, name="public_region_data"),
    path("stats/", views.statistics_home, name="public_stats_home"),
    path("stats/<int:region_id>/", views.statistics, name="public_stats"),
]
