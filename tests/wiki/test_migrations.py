"""The migrations match the models (no change left without its migration)."""

from __future__ import annotations

import io

from django.core.management import call_command


def test_no_missing_migrations(db):
    out = io.StringIO()
    call_command("makemigrations", "wiki", "--check", "--dry-run", stdout=out)
    assert "No changes detected" in out.getvalue()


def test_search_index_table_exists(db):
    from django.db import connection

    if connection.vendor == "sqlite":
        with connection.cursor() as c:
            c.execute("SELECT name FROM sqlite_master WHERE name = 'searchindex'")
            assert c.fetchone() is not None
