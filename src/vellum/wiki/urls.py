"""MediaWiki's URLs: /wiki/Title and /index.php?title=..."""

urlpatterns: list = []
