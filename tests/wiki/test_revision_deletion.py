"""Hidden revision parts (rev_deleted bits, e.g. from an imported dump) stay hidden."""

from __future__ import annotations

from vellum.wiki.models import DELETED_COMMENT, DELETED_TEXT, DELETED_USER, Revision


def test_hidden_user_comment_and_text(client, save, admin):
    r1 = save("Secret", "public text", summary="rude summary")
    r2 = save("Secret", "public text, more")
    Revision.objects.filter(pk=r1.revision.pk).update(
        deleted=DELETED_TEXT | DELETED_COMMENT | DELETED_USER
    )
    html = client.get("/index.php?title=Secret&action=history").content.decode()
    assert "(username removed)" in html and "(edit summary removed)" in html
    assert "rude summary" not in html
    r = client.get(f"/index.php?title=Secret&oldid={r1.revision.pk}")
    assert r.status_code == 403 and "has been deleted" in r.content.decode()
    r = client.get(f"/index.php?title=Secret&action=raw&oldid={r1.revision.pk}")
    assert r.status_code == 403
    r = client.get(f"/index.php?title=Secret&diff={r2.revision.pk}&oldid={r1.revision.pk}")
    assert r.status_code == 403
    client.force_login(admin)
    r = client.get(f"/index.php?title=Secret&oldid={r1.revision.pk}")
    assert r.status_code == 200 and "public text" in r.content.decode()
