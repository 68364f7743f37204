from django.apps import AppConfig


class WikiConfig(AppConfig):
    name = "vellum.wiki"
    label = "wiki"
    default_auto_field = "django.db.models.BigAutoField"
