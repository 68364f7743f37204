"""RSS and Atom feeds of recent changes (django.contrib.syndication), as MediaWiki's
?feed=rss|atom on Special:RecentChanges."""

from __future__ import annotations

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import HttpRequest, HttpResponse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import escape

from ...models import RecentChange
from ..common import title_text, wiki_url


class RecentChangesFeed(Feed):
    feed_type = Rss201rev2Feed
    description = "Track the most recent changes to the wiki in this feed."

    def __init__(self, rows: list[RecentChange]) -> None:
        super().__init__()
        self.rows = rows

    def title(self) -> str:
        return f"{settings.SITENAME} - Recent changes [en]"

    def link(self) -> str:
        return "/wiki/Special:RecentChanges"

    def items(self) -> list[RecentChange]:
        return self.rows

    def item_title(self, rc: RecentChange) -> str:
        return title_text(rc.namespace, rc.title)

    def item_description(self, rc: RecentChange) -> str:
        # feed readers render the description as HTML: the summary must arrive as text
        return escape(rc.comment) or ("(log entry)" if rc.type == 3 else "")

    def item_link(self, rc: RecentChange) -> str:
        t = title_text(rc.namespace, rc.title)
        if rc.type == 3 or rc.new:
            return wiki_url(t)
        return wiki_url(t, diff=rc.this_oldid, oldid=rc.last_oldid)

    def item_guid(self, rc: RecentChange) -> str:
        return f"rc-{rc.pk}"

    def item_pubdate(self, rc: RecentChange):
        return rc.timestamp

    def item_updateddate(self, rc: RecentChange):
        return rc.timestamp

    def item_author_name(self, rc: RecentChange) -> str:
        return rc.actor.name


class RecentChangesAtom(RecentChangesFeed):
    feed_type = Atom1Feed
    subtitle = RecentChangesFeed.description


def recent_changes_feed(request: HttpRequest, kind: str) -> HttpResponse:
    from .recentchanges import changes

    rows, _ = changes(request)
    feed = (RecentChangesAtom if kind == "atom" else RecentChangesFeed)(rows)
    return feed(request)
