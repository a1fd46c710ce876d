from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "gcmhub.core"
    verbose_name = "Core"
