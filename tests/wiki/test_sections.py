"""Section editing (action=edit&section=N), as MediaWiki splits and replaces sections."""

from __future__ import annotations

import pytest

from vellum.wiki.models import Page
from vellum.wiki.services.sections import NoSuchSection, get_section, replace_section

TEXT = "Intro\n\n== A ==\na text\n=== A1 ===\nsub\n== B ==\nb text <!--\n== not ==\n-->"


def test_get_section():
    assert get_section(TEXT, 0) == "Intro"
    assert get_section(TEXT, 1) == "== A ==\na text\n=== A1 ===\nsub"
    assert get_section(TEXT, 2) == "=== A1 ===\nsub"
    assert get_section(TEXT, 3).startswith("== B ==") and "== not ==" in get_section(TEXT, 3)
    assert get_section(TEXT, 4) is None


def test_replace_section():
    out = replace_section(TEXT, 2, "=== A1 ===\nchanged")
    assert "changed\n\n== B ==" in out and "sub" not in out
    assert replace_section("x", "new", "body", "Title") == "x\n\n== Title ==\n\nbody"
    with pytest.raises(NoSuchSection):
        replace_section(TEXT, 9, "y")


def test_section_edit_form_and_save(client, save, alice):
    r1 = save("S", TEXT)
    client.force_login(alice)
    html = client.get("/index.php?title=S&action=edit&section=3").content.decode()
    assert "(section)" in html and 'name="wpSection" value="3"' in html
    assert ">== B ==\nb text" in html and "Intro" not in html.split("wpTextbox1")[2][:200]
    save("S", TEXT.replace("Intro", "Better intro"), user=alice)  # a concurrent change
    r = client.post(
        "/index.php?title=S&action=submit",
        {
            "wpTextbox1": "== B ==\nnew b",
            "wpSection": "3",
            "wpBaseRevId": r1.revision.pk,
            "wpSave": "1",
        },
    )
    assert r.status_code == 302
    text = Page.objects.get().latest.content.text
    assert text.startswith("Better intro") and text.endswith("== B ==\nnew b")
