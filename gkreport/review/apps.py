from django.apps import AppConfig


class ReviewConfig(AppConfig):
    name = "gkreport.review"
    label = "review"
    verbose_name = "主管部门"
