"""Secondary data of a page (MediaWiki's LinksUpdate): link tables, categories, redirect
table, search index, parser cache; and cache invalidation of pages that use a changed page.

`update_secondary_data(page, revision, result)` is what both the edit service and the bulk
dump importer call after a page's latest revision changes.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from vellum.wikitext.result import RenderResult
from vellum.wikitext.title import InvalidTitle, Title

from ..models import (
    CategoryLink,
    ExternalLink,
    ImageLink,
    LangLink,
    Page,
    PageLink,
    Redirect,
    Revision,
    TemplateLink,
)
from .rendering import Rendered, render_options, render_text, save_parser_cache
from .search import update_search_index
from .titles import parse_title, title_of


def _split(prefixed: str) -> Title | None:
    try:
        return parse_title(prefixed)
    except InvalidTitle:
        return None


def update_secondary_data(
    page: Page,
    revision: Revision | None = None,
    result: RenderResult | None = None,
    *,
    store_parser_cache: bool = True,
) -> RenderResult | None:
    """Rebuild every table derived from the page's latest revision's text.

    Renders the revision unless `result` is given (the importer may pass its own). Returns
    the RenderResult used (None if the engine failed: the tables are then emptied, except
    the search index, which only needs the text).
    """
    revision = revision or page.latest
    if revision is None:
        return None
    text = revision.content.text
    rendered: Rendered | None = None
    if result is None:
        result, rendered = render_text(text, title_of(page), render_options(page, revision))
    elif store_parser_cache:
        rendered = Rendered.from_result(result)
    now = timezone.now()
    with transaction.atomic():
        PageLink.objects.filter(source=page).delete()
        TemplateLink.objects.filter(source=page).delete()
        CategoryLink.objects.filter(source=page).delete()
        ImageLink.objects.filter(source=page).delete()
        ExternalLink.objects.filter(source=page).delete()
        LangLink.objects.filter(source=page).delete()
        if result is not None:
            _insert_links(page, result, now)
        _update_redirect(page, text, result)
        update_search_index(page, text)
        Page.objects.filter(pk=page.pk).update(links_updated=now)
    if store_parser_cache and rendered is not None and rendered.error is None:
        if page.latest_id == revision.pk:
            save_parser_cache(page, revision, rendered)
    return result


def _insert_links(page: Page, result: RenderResult, now) -> None:
    seen: set[tuple[int, str]] = set()
    pagelinks = []
    for key in result.links:
        t = _split(key)
        if t and t.namespace >= 0 and (t.namespace, t.dbkey) not in seen:
            seen.add((t.namespace, t.dbkey))
            pagelinks.append(PageLink(source=page, namespace=t.namespace, title=t.dbkey))
    PageLink.objects.bulk_create(pagelinks)
    seen = set()
    templates = []
    for key in result.templates:
        t = _split(key)
        if t and t.namespace >= 0 and (t.namespace, t.dbkey) not in seen:
            seen.add((t.namespace, t.dbkey))
            templates.append(TemplateLink(source=page, namespace=t.namespace, title=t.dbkey))
    TemplateLink.objects.bulk_create(templates)
    ctype = "subcat" if page.namespace == 14 else "file" if page.namespace == 6 else "page"
    cats = {}
    for name, sortkey in result.categories:
        cats.setdefault(name.replace(" ", "_"), sortkey or result.default_sort or "")
    CategoryLink.objects.bulk_create(
        CategoryLink(
            source=page,
            category=name,
            sortkey=(sortkey or page.title.replace("_", " ")).upper()[:255],
            timestamp=now,
            type=ctype,
        )
        for name, sortkey in cats.items()
    )
    ImageLink.objects.bulk_create(
        ImageLink(source=page, name=n.replace(" ", "_")) for n in dict.fromkeys(result.images)
    )
    ExternalLink.objects.bulk_create(
        ExternalLink(source=page, url=u) for u in dict.fromkeys(result.external_links)
    )
    langs = []
    for ll in dict.fromkeys(result.language_links):
        if ":" in ll:
            lang, _, t = ll.partition(":")
            langs.append(LangLink(source=page, lang=lang, title=t))
    LangLink.objects.bulk_create(langs)


def redirect_target(text: str, result: RenderResult | None = None) -> Title | None:
    """The target of a `#REDIRECT [[Target]]` page, from the engine or from the text."""
    import re

    target = result.redirect_target if result is not None else None
    if target is None:
        m = re.match(r"\s*#redirect\s*:?\s*\[\[([^\]|\n]+)", text, re.I)
        if not m:
            return None
        target = m.group(1).strip()
    try:
        return parse_title(target) if not target.startswith(":") else parse_title(target[1:])
    except InvalidTitle:
        return None


def _update_redirect(page: Page, text: str, result: RenderResult | None) -> None:
    target = redirect_target(text, result)
    if target is None:
        Redirect.objects.filter(page=page).delete()
        return
    Redirect.objects.update_or_create(
        page=page,
        defaults={
            "namespace": target.namespace,
            "title": target.dbkey,
            "fragment": target.fragment,
            "interwiki": target.interwiki,
        },
    )


def invalidate_users_of(title: Title, *, links: bool = False) -> int:
    """Bump `touched` of pages that transclude `title` (and link to it, if `links`), so their
    parser-cache entries are no longer used (MediaWiki's HTMLCacheUpdate)."""
    now = timezone.now()
    ids = set(
        TemplateLink.objects.filter(namespace=title.namespace, title=title.dbkey).values_list(
            "source_id", flat=True
        )
    )
    if links:
        # the subject / talk counterpart shows this page's existence in its tabs
        from vellum.wikitext.namespaces import Namespaces

        other = (
            Namespaces.subject(title.namespace)
            if Namespaces.is_talk(title.namespace)
            else Namespaces.talk(title.namespace)
        )
        if other >= 0:
            ids |= set(
                Page.objects.filter(namespace=other, title=title.dbkey).values_list("id", flat=True)
            )
        ids |= set(
            PageLink.objects.filter(namespace=title.namespace, title=title.dbkey).values_list(
                "source_id", flat=True
            )
        )
        if title.namespace == 6:
            ids |= set(
                ImageLink.objects.filter(name=title.dbkey).values_list("source_id", flat=True)
            )
    if not ids:
        return 0
    return Page.objects.filter(pk__in=ids).update(touched=now)
