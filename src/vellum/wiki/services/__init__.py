"""The wiki's services: the only code that writes pages, revisions, logs and link tables.

Views (`vellum.wiki.views`), the API (`vellum.api`) and the dump importer call these; they take
and return model objects and plain values, and raise the typed errors of `errors` (never HTTP
responses).

- titles: the wiki's SiteConfig, parsing titles, Title <-> Page
- errors: EditConflict, PermissionDenied, ProtectedPage, MissingPage, ContentTooBig, ...
- users: accounts, actors (users, IPs, imported names), groups and rights
- editing: `edit_page` — the one function that saves revisions (conflicts, merge, null edits)
- rendering: the Site over the database, the parser cache, `render_revision`
- links: `update_secondary_data` — link tables, categories, redirect table, search index
- search: the search index (SQLite FTS5, icontains elsewhere)
- log: log entries and recent changes
- pages: move, delete, undelete, protect, rollback
- uploads: storing uploaded files as MediaWiki does (hashed paths under DATA_DIR/images)
"""

from .errors import (
    ContentTooBig,
    EditConflict,
    EditError,
    InvalidTitle,
    MissingPage,
    NoSuchRevision,
    PageDeleted,
    PageExists,
    PermissionDenied,
    ProtectedPage,
)

__all__ = [
    "ContentTooBig",
    "EditConflict",
    "EditError",
    "InvalidTitle",
    "MissingPage",
    "NoSuchRevision",
    "PageDeleted",
    "PageExists",
    "PermissionDenied",
    "ProtectedPage",
]
