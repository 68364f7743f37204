"""`vellum serve`, `vellum createuser`, `vellum rebuild` (called by vellum.cli).

`setup_django(data)` is also what other packages' commands (import, export) call: it points
VELLUM_DATA at the data directory before Django reads its settings.
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import timedelta
from typing import Any

MAIN_PAGE_TEXT = """'''Welcome to {sitename}!'''

This wiki runs on Vellum, a wiki engine that speaks MediaWiki.

== Getting started ==
* Click '''Edit''' at the top of this page to change it.
* Create a page: search for its title and follow the red link, or link to it with <nowiki>[[Its title]]</nowiki>.
* See what others changed in [[Special:RecentChanges|Recent changes]].
"""


def setup_django(data: str | None = None) -> None:
    """Configure and start Django for a command, with `data` as the data directory."""
    if data:
        os.environ["VELLUM_DATA"] = os.path.abspath(data)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "vellum.settings")
    import django

    django.setup()


def initialize(verbose: bool = False) -> None:
    """Apply migrations and, on a fresh wiki, create the Main Page."""
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=1 if verbose else 0)
    from django.conf import settings

    from .models import Page
    from .services.editing import edit_page
    from .services.users import actor_for_name

    if not Page.objects.filter(namespace=0, title="Main_Page").exists():
        actor = actor_for_name("MediaWiki default", imported=True)
        edit_page(
            "Main Page",
            MAIN_PAGE_TEXT.format(sitename=settings.SITENAME),
            None,
            actor=actor,
            check_permissions=False,
            pst=False,
        )


class _Gunicorn:  # built lazily: gunicorn is imported only by `serve`
    @staticmethod
    def make(options: dict[str, Any]):
        from gunicorn.app.base import BaseApplication

        class App(BaseApplication):
            def load_config(self) -> None:
                for k, v in options.items():
                    self.cfg.set(k, v)

            def load(self):
                from vellum.wsgi import application

                return application

        return App()


def serve(args: argparse.Namespace) -> int:
    """Run the wiki with gunicorn (several worker processes); static files via whitenoise."""
    setup_django(args.data)
    initialize(verbose=True)
    from django.conf import settings
    from django.core.management import call_command

    call_command("collectstatic", interactive=False, verbosity=0)
    workers = args.workers or max(2, 2 * (os.cpu_count() or 1))
    print(
        f"Vellum serving http://{args.host}:{args.port}/ with {workers} workers "
        f"(data: {settings.DATA_DIR})",
        flush=True,
    )
    from django.db import connections

    connections.close_all()  # never share the master's database connection with workers
    _Gunicorn.make(
        {
            "bind": f"{args.host}:{args.port}",
            "workers": workers,
            "worker_class": "sync",
            "timeout": 120,
            "graceful_timeout": 10,
            "keepalive": 5,
            "accesslog": None,
            "errorlog": "-",
            "loglevel": "warning",
            "preload_app": True,
        }
    ).run()
    return 0


def createuser(args: argparse.Namespace) -> int:
    """Create an account (with --admin: in the sysop and bureaucrat groups)."""
    setup_django(args.data)
    initialize()
    from .services.errors import EditError
    from .services.users import create_user

    try:
        user = create_user(args.name, args.password, admin=args.admin)
    except EditError as e:
        print(f"vellum createuser: {e.message}", file=sys.stderr)
        return 1
    groups = " (sysop, bureaucrat)" if args.admin else ""
    print(f"Created user {user.get_username()}{groups}.")
    return 0


def rebuild(args: argparse.Namespace) -> int:
    """Rebuild link tables, categories, search index, parser cache and recent changes."""
    setup_django(args.data)
    initialize()
    from tqdm import tqdm

    from .models import Page

    pages = Page.objects.select_related("latest__content").order_by("id")
    with tqdm(
        total=pages.count(), unit="page", disable=args.no_progress, desc="link tables"
    ) as bar:
        for page in pages.iterator(chunk_size=200):
            rebuild_page(page)
            bar.update()
    n = rebuild_recent_changes()
    if not args.no_progress:
        print(f"recent changes: {n} entries", file=sys.stderr)
    return 0


def rebuild_page(page: Any) -> None:
    from .services.links import update_secondary_data

    if page.latest_id:
        update_secondary_data(page, page.latest)


def rebuild_recent_changes(max_age_days: int = 90) -> int:
    """Regenerate recentchanges from revisions and log entries of the last `max_age_days`
    ($wgRCMaxAge), as MediaWiki's rebuildrecentchanges.php does."""
    from django.db import transaction
    from django.utils import timezone

    from .models import RC_LOG, LogEntry, RecentChange, Revision
    from .services.log import add_edit_change

    cutoff = timezone.now() - timedelta(days=max_age_days)
    with transaction.atomic():
        RecentChange.objects.all().delete()
        revs = (
            Revision.objects.filter(timestamp__gte=cutoff, page__isnull=False)
            .select_related("page")
            .order_by("timestamp", "id")
        )
        parents: dict[int, int] = {}
        n = 0
        for rev in revs.iterator(chunk_size=500):
            if rev.parent_id and rev.parent_id not in parents:
                parents[rev.parent_id] = (
                    Revision.objects.filter(pk=rev.parent_id).values_list("len", flat=True).first()
                    or 0
                )
            add_edit_change(rev.page, rev, old_len=parents.get(rev.parent_id))
            parents[rev.pk] = rev.len
            n += 1
        for entry in LogEntry.objects.filter(timestamp__gte=cutoff).exclude(type="create"):
            RecentChange.objects.create(
                timestamp=entry.timestamp,
                actor_id=entry.actor_id,
                namespace=entry.namespace,
                title=entry.title,
                page_id=entry.page_id,
                type=RC_LOG,
                source="mw.log",
                comment=entry.comment,
                log=entry,
            )
            n += 1
    return n
