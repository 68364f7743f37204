"""Find script vectors in HTML by parsing it as a browser would (selectolax's HTML5 parser).

`dangers(html)` lists what could run script or load active content: <script> and other
active elements, on* event-handler attributes, javascript:/vbscript:/data:text URLs in any
URL-bearing attribute, and style values a browser would run (expression(), url(javascript:),
-moz-binding, behavior).
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser as HTMLParser
from selectolax.lexbor import LexborNode as Node

ACTIVE_TAGS = {
    "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "base",
    "portal", "noscript", "template", "xml", "import",
}  # fmt: skip
# Elements allowed in the skin but never in editor-controlled content.
CHROME_ONLY_TAGS = {"form", "input", "button", "textarea", "select", "option", "isindex"}
URL_ATTRS = {
    "href", "src", "action", "formaction", "xlink:href", "data", "poster", "background",
    "lowsrc", "dynsrc", "codebase", "srcset", "ping", "to", "values", "from", "by",
}  # fmt: skip
_CONTROL = re.compile(r"[\x00-\x20\x7f-\x9f\u00ad\u200b-\u200f\u2028\u2029\ufeff]+")
_BAD_SCHEME = re.compile(
    r"^(?:javascript|vbscript|livescript|mocha|data:(?!image/(?:png|gif|jpe?g|webp)[;,]))", re.I
)
_CSS_ESCAPE = re.compile(r"\\([0-9a-fA-F]{1,6})\s?|\\(.)", re.S)
_CSS_COMMENT = re.compile(r"/\*.*?(?:\*/|$)", re.S)
_BAD_CSS = re.compile(
    r"expression\s*\(|(?:url|image|image-set)\s*\(\s*['\"]?\s*(?:javascript|vbscript|data:(?!image/))"
    r"|(?:-moz-binding|behavior)\s*:\s*url|@import",
    re.I,
)
# Letters old IE read as ASCII (MediaWiki's Sanitizer::normalizeCss)
_IE_ASCII = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5B)} | {
    ord(a): b for a, b in zip("ʀɴⁿʟɪ⁽₍", "rnnli((", strict=True)
}


def _css_unescape(value: str) -> str:
    def repl(m: re.Match[str]) -> str:
        if m.group(1):
            cp = int(m.group(1), 16)
            return chr(cp) if 0 < cp < 0x110000 and not 0xD800 <= cp < 0xE000 else "\ufffd"
        return m.group(2)

    return _CSS_ESCAPE.sub(repl, value)


def bad_url(value: str) -> bool:
    return bool(_BAD_SCHEME.match(_CONTROL.sub("", value)))


def bad_style(value: str) -> bool:
    css = _css_unescape(value).translate(_IE_ASCII)
    # IE split tokens at comments wrongly: "expr/**/ession" was "expression" to it
    return bool(_BAD_CSS.search(_CSS_COMMENT.sub("", css)))


def _node_dangers(node: Node, chrome: bool, allow_script_src: str | None) -> list[str]:
    out: list[str] = []
    tag = (node.tag or "").lower()
    if tag.startswith("-"):
        return out
    attrs = node.attributes
    if tag in ACTIVE_TAGS:
        src = attrs.get("src") or ""
        if not (
            tag == "script"
            and allow_script_src
            and src.startswith(allow_script_src)
            and not (node.text(deep=True) or "").strip()
        ):
            out.append(f"<{tag}> element: {node.html[:120]!r}")
    # the TOC's collapse toggle is a bare checkbox (MediaWiki's own markup)
    harmless_input = tag == "input" and attrs.get("type") == "checkbox" and "name" not in attrs
    if tag in CHROME_ONLY_TAGS and not chrome and not harmless_input:
        out.append(f"<{tag}> in content: {node.html[:120]!r}")
    if tag == "meta" and "http-equiv" in {k.lower() for k in attrs}:
        out.append(f"<meta http-equiv>: {node.html[:120]!r}")
    for name, value in attrs.items():
        lname = name.lower()
        value = value or ""
        if lname.startswith("on"):
            out.append(f"event handler {name}= on <{tag}>: {node.html[:120]!r}")
        elif lname in URL_ATTRS or lname.endswith(":href"):
            parts = value.split(",") if lname == "srcset" else [value]
            if any(bad_url(p.strip()) for p in parts):
                out.append(f"script URL in {name}= on <{tag}>: {value[:120]!r}")
        elif lname == "style" and bad_style(value):
            out.append(f"script in style= on <{tag}>: {value[:120]!r}")
        elif lname in ("formaction", "srcdoc"):
            out.append(f"{name}= on <{tag}>")
    return out


def dangers(html: str, *, chrome: bool = False, allow_script_src: str | None = None) -> list[str]:
    """Script vectors in `html`. `chrome`: the HTML is a whole page of the wiki's skin (forms
    allowed); `allow_script_src`: prefix of the skin's own external scripts."""
    tree = HTMLParser(html)
    out: list[str] = []
    for node in tree.root.traverse(include_text=False) if tree.root else []:
        out.extend(_node_dangers(node, chrome, allow_script_src))
    return out


def page_dangers(html: str) -> list[str]:
    """Script vectors in a whole page of the wiki: the skin's script and forms are allowed."""
    return dangers(html, chrome=True, allow_script_src="/static/")
