"""MediaWiki's URLs: /wiki/Title, /index.php?title=..., uploaded files under /images/."""

from django.http import HttpResponseRedirect
from django.urls import path

from .views import dispatch, files

urlpatterns = [
    path("", lambda request: HttpResponseRedirect("/wiki/Main_Page")),
    path("wiki/", lambda request: HttpResponseRedirect("/wiki/Main_Page")),
    path("wiki/<path:title>", dispatch.wiki, name="wiki"),
    path("index.php", dispatch.index_php, name="index"),
    path("images/<path:path>", files.serve, name="images"),
]
