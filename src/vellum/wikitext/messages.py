"""English interface messages the parser uses (MediaWiki's languages/i18n/en.json)."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    "toc": "Contents",
    "redirectto": "Redirect to:",
    "editsection": "edit",
    "editsectionhint": "Edit section: $1",
    "red-link-title": "$1 (page does not exist)",
    "rfcurl": "https://tools.ietf.org/html/rfc$1",
    "pubmedurl": "//www.ncbi.nlm.nih.gov/pubmed/$1?dopt=Abstract",
    "thumbnail-more": "Enlarge",
    "filemissing": "File missing",
    "file-nohires": "No higher resolution available.",
    "broken-file-category": "Pages with broken file links",
    "hidden-category-category": "Hidden categories",
    "magiclink-tracking-isbn": "Pages using ISBN magic links",
    "magiclink-tracking-rfc": "Pages using RFC magic links",
    "magiclink-tracking-pmid": "Pages using PMID magic links",
    "expansion-depth-exceeded-category": "Pages where the expansion depth is exceeded",
    "expansion-depth-exceeded-warning": "The page exceeded the expansion depth",
    "post-expand-template-inclusion-category": "Pages where template include size is exceeded",
    "post-expand-template-inclusion-warning": "<strong>Warning:</strong> Template include size is too large.\nSome templates will not be included.",
    "post-expand-template-argument-category": "Pages containing omitted template arguments",
    "template-loop-category": "Pages with template loops",
    "template-loop-warning": "<strong>Warning:</strong> This page calls [[:$1]] which causes a template loop (an infinite recursive call).",
    "parser-template-loop-warning": "Template loop detected: [[$1]]",
    "parser-template-recursion-depth-warning": "Template recursion depth limit exceeded ($1)",
    "node-count-exceeded-category": "Pages where node count is exceeded",
    "node-count-exceeded-warning": "Page exceeded the node-count",
    "language-converter-depth-warning": "Language converter depth limit exceeded ($1)",
    "restricted-displaytitle": '<strong>Warning:</strong> Display title "$1" was ignored since it is not equivalent to the page\'s actual title.',
    "duplicate-defaultsort": '<strong>Warning:</strong> Default sort key "$2" overrides earlier default sort key "$1".',
    "nonnumeric-formatnum": "Non-numeric input for formatnum",
    "bad_image_list": "",
    "missingfile-nohandler": "",
    "brackets": "[$1]",
    "pipe-separator": "&#32;|&#32;",
    "word-separator": "&#32;",
    "comma-separator": ",&#32;",
    "colon-separator": ":&#32;",
    "parentheses": "($1)",
    "upload": "Upload file",
    "mainpage": "Main Page",
    "booksources": "Book sources",
    "cite_error": "Cite error: $1",
}


def get(key: str) -> str | None:
    return MESSAGES.get(key)
