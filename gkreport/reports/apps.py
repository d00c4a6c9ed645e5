from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "gkreport.reports"
    label = "reports"
    verbose_name = "年度报告"

    def ready(self):
        from gkreport.reports import checks  # noqa: F401 - registers the system checks
