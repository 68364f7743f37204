"""Helpers shared by the engine's tests."""

from __future__ import annotations

import os
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
SHARED = Path(os.environ.get("VELLUM_SHARED", ROOT.parent / "shared")).resolve()


def wiki_dirs() -> list[str]:
    """The wikis of ../shared/corpus/pages (empty when the shared folder is missing)."""
    root = SHARED / "corpus" / "pages"
    if not root.is_dir():
        return []
    return sorted(p.name for p in root.iterdir() if p.is_dir())


VOID = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
    "source", "track", "wbr",
}  # fmt: skip


class HtmlChecker(HTMLParser):
    """Records unbalanced tags, event handlers, javascript: URLs and <script>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name.startswith("on"):
                self.errors.append(f"event handler {name}")
            if name in ("href", "src") and (value or "").strip().lower().startswith("javascript:"):
                self.errors.append("javascript: URL")
        if tag == "script":
            self.errors.append("script element")
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.stack and self.stack[-1] == tag:
            self.stack.pop()

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"unbalanced </{tag}> (open: {self.stack[-3:]})")
            return
        self.stack.pop()
