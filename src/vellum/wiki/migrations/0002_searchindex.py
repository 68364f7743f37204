"""The full-text search index: an SQLite FTS5 table (other databases scan texts instead)."""

from django.db import migrations


def create_fts(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(
            "CREATE VIRTUAL TABLE IF NOT EXISTS searchindex USING fts5("
            "si_title, si_text, tokenize = 'unicode61 remove_diacritics 2')"
        )


def drop_fts(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS searchindex")


class Migration(migrations.Migration):
    dependencies = [("wiki", "0001_initial")]
    operations = [migrations.RunPython(create_fts, drop_fts)]
