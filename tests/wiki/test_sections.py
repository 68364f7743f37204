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


def test_sections_numbered_as_mediawiki():
    # Parser::extractSections: a heading in a comment or <nowiki> is no heading; one inside a
    # template argument takes a number (the preprocessor counts every heading node) but is
    # no section break, so that number has no section of the page's own.
    text = (
        "Lead\n<!--\n== In a comment ==\n-->\n{{Box|\n== In an argument ==\n}}\n"
        "<nowiki>\n== In nowiki ==\n</nowiki>\n== Real ==\nbody\n== Last ==\nend"
    )
    lead = get_section(text, 0)
    assert "In a comment" in lead and "In an argument" in lead and "In nowiki" in lead
    assert get_section(text, 1) is None
    assert get_section(text, 2) == "== Real ==\nbody"
    assert get_section(text, 3) == "== Last ==\nend"
    assert get_section(text, 4) is None
    out = replace_section(text, 2, "== Real ==\nnew body")
    assert out == text.replace("== Real ==\nbody", "== Real ==\nnew body\n")
    for missing in (1, 4):
        with pytest.raises(NoSuchSection):
            replace_section(text, missing, "x")


def test_section_edit_after_heading_in_template_argument(client, save, alice):
    text = "{{Box|\n== Arg ==\n}}\n== One ==\nfirst\n== Two ==\nsecond"
    r = save("Boxed", text)
    client.force_login(alice)
    html = client.get("/index.php?title=Boxed&action=edit&section=2").content.decode()
    assert "== One ==\nfirst</textarea>" in html.replace("\r\n", "\n")
    save("Boxed", "== One ==\nchanged", section=2, base_revision_id=r.revision.pk)
    page = Page.objects.get(title="Boxed")
    assert page.latest.content.text == text.replace("first", "changed\n")


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


def test_add_topic_on_talk_page(client, save, alice):
    save("Talk:Rome", "== Old topic ==\nold")
    client.force_login(alice)
    html = client.get("/wiki/Talk:Rome").content.decode()
    assert "section=new" in html and "Add topic" in html
    html = client.get("/index.php?title=Talk:Rome&action=edit&section=new").content.decode()
    assert "Subject:" in html
    r = client.post(
        "/index.php?title=Talk:Rome&action=submit",
        {
            "wpTextbox1": "What about Carthage?",
            "wpSummary": "Carthage",
            "wpSection": "new",
            "wpBaseRevId": Page.objects.get().latest_id,
            "wpSave": "1",
        },
    )
    assert r.status_code == 302
    latest = Page.objects.get().latest
    assert latest.content.text.endswith("== Carthage ==\n\nWhat about Carthage?")
    assert latest.comment == "/* Carthage */ new section"


@pytest.mark.parametrize("section", ["", "x", "-1", "99", "new", "1.5"])
def test_odd_section_parameters(client, save, section):
    save("Odd", TEXT)
    r = client.get(f"/index.php?title=Odd&action=edit&section={section}")
    assert r.status_code == 200
    r = client.post(
        "/index.php?title=Odd&action=submit",
        {"wpTextbox1": "x", "wpSection": section, "wpSave": "1", "wpBaseRevId": "0"},
    )
    assert r.status_code in (302, 400, 409)
