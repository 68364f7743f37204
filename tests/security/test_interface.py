"""Interface pages: only interface editors change MediaWiki:Sidebar, and even their entries
cannot put script into the skin."""

from __future__ import annotations

import pytest

from .htmlcheck import page_dangers

SIDEBAR = """* navigation
** javascript:alert(1)|<script>alert(1)</script>
** vbscript:x|x
** data:text/html,<script>alert(1)</script>|y
** Main Page|" onmouseover="alert(1)
** //evil.example/" onmouseover="alert(1)|z
* <img src=x onerror=alert(1)>
** Foo|bar
* SEARCH
* TOOLBOX
"""


def test_editors_cannot_edit_the_interface(db, mallory) -> None:
    from vellum.wiki.services.editing import edit_page
    from vellum.wiki.services.errors import EditError

    with pytest.raises(EditError):
        edit_page("MediaWiki:Sidebar", SIDEBAR, mallory)


def test_sidebar_entries_cannot_script(client, db, admin) -> None:
    from vellum.wiki.services.editing import edit_page

    edit_page("MediaWiki:Sidebar", SIDEBAR, admin)
    edit_page("Main Page", "hello", admin)
    body = client.get("/wiki/Main_Page").content.decode()
    assert "Foo" in body or "bar" in body  # the sidebar was read
    assert page_dangers(body) == []
