"""Image options of [[File:…|…]] (Parser::makeImage's parameter loop).

Each `|`-separated part is matched against the image magic words (English, case
sensitive): formats (thumb, frame, frameless, thumbnail=…), sizes (`250px`, `x200px`,
`200x100px`), `upright`, `border`, alignment, vertical alignment, `link=`, `alt=`,
`class=`, and the handler's own parameters (`page=` for DjVu, `lang=` for SVG). The last
part that is none of these is the caption.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .handlers import Handler, is_numeric

# (magic word id, parameter type, parameter name, synonyms); order is MediaWiki's.
INTERNAL: list[tuple[str, str, str, tuple[str, ...]]] = [
    ("img_left", "horizAlign", "left", ("left",)),
    ("img_right", "horizAlign", "right", ("right",)),
    ("img_center", "horizAlign", "center", ("center", "centre")),
    ("img_none", "horizAlign", "none", ("none",)),
    ("img_baseline", "vertAlign", "baseline", ("baseline",)),
    ("img_sub", "vertAlign", "sub", ("sub",)),
    ("img_super", "vertAlign", "super", ("super", "sup")),
    ("img_top", "vertAlign", "top", ("top",)),
    ("img_text_top", "vertAlign", "text-top", ("text-top",)),
    ("img_middle", "vertAlign", "middle", ("middle",)),
    ("img_bottom", "vertAlign", "bottom", ("bottom",)),
    ("img_text_bottom", "vertAlign", "text-bottom", ("text-bottom",)),
    ("img_thumbnail", "frame", "thumbnail", ("thumb", "thumbnail")),
    ("img_manualthumb", "frame", "manualthumb", ("thumbnail=$1", "thumb=$1")),
    ("img_framed", "frame", "framed", ("frame", "framed", "enframed")),
    ("img_frameless", "frame", "frameless", ("frameless",)),
    ("img_upright", "frame", "upright", ("upright", "upright=$1", "upright $1")),
    ("img_border", "frame", "border", ("border",)),
    ("img_link", "frame", "link", ("link=$1",)),
    ("img_alt", "frame", "alt", ("alt=$1",)),
    ("img_class", "frame", "class", ("class=$1",)),
]
HANDLER_WORDS: dict[str, tuple[str, ...]] = {
    "img_width": ("$1px",),
    "img_page": ("page=$1", "page $1"),
    "img_lang": ("lang=$1",),
}

_TYPES = {n: (t, p) for n, t, p, _ in INTERNAL}
_INTERNAL_NAMES = [n for n, _, _, _ in INTERNAL]


def _variable_synonyms() -> dict[str, list[tuple[str, str]]]:
    """The synonyms with a parameter, by magic word: ('thumbnail=', ''), ('', 'px'), ..."""
    out: dict[str, list[tuple[str, str]]] = {}
    for name, syns in [(n, ss) for n, _, _, ss in INTERNAL] + list(HANDLER_WORDS.items()):
        for syn in syns:
            if "$1" in syn:
                pre, post = syn.split("$1")
                out.setdefault(name, []).append((pre, post))
    return out


_VARIABLE_SYNONYMS = _variable_synonyms()

_MATCH_MEMO_SIZE = 4096
_cache: dict[tuple[str, ...], Callable[[str], tuple[str | None, str | None]]] = {}


def magic_matcher(names: list[str]) -> Callable[[str], tuple[str | None, str | None]]:
    """MagicWordArray::matchVariableStartToEnd over the given image magic words."""
    key = tuple(names)
    matcher = _cache.get(key)
    if matcher is None:
        matcher = _cache[key] = _make_matcher(names)
    return matcher


def _make_matcher(names: list[str]) -> Callable[[str], tuple[str | None, str | None]]:
    synonyms = {n: syn for n, _, _, syn in INTERNAL}
    synonyms.update(HANDLER_WORDS)
    alts: list[str] = []
    groups: list[tuple[str, bool]] = []
    # What a text must be, start or end with to have a chance (captions mostly have none)
    exact: set[str] = set()
    starts: list[str] = []
    ends: list[str] = []
    for name in names:
        for syn in synonyms[name]:
            has_var = "$1" in syn
            alts.append("(" + re.escape(syn).replace(r"\$1", "(?:.*?)") + ")")
            groups.append((name, has_var))
            if not has_var:
                exact.add(syn)
            else:
                pre, post = syn.split("$1")
                (starts if pre else ends).append(pre or post)
    pattern = re.compile("^(?:" + "|".join(alts) + ")$")
    start_tuple, end_tuple = tuple(starts), tuple(ends)
    always = "" in ends  # a bare $1

    # The answers so far, by option text: a page repeats `thumb`, `right`, `250px`...
    memo: dict[str, tuple[str | None, str | None]] = {}

    def match(text: str) -> tuple[str | None, str | None]:
        found = memo.get(text)
        if found is None:
            if len(memo) >= _MATCH_MEMO_SIZE:
                memo.clear()
            found = memo[text] = match_uncached(text)
        return found

    def match_uncached(text: str) -> tuple[str | None, str | None]:
        if not (
            always
            or text in exact
            or text.startswith(start_tuple)
            or text.endswith(end_tuple)
            or "\n" in text  # `$` also matches before a final newline
        ):
            return None, None
        m = pattern.match(text)
        if not m:
            return None, None
        # The first alternative that matched (lastindex would be an inner group's).
        for g, (name, has_var) in zip(m.groups(), groups, strict=True):
            if g is None:
                continue
            if not has_var:
                return name, None
            for pre, post in _VARIABLE_SYNONYMS.get(name, ()):
                if g.startswith(pre) and g.endswith(post) and len(g) >= len(pre) + len(post):
                    return name, g[len(pre) : len(g) - len(post)]
            return name, ""
        return None, None

    return match


def parse_width_param(value: str, parse_height: bool = True) -> dict[str, int]:
    """Parser::parseWidthParam: '200', '200px', 'x100', '200x100px'."""
    out: dict[str, int] = {}
    if value == "":
        return out
    if parse_height:
        m = re.match(r"^([0-9]*)x([0-9]*)\s*(?:px)?\s*$", value)
        if m:
            out["width"] = int(m.group(1) or 0)
            out["height"] = int(m.group(2) or 0)
            return out
    if re.match(r"^[0-9]*\s*(?:px)?\s*$", value):
        m2 = re.match(r"[0-9]*", value)
        out["width"] = int(m2.group(0) or 0) if m2 else 0
    return out


def split_options(text: str) -> list[str]:
    """StringUtils::delimiterExplode('-{', '}-', '|', …, nested): split on '|' outside -{ }-."""
    if "-{" not in text:
        return text.split("|")
    parts: list[str] = []
    depth = 0
    buf: list[str] = []
    i = 0
    n = len(text)
    while i < n:
        if text.startswith("-{", i):
            depth += 1
            buf.append("-{")
            i += 2
            continue
        if depth and text.startswith("}-", i):
            depth -= 1
            buf.append("}-")
            i += 2
            continue
        c = text[i]
        if c == "|" and depth == 0:
            parts.append("".join(buf))
            buf = []
        else:
            buf.append(c)
        i += 1
    parts.append("".join(buf))
    return parts


@dataclass
class ImageParams:
    """makeImage's $params: 'frame' (Linker frame parameters) and 'handler' parameters."""

    frame: dict[str, Any] = field(default_factory=dict)
    handler: dict[str, Any] = field(default_factory=dict)
    caption: str = ""


def parse_image_options(
    parts: list[str],
    handler: Handler | None,
    strip_alt: Callable[[str], str],
    parse_link: Callable[[str], tuple[str | None, Any]],
) -> ImageParams:
    """The parameter loop of Parser::makeImage."""
    if handler is not None:
        names = _INTERNAL_NAMES + list(handler.param_map)
    else:
        names = [*_INTERNAL_NAMES, "img_width"]
    handler_params = handler.param_map if handler else {"img_width": "width"}
    types = _TYPES
    match = magic_matcher(names)

    params = ImageParams()
    horiz: dict[str, Any] = {}
    vert: dict[str, Any] = {}
    caption = ""
    seen_format = False
    for raw in parts:
        part = raw.strip(" \t\n\r\0\x0b")
        magic, value = match(part)
        validated = False
        if magic is not None:
            if magic in handler_params:
                ptype, pname = "handler", handler_params[magic]
            else:
                ptype, pname = types[magic]
            if ptype == "handler" and pname == "width":
                parsed = parse_width_param(value or "")
                for dim in ("width", "height"):
                    if dim in parsed:
                        v = parsed[dim]
                        ok = handler.validate_param(dim, v) if handler else v > 0
                        if ok:
                            params.handler[dim] = v
                            validated = True
            else:
                if ptype == "handler":
                    assert handler is not None
                    validated = handler.validate_param(pname, value)
                elif pname in ("alt", "class"):
                    validated = True
                    value = strip_alt(value or "")
                elif pname == "link":
                    kind, target = parse_link(strip_alt(value or ""))
                    if kind:
                        validated = True
                        pname = kind
                        value = True if kind == "no-link" else target
                elif pname in ("frameless", "framed", "thumbnail", "manualthumb"):
                    # The first format wins; later ones are ignored.
                    validated = not seen_format
                    seen_format = True
                    if pname == "manualthumb":
                        value = strip_alt(value or "")
                else:
                    validated = value is None or is_numeric(value)
                if validated:
                    target = {"handler": params.handler, "frame": params.frame}.get(ptype)
                    if ptype == "horizAlign":
                        target = horiz
                    elif ptype == "vertAlign":
                        target = vert
                    assert target is not None
                    if ptype == "handler" and pname == "page":
                        value = int(value.strip()) if value else 1
                    target[pname] = value
        if not validated:
            caption = part
    if horiz:
        params.frame["align"] = next(iter(horiz))
    if vert:
        params.frame["valign"] = next(iter(vert))
    params.frame["caption"] = caption
    params.caption = caption
    return params
