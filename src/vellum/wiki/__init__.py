"""The wiki: a Django app with MediaWiki's data model, pages and URLs."""
