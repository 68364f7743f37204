"""Vellum: a wiki engine in Python that speaks MediaWiki."""

__version__ = "0.1.0"
