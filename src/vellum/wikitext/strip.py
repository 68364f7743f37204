"""Strip markers: placeholders for finished HTML (extension tags, <nowiki>, ...).

MediaWiki replaces the output of extension tags with markers such as
``\\x7f'"`UNIQ--ref-00000001-QINU`"'\\x7f`` so later stages leave it alone, and puts the
HTML back at the end (StripState::unstripGeneral / unstripNoWiki).
"""

from __future__ import annotations

import re

MARKER_PREFIX = "\x7f'\"`UNIQ-"
MARKER_SUFFIX = "-QINU`\"'\x7f"
MARKER_RE = re.compile(
    re.escape(MARKER_PREFIX) + r"-?([^\x7f'\"`]+?)-([0-9A-F]{8})" + re.escape(MARKER_SUFFIX)
)


class StripState:
    """Holds the HTML behind each strip marker, in two groups: 'nowiki' and 'general'."""

    def __init__(self) -> None:
        self.nowiki: dict[str, str] = {}
        self.general: dict[str, str] = {}
        self._counter = 0

    def _marker(self, name: str) -> str:
        self._counter += 1
        return f"{MARKER_PREFIX}-{name}-{self._counter:08X}{MARKER_SUFFIX}"

    def add_nowiki(self, html: str, name: str = "nowiki") -> str:
        """Text that must stay as it is through every later stage (<nowiki>, <pre>)."""
        marker = self._marker(name)
        self.nowiki[marker] = html
        return marker

    def add_general(self, html: str, name: str = "item") -> str:
        """Finished HTML of an extension tag (<ref>, <references>, <gallery>, ...)."""
        marker = self._marker(name)
        self.general[marker] = html
        return marker

    def _unstrip(self, text: str, table: dict[str, str], depth: int = 0) -> str:
        if "\x7f" not in text or not table:
            return text

        def repl(m: re.Match[str]) -> str:
            value = table.get(m.group(0))
            if value is None:
                return m.group(0)
            return self._unstrip(value, table, depth + 1) if depth < 40 else value

        return MARKER_RE.sub(repl, text)

    def unstrip_nowiki(self, text: str) -> str:
        return self._unstrip(text, self.nowiki)

    def unstrip_general(self, text: str) -> str:
        return self._unstrip(text, self.general)

    def unstrip_both(self, text: str) -> str:
        return self.unstrip_general(self.unstrip_nowiki(text))

    @staticmethod
    def kill_markers(text: str) -> str:
        """Remove every strip marker (Parser::killMarkers)."""
        return MARKER_RE.sub("", text) if "\x7f" in text else text
