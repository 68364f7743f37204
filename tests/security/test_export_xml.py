"""XML served by the wiki (Special:Export, api.php export) carries hostile text as text:
a browser rendering the XML finds no XHTML or SVG elements to run."""

from __future__ import annotations

import pytest
from lxml import etree

HOSTILE = (
    '<script xmlns="http://www.w3.org/1999/xhtml">alert(1)</script>'
    '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/> ]]> <![CDATA[ x ]]>'
    " &lt;script&gt; \x7f"
)
ACTIVE_NS = {"http://www.w3.org/1999/xhtml", "http://www.w3.org/2000/svg"}


@pytest.fixture
def page(db, admin):
    from vellum.wiki.services.editing import edit_page

    edit_page("Sample", HOSTILE, admin, summary=HOSTILE)


@pytest.mark.parametrize(
    "url",
    [
        "/wiki/Special:Export/Sample",
        "/index.php?title=Special:Export&pages=Sample&history=1",
        "/api.php?action=query&titles=Sample&export=1&exportnowrap=1&format=json",
    ],
)
def test_export_is_inert(client, page, url: str) -> None:
    resp = client.get(url)
    assert resp.status_code == 200
    assert "html" not in resp["Content-Type"]
    assert resp["X-Content-Type-Options"] == "nosniff"
    root = etree.fromstring(resp.content, etree.XMLParser(resolve_entities=False))
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.startswith("{"):
            assert el.tag[1:].split("}")[0] not in ACTIVE_NS, el.tag
        assert not any(k.lower().startswith("on") for k in el.attrib), el.tag
    assert b"alert(1)" in resp.content  # the text itself is there
