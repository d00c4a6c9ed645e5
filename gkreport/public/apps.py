from django.apps import AppConfig


class PublicConfig(AppConfig):
    name = "gkreport.public"
    label = "public"
    verbose_name = "公开"
