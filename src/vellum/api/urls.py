"""/api.php (included by vellum.urls)."""

from django.urls import path

from .main import api_view

urlpatterns = [path("", api_view, name="api")]
