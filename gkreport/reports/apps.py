from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "gkreport.reports"
    label = "reports"
    verbose_name = "年度报告"
