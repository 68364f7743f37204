"""action=edit (ApiEditPage): create and edit pages through the wiki's edit service.

Edits pass `basetimestamp`/`baserevid` to the service, which applies MediaWiki's conflict
rules: a 3-way merge, and for whole-page edits the same-user rule (an editor never conflicts
with themselves). Section edits pass `section=` with `same_user_rule=False`: the service
splices the text into the base revision and merges, so that an overlapping section edit is an
`editconflict` even for the last editor, as in MediaWiki.
"""

from __future__ import annotations

import hashlib
from typing import Any

from django.conf import settings

from vellum.wiki.models import Page, Revision
from vellum.wiki.services import editing
from vellum.wiki.services.errors import EditError
from vellum.wiki.services.sections import NoSuchSection, get_section, replace_section
from vellum.wiki.services.titles import parse_title, title_of
from vellum.wikitext.title import InvalidTitle

from ..base import ApiModule
from ..errors import ApiError, bad_title
from ..params import Param
from ..timestamps import iso
from ..wikierrors import api_error


class ApiEditPage(ApiModule):
    name = "edit"
    classname = "ApiEditPage"
    must_be_posted = True
    write = True
    token = "csrf"
    helpurl = "https://www.mediawiki.org/wiki/Special:MyLanguage/API:Edit"
    params = [
        Param("title", "string"),
        Param("pageid", "integer"),
        Param("section", "string"),
        Param("sectiontitle", "string"),
        Param("text", "text"),
        Param("summary", "string"),
        Param("tags", [], multi=True),
        Param("minor", "boolean"),
        Param("notminor", "boolean"),
        Param("bot", "boolean"),
        Param("baserevid", "integer"),
        Param("basetimestamp", "timestamp"),
        Param("starttimestamp", "timestamp"),
        Param("recreate", "boolean"),
        Param("createonly", "boolean"),
        Param("nocreate", "boolean"),
        Param("watch", "boolean", deprecated=True),
        Param("unwatch", "boolean", deprecated=True),
        Param("watchlist", ["nochange", "preferences", "unwatch", "watch"], default="preferences"),
        Param("md5", "string"),
        Param("prependtext", "text"),
        Param("appendtext", "text"),
        Param("undo", "integer", min=0),
        Param("undoafter", "integer", min=0),
        Param("redirect", "boolean"),
        Param("contentformat", ["text/x-wiki"]),
        Param("contentmodel", ["wikitext"]),
    ]

    def execute(self) -> None:
        api = self.api
        v = self.values()
        self.require_only_one_of("title", "pageid")
        page, title = self._target(v)
        if v["redirect"] and page is not None and page.is_redirect:
            from vellum.wiki.models import Redirect
            from vellum.wiki.services.titles import make_title

            r = Redirect.objects.filter(page=page).first()
            if r is not None and not r.interwiki:
                title = make_title(r.namespace, r.title)
                page = Page.objects.filter(namespace=r.namespace, title=r.title).first()
        self.require_one_of("text", "appendtext", "prependtext", "undo")
        self._check_size(v)

        section = v["section"]
        if section is not None and section != "new":
            if not section.isdigit():
                raise ApiError(
                    "invalidsection",
                    'The "section" parameter must be a valid section ID or "new".',
                )
        summary = v["summary"] or ""
        edit_section: int | None = None
        current = page.latest if page is not None else None
        base_rev = self._base_revision(page, v)

        if v["undo"]:
            text, summary = self._undo(page, v, summary)
            base_rev = current  # computed against the current text
        elif v["text"] is None:
            base_rev = current  # appended to (or prepended to) the current text
            # appendtext / prependtext, to the page or one section of it
            existing = current.content.text if current is not None else ""
            if section is not None and section != "new":
                part = get_section(existing, int(section))
                if part is None:
                    raise ApiError("nosuchsection", f"There is no section {section}.")
                new_part = (v["prependtext"] or "") + part + (v["appendtext"] or "")
                text = replace_section(existing, int(section), new_part)
            elif section == "new":
                text = self._new_section(
                    existing, v, (v["prependtext"] or "") + (v["appendtext"] or "")
                )
                summary = summary or self._new_section_summary(v)
            else:
                text = (v["prependtext"] or "") + existing + (v["appendtext"] or "")
            if v["md5"] is not None:
                self._check_md5((v["prependtext"] or "") + (v["appendtext"] or ""), v["md5"])
        else:
            if v["md5"] is not None:
                self._check_md5(v["text"], v["md5"])
            text = v["text"]
            if section == "new":
                # a new section is added to the current text: it never conflicts
                existing = current.content.text if current is not None else ""
                text = self._new_section(existing, v, text)
                summary = summary or self._new_section_summary(v)
                base_rev = current
            elif section is not None:
                if page is None:
                    raise ApiError("nosuchsection", f"There is no section {section}.")
                # the service splices the text into the base revision's section and merges
                # the result, without the same-user rule (MediaWiki's rule for section edits)
                edit_section = int(section)

        minor = v["minor"] and not v["notminor"]
        try:
            result = editing.edit_page(
                title,
                text,
                api.user,
                actor=self._actor(),
                summary=summary,
                minor=minor,
                bot=v["bot"],
                base_revision_id=(
                    base_rev.pk
                    if base_rev is not None
                    else v["baserevid"]
                    if v["baserevid"] is not None
                    else (0 if page is None and v["basetimestamp"] is not None else None)
                ),
                start_timestamp=v["starttimestamp"],
                create_only=v["createonly"],
                no_create=v["nocreate"],
                recreate=v["recreate"],
                section=edit_section,
                same_user_rule=edit_section is None,
            )
        except NoSuchSection:
            raise ApiError("nosuchsection", f"There is no section {section}.") from None
        except (EditError, InvalidTitle) as e:
            raise api_error(e, v["title"] or "") from e
        out: dict[str, Any] = {}
        if result.created:
            api.flag(out, "new")
        out["result"] = "Success"
        out["pageid"] = result.page.pk
        out["title"] = title_of(result.page).prefixed_text
        out["contentmodel"] = result.page.content_model
        if result.null_edit:
            api.flag(out, "nochange")
        else:
            out["oldrevid"] = result.old_revision_id
            out["newrevid"] = result.revision.pk
            out["newtimestamp"] = iso(result.revision.timestamp)
        api.result["edit"] = out

    # -- helpers
    def _target(self, v: dict[str, Any]) -> tuple[Page | None, Any]:
        if v["pageid"] is not None:
            page = Page.objects.filter(pk=v["pageid"]).select_related("latest").first()
            if page is None:
                raise ApiError("nosuchpageid", f"There is no page with ID {v['pageid']}.")
            return page, title_of(page)
        try:
            title = parse_title(v["title"])
        except InvalidTitle:
            raise bad_title(v["title"]) from None
        if title.namespace < 0:
            raise bad_title(v["title"])
        page = (
            Page.objects.filter(namespace=title.namespace, title=title.dbkey)
            .select_related("latest", "latest__content")
            .first()
        )
        return page, title

    def _check_size(self, v: dict[str, Any]) -> None:
        limit = settings.MAX_ARTICLE_SIZE
        for key in ("text", "appendtext", "prependtext"):
            if v[key] is not None and len(v[key].encode("utf-8")) > limit:
                raise ApiError(
                    "contenttoobig",
                    f"The content you supplied exceeds the page size limit of {limit // 1024} "
                    "kibibytes.",
                )

    @staticmethod
    def _check_md5(text: str, md5: str) -> None:
        if hashlib.md5(text.encode("utf-8")).hexdigest() != md5.lower():
            raise ApiError("badmd5", "The supplied MD5 hash was incorrect.")

    def _base_revision(self, page: Page | None, v: dict[str, Any]) -> Revision | None:
        """The revision the editor started from (baserevid, else basetimestamp)."""
        if page is None:
            return None
        if v["baserevid"] is not None:
            rev = Revision.objects.filter(pk=v["baserevid"], page=page).first()
            if rev is None:
                raise ApiError("nosuchrevid", f"There is no revision with ID {v['baserevid']}.")
            return rev
        if v["basetimestamp"] is not None:
            return (
                Revision.objects.filter(page=page, timestamp__lt=_next_second(v["basetimestamp"]))
                .select_related("content")
                .order_by("-timestamp", "-id")
                .first()
            )
        return None

    def _new_section(self, existing: str, v: dict[str, Any], body: str) -> str:
        heading = v["sectiontitle"] if v["sectiontitle"] is not None else (v["summary"] or "")
        return replace_section(existing, "new", body, heading)

    @staticmethod
    def _new_section_summary(v: dict[str, Any]) -> str:
        heading = v["sectiontitle"] or ""
        return f"/* {heading} */ new section" if heading else ""

    def _undo(self, page: Page | None, v: dict[str, Any], summary: str) -> tuple[str, str]:
        if page is None:
            raise ApiError("missingtitle", "The page you specified doesn't exist.")
        undo = Revision.objects.filter(pk=v["undo"]).select_related("content", "actor").first()
        if undo is None or undo.page_id != page.pk:
            raise ApiError("nosuchrevid", f"There is no revision with ID {v['undo']}.")
        after_id = v["undoafter"] if v["undoafter"] is not None else undo.parent_id
        after = Revision.objects.filter(pk=after_id).select_related("content").first()
        if after is None:
            if after_id == 0:
                raise ApiError("undo-nochange", "The edit appears to have already been undone.")
            raise ApiError("nosuchrevid", f"There is no revision with ID {after_id}.")
        try:
            text = editing.undo_text(page, undo, after)
        except EditError as e:
            raise api_error(e) from e
        return text, summary or editing.undo_summary(undo)

    def _actor(self) -> Any:
        if self.api.user.is_authenticated:
            return None
        return self.api.user_name()


def _next_second(dt: Any) -> Any:
    from datetime import timedelta

    return dt.replace(microsecond=0) + timedelta(seconds=1)
