"""The wiki's pages: thin views over `vellum.wiki.services`, at MediaWiki's URLs."""
