"""URL configuration: MediaWiki's URLs (/wiki/Title, /index.php, /api.php)."""

from django.urls import include, path

urlpatterns = [
    path("api.php", include("vellum.api.urls")),
    path("", include("vellum.wiki.urls")),
]
