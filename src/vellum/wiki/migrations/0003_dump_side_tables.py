"""What a dump carries beyond the main slot: other MCR slots (with their origin) and
<upload> metadata, kept by the importer and written back by the exporter."""

from django.db import migrations

CREATE = [
    "CREATE TABLE IF NOT EXISTS dump_slot ("
    " rev_id BIGINT NOT NULL, role VARCHAR(64) NOT NULL, origin BIGINT NOT NULL,"
    " model VARCHAR(64) NOT NULL, format VARCHAR(64) NOT NULL, content_id BIGINT,"
    " size INTEGER NOT NULL DEFAULT 0, sha1 VARCHAR(32) NOT NULL DEFAULT '',"
    " PRIMARY KEY (rev_id, role))",
    "CREATE TABLE IF NOT EXISTS dump_upload ("
    " page_id BIGINT NOT NULL, timestamp VARCHAR(20) NOT NULL, contributor TEXT NOT NULL,"
    " user_id BIGINT NOT NULL DEFAULT 0, comment TEXT, filename TEXT NOT NULL,"
    " archivename TEXT, src TEXT NOT NULL, size BIGINT NOT NULL DEFAULT 0,"
    " sha1base36 VARCHAR(40), rel TEXT, PRIMARY KEY (page_id, timestamp, filename))",
]
DROP = ["DROP TABLE IF EXISTS dump_slot", "DROP TABLE IF EXISTS dump_upload"]


class Migration(migrations.Migration):
    dependencies = [("wiki", "0002_searchindex")]
    operations = [migrations.RunSQL(CREATE, DROP)]
