"""Helpers shared by parser functions: MediaWiki's escaping and PHP's comparisons."""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING
from urllib.parse import quote

from ..linker import wf_urlencode  # noqa: F401  (re-exported for the functions)

if TYPE_CHECKING:
    from ..context import ParserContext
    from ..title import Title

_ESCAPE = {
    '"': "&#34;",
    "&": "&#38;",
    "'": "&#39;",
    "<": "&#60;",
    "=": "&#61;",
    ">": "&#62;",
    "[": "&#91;",
    "]": "&#93;",
    "{": "&#123;",
    "|": "&#124;",
    "}": "&#125;",
    ";": "&#59;",
    "\n#": "\n&#35;",
    "\r#": "\r&#35;",
    "\n*": "\n&#42;",
    "\r*": "\r&#42;",
    "\n:": "\n&#58;",
    "\r:": "\r&#58;",
    "\n ": "\n&#32;",
    "\r ": "\r&#32;",
    "\n\n": "\n&#10;",
    "\r\n": "&#13;\n",
    "\n\r": "\n&#13;",
    "\r\r": "\r&#13;",
    "\n\t": "\n&#9;",
    "\r\t": "\r&#9;",
    "\n----": "\n&#45;---",
    "\r----": "\r&#45;---",
    "__": "_&#95;",
    "://": "&#58;//",
}
for _magic in ("ISBN", "PMID", "RFC"):
    for _ch, _ent in ((" ", "&#32;"), ("\t", "&#9;"), ("\r", "&#13;"), ("\n", "&#10;")):
        _ESCAPE[_magic + _ch] = _magic + _ent
    _ESCAPE[_magic + "\f"] = _magic + "&#12;"
_ESCAPE_RE = re.compile(
    "|".join(re.escape(k) for k in sorted(_ESCAPE, key=len, reverse=True)), re.S
)
_PROTO_COLON_RE = re.compile(
    r"\b(bitcoin|geo|magnet|mailto|matrix|news|sip|sips|sms|tel|urn|xmpp):", re.I
)


# Every strip marker, including the heading markers ("UNIQ--h-0--QINU") that StripState's
# own pattern does not cover (Parser::killMarkers / markerSkipCallback take them all).
ANY_MARKER_RE = re.compile("\x7f'\"`UNIQ-.*?-QINU`\"'\x7f", re.S)


def kill_markers(text: str) -> str:
    return ANY_MARKER_RE.sub("", text) if "\x7f" in text else text


def outside_markers(text: str, fn) -> str:
    """Apply `fn` to the text between strip markers (Parser::markerSkipCallback)."""
    if "\x7f" not in text:
        return fn(text)
    out = []
    pos = 0
    for m in ANY_MARKER_RE.finditer(text):
        out.append(fn(text[pos : m.start()]))
        out.append(m.group(0))
        pos = m.end()
    out.append(fn(text[pos:]))
    return "".join(out)


def escape_wikitext(text: str) -> str:
    """wfEscapeWikiText: make text safe to insert into wikitext as literal text."""
    text = _ESCAPE_RE.sub(lambda m: _ESCAPE[m.group(0)], "\n" + text)[1:]
    return _PROTO_COLON_RE.sub(r"\1&#58;", text)


def php_urlencode(s: str) -> str:
    return quote(s, safe="").replace("%20", "+").replace("~", "%7E")


def rawurlencode(s: str) -> str:
    return quote(s, safe="~")


_NUMERIC_RE = re.compile(
    r"^[ \t\n\r\v\f]*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?[ \t\n\r\v\f]*$"
)


def php_is_numeric(s: str) -> bool:
    return bool(_NUMERIC_RE.match(s))


def php_loose_equal(a: str, b: str) -> bool:
    """PHP 8 `==` between two strings: numeric strings compare as numbers."""
    if php_is_numeric(a) and php_is_numeric(b):
        return float(a) == float(b)
    return a == b


def php_float_str(x: float) -> str:
    """PHP's conversion of a float to a string (precision 14)."""
    if isinstance(x, bool):
        return "1" if x else ""
    if isinstance(x, int):
        return str(x)
    if math.isnan(x):
        return "NAN"
    if math.isinf(x):
        return "INF" if x > 0 else "-INF"
    if x == 0:
        return "-0" if math.copysign(1.0, x) < 0 else "0"
    s = f"{x:.14G}"
    if "E" in s:
        mant, exp = s.split("E")
        if "." not in mant:
            mant += ".0"
        sign = exp[0]
        digits = exp[1:].lstrip("0") or "0"
        s = f"{mant}E{sign}{digits}"
    return s


def make_title(ctx: ParserContext, text: str | None, default_ns: int = 0) -> Title | None:
    if text is None:
        return ctx.title
    return ctx.config.try_title(text, default_ns)


def has_subpages(ctx: ParserContext, ns: int) -> bool:
    return "subpage" in ctx.options.test_options or ctx.config.namespaces.has_subpages(ns)
