"""Inline rules of internalParse: internal links, quotes, external links, magic links."""
