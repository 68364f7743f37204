"""URL configuration: MediaWiki's URLs (/wiki/Title, /index.php, /api.php)."""

from django.urls import include, path

handler400 = "vellum.wiki.views.errors.bad_request"
handler404 = "vellum.wiki.views.errors.not_found"
handler500 = "vellum.wiki.views.errors.server_error"

urlpatterns = [
    path("api.php", include("vellum.api.urls")),
    path("", include("vellum.wiki.urls")),
]
