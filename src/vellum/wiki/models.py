"""MediaWiki's data model (1.39 schema) as Django models.

Table by table as in MediaWiki: page, revision (with content stored once per distinct text
in `Content`, keyed by its sha1), actor (a user or an IP / imported name), recentchanges,
logging, the link tables (pagelinks, templatelinks, categorylinks, imagelinks,
externallinks, redirect, langlinks), image/oldimage (uploads), page_restrictions,
user_groups, archive (deleted revisions) and the parser cache.

Only `vellum.wiki.services` writes to these tables; views and the API call the services.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

# rev_deleted bits (RevisionRecord::DELETED_*)
DELETED_TEXT = 1
DELETED_COMMENT = 2
DELETED_USER = 4
DELETED_RESTRICTED = 8

# rc_type values (RC_*)
RC_EDIT = 0
RC_NEW = 1
RC_LOG = 3


class Actor(models.Model):
    """Who made an edit or a log entry: a local user, an IP address, or an imported name.

    Imported contributors without a local account keep their name as written (MediaWiki
    prefixes them with an interwiki prefix such as "imported>"; Vellum keeps the bare name
    and marks the actor `imported`).
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    name = models.CharField(max_length=255, unique=True)
    imported = models.BooleanField(default=False)
    # The user id the dump gave for an imported contributor (0 for IPs).
    imported_user_id = models.BigIntegerField(default=0)

    class Meta:
        db_table = "actor"

    def __str__(self) -> str:
        return self.name

    @property
    def is_anon(self) -> bool:
        return self.user_id is None and not self.imported


class Content(models.Model):
    """A distinct text, stored once (MediaWiki's content + text tables)."""

    sha1 = models.CharField(max_length=32, unique=True)  # base-36, 31 digits
    text = models.TextField()
    size = models.PositiveIntegerField(default=0)  # bytes in UTF-8

    class Meta:
        db_table = "content"


class Page(models.Model):
    """A page: namespace + DB key, pointing at its latest revision."""

    namespace = models.IntegerField()
    title = models.CharField(max_length=255)  # DB key, underscores
    is_redirect = models.BooleanField(default=False)
    is_new = models.BooleanField(default=True)
    random = models.FloatField(default=0.0, db_index=True)
    touched = models.DateTimeField()  # bumped to invalidate the parser cache
    links_updated = models.DateTimeField(null=True, blank=True)
    latest = models.ForeignKey(
        "Revision", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    len = models.PositiveIntegerField(default=0)
    content_model = models.CharField(max_length=32, default="wikitext")

    class Meta:
        db_table = "page"
        constraints = [
            models.UniqueConstraint(fields=["namespace", "title"], name="page_name_title")
        ]

    def __str__(self) -> str:
        from .services.titles import title_of

        return title_of(self).prefixed_text


class Revision(models.Model):
    """One saved version of a page (MediaWiki's revision + slots + content)."""

    page = models.ForeignKey(
        Page, null=True, blank=True, on_delete=models.CASCADE, related_name="revisions"
    )  # NULL while the revision is archived (page deleted)
    parent_id = models.BigIntegerField(default=0)  # rev_parent_id, 0 for a page creation
    timestamp = models.DateTimeField(db_index=True)
    actor = models.ForeignKey(Actor, on_delete=models.PROTECT, related_name="revisions")
    comment = models.TextField(blank=True, default="")
    minor = models.BooleanField(default=False)
    deleted = models.PositiveSmallIntegerField(default=0)  # DELETED_* bits
    len = models.PositiveIntegerField(default=0)
    sha1 = models.CharField(max_length=32)
    content = models.ForeignKey(Content, on_delete=models.PROTECT, related_name="+")
    content_model = models.CharField(max_length=32, default="wikitext")
    content_format = models.CharField(max_length=64, default="text/x-wiki")

    class Meta:
        db_table = "revision"
        indexes = [
            models.Index(fields=["page", "timestamp"], name="rev_page_timestamp"),
            models.Index(fields=["actor", "timestamp"], name="rev_actor_timestamp"),
        ]

    @property
    def text(self) -> str:
        return self.content.text


class Archive(models.Model):
    """A revision of a deleted page (MediaWiki's archive table), restorable by undelete."""

    revision = models.OneToOneField(Revision, on_delete=models.CASCADE, related_name="archive")
    namespace = models.IntegerField()
    title = models.CharField(max_length=255)
    page_id_was = models.BigIntegerField()

    class Meta:
        db_table = "archive"
        indexes = [models.Index(fields=["namespace", "title"], name="ar_name_title")]


class LogEntry(models.Model):
    """MediaWiki's logging table: create, move, delete, upload, newusers, protect, ..."""

    type = models.CharField(max_length=32)
    action = models.CharField(max_length=32)
    timestamp = models.DateTimeField(db_index=True)
    actor = models.ForeignKey(Actor, on_delete=models.PROTECT, related_name="log_entries")
    namespace = models.IntegerField(default=0)
    title = models.CharField(max_length=255, default="")
    page_id = models.BigIntegerField(default=0)
    comment = models.TextField(blank=True, default="")
    params = models.JSONField(default=dict, blank=True)
    deleted = models.PositiveSmallIntegerField(default=0)

    class Meta:
        db_table = "logging"
        indexes = [
            models.Index(fields=["type", "timestamp"], name="log_type_time"),
            models.Index(fields=["namespace", "title"], name="log_page"),
        ]


class RecentChange(models.Model):
    """MediaWiki's recentchanges table (edits, page creations and log entries)."""

    timestamp = models.DateTimeField(db_index=True)
    actor = models.ForeignKey(Actor, on_delete=models.PROTECT, related_name="+")
    namespace = models.IntegerField()
    title = models.CharField(max_length=255)
    page_id = models.BigIntegerField(default=0)
    this_oldid = models.BigIntegerField(default=0)
    last_oldid = models.BigIntegerField(default=0)
    type = models.PositiveSmallIntegerField(default=RC_EDIT)
    source = models.CharField(max_length=16, default="mw.edit")
    minor = models.BooleanField(default=False)
    bot = models.BooleanField(default=False)
    new = models.BooleanField(default=False)
    old_len = models.IntegerField(null=True, blank=True)
    new_len = models.IntegerField(null=True, blank=True)
    comment = models.TextField(blank=True, default="")
    log = models.ForeignKey(LogEntry, null=True, blank=True, on_delete=models.CASCADE)
    patrolled = models.PositiveSmallIntegerField(default=0)

    class Meta:
        db_table = "recentchanges"
        indexes = [models.Index(fields=["namespace", "title"], name="rc_name_title")]


class PageLink(models.Model):
    """pagelinks: page `source` links to namespace:title (which may not exist)."""

    source = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="pagelinks")
    namespace = models.IntegerField()
    title = models.CharField(max_length=255)

    class Meta:
        db_table = "pagelinks"
        indexes = [models.Index(fields=["namespace", "title"], name="pl_target")]


class TemplateLink(models.Model):
    """templatelinks: page `source` transcludes namespace:title."""

    source = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="templatelinks")
    namespace = models.IntegerField()
    title = models.CharField(max_length=255)

    class Meta:
        db_table = "templatelinks"
        indexes = [models.Index(fields=["namespace", "title"], name="tl_target")]


class CategoryLink(models.Model):
    """categorylinks: page `source` is in Category:`category` with a sort key."""

    source = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="categorylinks")
    category = models.CharField(max_length=255)  # DB key without the namespace
    sortkey = models.CharField(max_length=255, blank=True, default="")
    timestamp = models.DateTimeField()
    type = models.CharField(max_length=6, default="page")  # page | subcat | file

    class Meta:
        db_table = "categorylinks"
        indexes = [models.Index(fields=["category", "sortkey"], name="cl_sortkey")]


class ImageLink(models.Model):
    """imagelinks: page `source` uses File:`name`."""

    source = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="imagelinks")
    name = models.CharField(max_length=255)

    class Meta:
        db_table = "imagelinks"
        indexes = [models.Index(fields=["name"], name="il_to")]


class ExternalLink(models.Model):
    """externallinks: page `source` links to `url`."""

    source = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="externallinks")
    url = models.TextField()

    class Meta:
        db_table = "externallinks"


class LangLink(models.Model):
    """langlinks: page `source` has an interlanguage link lang:title."""

    source = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="langlinks")
    lang = models.CharField(max_length=35)
    title = models.CharField(max_length=255)

    class Meta:
        db_table = "langlinks"


class Redirect(models.Model):
    """redirect: the target of a redirect page."""

    page = models.OneToOneField(Page, primary_key=True, on_delete=models.CASCADE)
    namespace = models.IntegerField()
    title = models.CharField(max_length=255)
    fragment = models.CharField(max_length=255, blank=True, default="")
    interwiki = models.CharField(max_length=32, blank=True, default="")

    class Meta:
        db_table = "redirect"
        indexes = [models.Index(fields=["namespace", "title"], name="rd_target")]


class File(models.Model):
    """image: the current version of an uploaded file."""

    name = models.CharField(max_length=255, unique=True)  # DB key without "File:"
    size = models.PositiveBigIntegerField(default=0)
    width = models.PositiveIntegerField(default=0)
    height = models.PositiveIntegerField(default=0)
    bits = models.PositiveIntegerField(default=0)
    mime = models.CharField(max_length=100, default="application/octet-stream")
    media_type = models.CharField(max_length=16, default="UNKNOWN")
    sha1 = models.CharField(max_length=32, default="")  # base-36 of the file bytes
    timestamp = models.DateTimeField()
    actor = models.ForeignKey(Actor, on_delete=models.PROTECT, related_name="+")
    description = models.TextField(blank=True, default="")
    metadata = models.JSONField(default=dict, blank=True)

    class Meta:
        db_table = "image"


class OldFile(models.Model):
    """oldimage: an earlier version of an uploaded file (kept under images/archive/)."""

    name = models.CharField(max_length=255, db_index=True)
    archive_name = models.CharField(max_length=255)
    size = models.PositiveBigIntegerField(default=0)
    width = models.PositiveIntegerField(default=0)
    height = models.PositiveIntegerField(default=0)
    bits = models.PositiveIntegerField(default=0)
    mime = models.CharField(max_length=100, default="application/octet-stream")
    media_type = models.CharField(max_length=16, default="UNKNOWN")
    sha1 = models.CharField(max_length=32, default="")
    timestamp = models.DateTimeField()
    actor = models.ForeignKey(Actor, on_delete=models.PROTECT, related_name="+")
    description = models.TextField(blank=True, default="")

    class Meta:
        db_table = "oldimage"


class PageRestriction(models.Model):
    """page_restrictions: who may edit / move / upload a page (protection)."""

    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="restrictions")
    type = models.CharField(max_length=16)  # edit | move | upload
    level = models.CharField(max_length=32)  # autoconfirmed | sysop
    cascade = models.BooleanField(default=False)
    expiry = models.DateTimeField(null=True, blank=True)  # NULL = infinite

    class Meta:
        db_table = "page_restrictions"
        constraints = [models.UniqueConstraint(fields=["page", "type"], name="pr_pagetype")]


class ProtectedTitle(models.Model):
    """protected_titles: creation protection of a page that does not exist."""

    namespace = models.IntegerField()
    title = models.CharField(max_length=255)
    level = models.CharField(max_length=32)
    expiry = models.DateTimeField(null=True, blank=True)
    timestamp = models.DateTimeField()
    actor = models.ForeignKey(Actor, on_delete=models.PROTECT, related_name="+")
    reason = models.TextField(blank=True, default="")

    class Meta:
        db_table = "protected_titles"
        constraints = [
            models.UniqueConstraint(fields=["namespace", "title"], name="pt_namespace_title")
        ]


class UserGroup(models.Model):
    """user_groups: explicit group memberships (sysop, bureaucrat, bot, interface-admin)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="wiki_groups"
    )
    group = models.CharField(max_length=255)
    expiry = models.DateTimeField(null=True, blank=True)

    class Meta:
        db_table = "user_groups"
        constraints = [models.UniqueConstraint(fields=["user", "group"], name="ug_user_group")]


class ParserCacheEntry(models.Model):
    """The rendered HTML of a revision for one set of options (MediaWiki's parser cache).

    Valid while `revision` is the page's latest and `rendered` is not older than the page's
    `touched` (which template changes bump, as MediaWiki's HTMLCacheUpdate does).
    """

    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="+")
    revision_id = models.BigIntegerField()
    options_hash = models.CharField(max_length=64)
    rendered = models.DateTimeField()
    html = models.TextField()
    data = models.JSONField(default=dict)  # sections, categories, display title, ...

    class Meta:
        db_table = "parser_cache"
        constraints = [
            models.UniqueConstraint(
                fields=["page", "revision_id", "options_hash"], name="pc_page_rev_opts"
            )
        ]
