"""Sanitizer: MediaWiki's allowed HTML tags and attributes (Sanitizer.php).

Tags not on the list are shown as text (`&lt;script&gt;`); attributes are filtered per
element, `style` is cleaned of script vectors, ids are escaped, `href`/`src` must use an
allowed protocol. Also character-reference normalisation and id/anchor escaping.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache
from html.entities import html5 as _HTML5_ENTITIES
from urllib.parse import quote_plus

HTMLPAIRS = {
    "b", "bdi", "del", "i", "ins", "u", "font", "big", "small", "sub", "sup",
    "h1", "h2", "h3", "h4", "h5", "h6", "cite", "code", "em", "s", "strike",
    "strong", "tt", "var", "div", "center", "blockquote", "ol", "ul", "dl",
    "table", "caption", "pre", "ruby", "rb", "rp", "rt", "rtc", "p", "span",
    "abbr", "dfn", "kbd", "samp", "data", "time", "mark",
}  # fmt: skip
HTMLSINGLE = {"br", "wbr", "hr", "li", "dt", "dd", "meta", "link"}
HTMLSINGLEONLY = {"br", "wbr", "hr", "meta", "link"}
HTMLNEST = {
    "table", "tr", "td", "th", "div", "blockquote", "ol", "ul", "li", "dl", "dt",
    "dd", "font", "big", "small", "sub", "sup", "span", "var", "kbd", "samp", "em",
    "strong", "q", "ruby", "bdo",
}  # fmt: skip
HTMLELEMENTS = HTMLSINGLE | HTMLPAIRS | HTMLNEST

_COMMON = {
    "id", "class", "style", "lang", "dir", "title", "tabindex",
    "aria-describedby", "aria-flowto", "aria-hidden", "aria-label", "aria-labelledby",
    "aria-owns", "role", "about", "property", "resource", "datatype", "typeof",
    "itemid", "itemprop", "itemref", "itemscope", "itemtype",
}  # fmt: skip
_BLOCK = _COMMON | {"align"}
_TABLEALIGN = {"align", "valign"}
_TABLECELL = {
    "abbr", "axis", "headers", "scope", "rowspan", "colspan", "nowrap", "width",
    "height", "bgcolor",
}  # fmt: skip

ALLOWED_ATTRIBUTES: dict[str, set[str]] = {
    "div": _BLOCK, "center": _COMMON, "span": _COMMON,
    "h1": _BLOCK, "h2": _BLOCK, "h3": _BLOCK, "h4": _BLOCK, "h5": _BLOCK, "h6": _BLOCK,
    "bdo": _COMMON, "em": _COMMON, "strong": _COMMON, "cite": _COMMON, "dfn": _COMMON,
    "code": _COMMON, "samp": _COMMON, "kbd": _COMMON, "var": _COMMON, "abbr": _COMMON,
    "blockquote": _COMMON | {"cite"}, "q": _COMMON | {"cite"},
    "sub": _COMMON, "sup": _COMMON, "p": _BLOCK, "br": _COMMON | {"clear"},
    "wbr": _COMMON, "pre": _COMMON | {"width"},
    "ins": _COMMON | {"cite", "datetime"}, "del": _COMMON | {"cite", "datetime"},
    "ul": _COMMON | {"type"}, "ol": _COMMON | {"type", "start", "reversed"},
    "li": _COMMON | {"type", "value"}, "dl": _COMMON, "dd": _COMMON, "dt": _COMMON,
    "table": _COMMON | {
        "summary", "width", "border", "frame", "rules", "cellspacing", "cellpadding",
        "align", "bgcolor",
    },
    "caption": _BLOCK, "thead": _COMMON, "tfoot": _COMMON, "tbody": _COMMON,
    "colgroup": _COMMON | {"span"}, "col": _COMMON | {"span"},
    "tr": _COMMON | {"bgcolor"} | _TABLEALIGN,
    "td": _COMMON | _TABLECELL | _TABLEALIGN, "th": _COMMON | _TABLECELL | _TABLEALIGN,
    "a": _COMMON | {"href", "rel", "rev"},
    "img": _COMMON | {"alt", "src", "width", "height", "srcset"},
    "audio": _COMMON | {"controls", "preload", "width", "height"},
    "video": _COMMON | {"poster", "controls", "preload", "width", "height"},
    "source": _COMMON | {"type", "src"},
    "track": _COMMON | {"type", "src", "srclang", "kind", "label"},
    "tt": _COMMON, "b": _COMMON, "i": _COMMON, "big": _COMMON, "small": _COMMON,
    "strike": _COMMON, "s": _COMMON, "u": _COMMON,
    "font": _COMMON | {"size", "color", "face"}, "hr": _COMMON | {"width"},
    "ruby": _COMMON, "rb": _COMMON, "rp": _COMMON, "rt": _COMMON, "rtc": _COMMON,
    "math": {"class", "style", "id", "title"},
    "figure": _COMMON, "figcaption": _COMMON, "bdi": _COMMON,
    "data": _COMMON | {"value"}, "time": _COMMON | {"datetime"}, "mark": _COMMON,
    "meta": {"itemprop", "content"}, "link": {"itemprop", "href", "title"},
    "aside": _COMMON,
}  # fmt: skip

EVIL_URI = re.compile(r"(^|\s|\*/\s*)(javascript|vbscript)([^\w]|$)", re.I)
XMLNS_ATTRIBUTE = re.compile(r"^xmlns:[:A-Z_a-z\-.0-9]+$")
ATTRIBS_RE = re.compile(
    r"((?:[^\t\n\x0c\r /=>]|=)[^\t\n\x0c\r /=>]*)"
    r"([\t\n\x0c\r ]*=[\t\n\x0c\r ]*"
    r"(?:\"([^\"]*)(?:\"|$)|'([^']*)(?:'|$)|((?:(?![\t\n\x0c\r ]|>).)*)))?",
    re.S,
)
ATTRIB_NAME_RE = re.compile(r"^[:_\w][:_.\-\w]*$")
ELEMENT_BITS_RE = re.compile(r"^(/?)([A-Za-z][^\t\n\v />\0]*)([^>]*?)(/?>)([^<]*)$", re.S)
# (a bare '&' stays as it is: no alternative for it, and one literal '&' to look for)
CHAR_REFS_RE = re.compile(r"&(?:([A-Za-z0-9\x80-\U0010ffff]+;)|#([0-9]+);|#[xX]([0-9A-Fa-f]+);)")
MW_ENTITY_ALIASES = {"רלמ;": "rlm;", "رلم;": "rlm;"}


def _valid_codepoint(cp: int) -> bool:
    return (
        cp == 0x09
        or cp == 0x0A
        or 0x20 <= cp <= 0x7E
        or 0xA0 <= cp <= 0xD7FF
        or 0xE000 <= cp <= 0xFFFD
        or 0x10000 <= cp <= 0x10FFFF
    )


def _normalize_entity(name: str) -> str:
    if name in MW_ENTITY_ALIASES:
        return "&" + MW_ENTITY_ALIASES[name]
    if name in ("lt;", "gt;", "amp;", "quot;"):
        return "&" + name
    trans = _HTML5_ENTITIES.get(name)
    if trans is not None:
        return "".join(f"&#{ord(c)};" for c in trans)
    return "&amp;" + name


def _norm_ref(m: re.Match[str]) -> str:
    if m.group(0) == "&":
        return "&amp;"
    if m.group(1):
        return _normalize_entity(m.group(1))
    if m.group(2):
        digits = m.group(2).lstrip("0") or "0"
        cp = int(digits) if len(digits) < 10 else -1
        if _valid_codepoint(cp):
            return f"&#{cp};"
    elif m.group(3):
        digits = m.group(3).lstrip("0") or "0"
        cp = int(digits, 16) if len(digits) < 9 else -1
        if _valid_codepoint(cp):
            return f"&#x{cp:x};"
    return html.escape(m.group(0), quote=True).replace("&#x27;", "'")


_NORM_CACHE: dict[str, str] = {}


def _norm_ref_cached(m: re.Match[str]) -> str:
    key = m.group(0)
    out = _NORM_CACHE.get(key)
    if out is None:
        out = _norm_ref(m)
        if len(_NORM_CACHE) < 10000:
            _NORM_CACHE[key] = out
    return out


# The same references as CHAR_REFS_RE, skipping common ones that normalise to themselves:
# the four escapes, and the brackets of every Cite reference link ("&#91;1&#93;").
_NORM_REFS_RE = re.compile(
    r"&(?!(?:amp|lt|gt|quot|#91|#93);)"
    r"(?:([A-Za-z0-9\x80-\U0010ffff]+;)|#([0-9]+);|#[xX]([0-9A-Fa-f]+);|())"
)


def normalize_char_references(text: str) -> str:
    """Make every character reference valid (Sanitizer::normalizeCharReferences)."""
    if "&" not in text:
        return text
    return _NORM_REFS_RE.sub(_norm_ref_cached, text)


def _decode_ref(m: re.Match[str]) -> str:
    if m.group(1):
        name = MW_ENTITY_ALIASES.get(m.group(1), m.group(1))
        trans = _HTML5_ENTITIES.get(name)
        return trans if trans is not None else "&" + name
    if m.group(2) or m.group(3):
        digits = (m.group(2) or m.group(3)).lstrip("0") or "0"
        if len(digits) > 9:
            cp = -1
        else:
            cp = int(digits) if m.group(2) else int(digits, 16)
        return chr(cp) if _valid_codepoint(cp) else "\ufffd"
    return m.group(0)


def decode_char_references(text: str) -> str:
    """Decode every character reference (Sanitizer::decodeCharReferences)."""
    if "&" not in text or ";" not in text:  # every reference ends with ';'
        return text
    return CHAR_REFS_RE.sub(_decode_ref, text)


_ID_PLAIN = re.compile(r"[A-Za-z0-9_.\-]*\Z")


@lru_cache(maxsize=8192)
def escape_id(id_: str, mode: str = "legacy") -> str:
    """An id or fragment escaped as MediaWiki's $wgFragmentMode `mode` does (a pure
    function: cached, as reference and heading anchors come back many times)."""
    id_ = id_[:1024]
    if mode == "html5":
        return id_.translate({9: "_", 10: "_", 12: "_", 13: "_", 32: "_"})
    id_ = id_.replace(" ", "_")
    if _ID_PLAIN.match(id_):
        return id_  # nothing for urlencode to change (most Cite and heading anchors)
    id_ = quote_plus(id_, safe="-_.~")
    # PHP's urlencode leaves '~' encoded
    id_ = id_.replace("~", "%7E")
    return id_.replace("%3A", ":").replace("%", ".")


def escape_id_for_attribute(id_: str, fragment_mode: tuple[str, ...]) -> str:
    return escape_id(id_, fragment_mode[0] if fragment_mode else "legacy")


def escape_id_for_link(id_: str, fragment_mode: tuple[str, ...]) -> str:
    mode = fragment_mode[0] if fragment_mode else "legacy"
    out = escape_id(id_, mode)
    if mode == "html5":
        out = re.sub(r"%([a-fA-F0-9]{2})", r"%25\1", out)
    return out


def escape_class(cls: str) -> str:
    s = re.sub(r"(^[0-9\-])|[\x00-\x20!\"#$%&'()*+,./:;<=>?@\[\]^`{|}~]|\xa0", "_", cls)
    return re.sub(r"_+", "_", s).rstrip("_")


_CSS_DECODE = re.compile(
    r"\\(?:(\n|\r\n|\r|\x0c)|([0-9A-Fa-f]{1,6})[\x20\t\r\n\x0c]?|(.)|()$)", re.S
)
_CSS_INSECURE = re.compile(
    r"expression|filter\s*:|accelerator\s*:|-o-link\s*:|-o-link-source\s*:|-o-replace\s*:"
    r"|url\s*\(|image\s*\(|image-set\s*\(|attr\s*\([^)]+[\s,]+url",
    re.I,
)


def _css_decode(m: re.Match[str]) -> str:
    if m.group(1) is not None:
        return ""
    if m.group(2) is not None:
        try:
            ch = chr(int(m.group(2), 16))
        except (ValueError, OverflowError):
            ch = "\ufffd"
    elif m.group(3) is not None:
        ch = m.group(3)
    else:
        ch = "\\"
    if ch in ("\n", '"', "'", "\\"):
        return "\\" + format(ord(ch), "x") + " "
    return ch


def _delimiter_replace(start: str, end: str, repl: str, text: str) -> str:
    out = []
    pos = 0
    while True:
        i = text.find(start, pos)
        if i < 0:
            break
        j = text.find(end, i + len(start))
        if j < 0:
            break
        out.append(text[pos:i])
        out.append(repl)
        pos = j + len(end)
    out.append(text[pos:])
    return "".join(out)


# Letters old IE read as their ASCII look-alikes: fullwidth U+FF01..U+FF5A except U+FF3C
# (T60088) and a few IPA/superscript ones, so "ｅｘｐｒｅｓｓｉｏｎ(" is caught as "expression(".
_IE_ASCII = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5B) if cp != 0xFF3C} | {
    ord(a): b for a, b in zip("ʀɴⁿʟɪ⁽₍", "rnnli((", strict=True)
}


_ONE_CSS_COMMENT = re.compile(r"^\s*/\*[^*/]*\*/\s*$")
_CSS_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_ATTR_SPACES = re.compile(r"[\t\r\n ]+")
_DATA_ATTR = re.compile(r"^data-[^:]*$", re.I)
_RESERVED_DATA_ATTR = re.compile(r"^data-(ooui|mw|parsoid)", re.I)


def normalize_css(value: str) -> str:
    value = decode_char_references(value)
    value = _CSS_DECODE.sub(_css_decode, value)
    value = value.translate(_IE_ASCII)
    if not _ONE_CSS_COMMENT.match(value):
        value = _delimiter_replace("/*", "*/", " ", value)
        pos = value.find("/*")
        if pos >= 0:
            value = value[:pos]
    return value


def check_css(value: str) -> str:
    """Clean a style attribute (Sanitizer::checkCss)."""
    value = normalize_css(value)
    if _CSS_CONTROL.search(value) or "\ufffd" in value:
        return "/* invalid control char */"
    if _CSS_INSECURE.search(value):
        return "/* insecure input */"
    return value


def decode_tag_attributes(text: str) -> dict[str, str]:
    """Attribute string -> {name: value} (Sanitizer::decodeTagAttributes)."""
    if not text.strip():
        return {}
    attribs: dict[str, str] = {}
    for m in ATTRIBS_RE.finditer(text):
        name = m.group(1).lower()
        if not ATTRIB_NAME_RE.match(name):
            continue
        if m.group(5) is not None:
            value = m.group(5)
        elif m.group(4) is not None:
            value = m.group(4)
        elif m.group(3) is not None:
            value = m.group(3)
        else:
            value = ""
        if "\t" in value or "\r" in value or "\n" in value or "  " in value:
            value = _ATTR_SPACES.sub(" ", value)
        value = value.strip()
        attribs[name] = decode_char_references(value)
    return attribs


@lru_cache(maxsize=4)
def _href_re(protocols: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("^(" + "|".join(re.escape(p) for p in protocols) + r")[^\s]+$", re.I)


_DEFAULT_PROTOCOLS: tuple[str, ...] = ()


def _protocols() -> tuple[str, ...]:
    global _DEFAULT_PROTOCOLS
    if not _DEFAULT_PROTOCOLS:
        from .site import URL_PROTOCOLS

        _DEFAULT_PROTOCOLS = URL_PROTOCOLS
    return _DEFAULT_PROTOCOLS


_URI_ATTRS = {
    "rel", "rev", "about", "property", "resource", "datatype", "typeof", "itemid",
    "itemprop", "itemref", "itemscope", "itemtype",
}  # fmt: skip


def validate_attributes(
    attribs: dict[str, str], allowed: set[str], fragment_mode: tuple[str, ...] = ("legacy",)
) -> dict[str, str]:
    """Keep the allowed attributes, cleaned (Sanitizer::validateAttributes)."""
    out: dict[str, str] = {}
    href_re = _href_re(_protocols())
    for name, value in attribs.items():
        if XMLNS_ATTRIBUTE.match(name):
            if not EVIL_URI.search(value):
                out[name] = value
            continue
        if (name not in allowed and not _DATA_ATTR.match(name)) or _RESERVED_DATA_ATTR.match(name):
            continue
        if name == "style":
            value = check_css(value)
        if name == "id":
            value = escape_id_for_attribute(value, fragment_mode)
        if name in ("aria-describedby", "aria-flowto", "aria-labelledby", "aria-owns"):
            value = " ".join(escape_id_for_attribute(v, fragment_mode) for v in value.split())
        if name in _URI_ATTRS and EVIL_URI.search(value):
            continue
        if name in ("href", "src", "poster") and not href_re.match(value):
            continue
        if name == "tabindex" and value != "0":
            continue
        out[name] = value
    if "itemscope" not in out:
        for k in ("itemtype", "itemid", "itemref"):
            out.pop(k, None)
    return out


def validate_tag_attributes(
    attribs: dict[str, str], element: str, fragment_mode: tuple[str, ...] = ("legacy",)
) -> dict[str, str]:
    return validate_attributes(attribs, ALLOWED_ATTRIBUTES.get(element, set()), fragment_mode)


def encode_attribute(text: str) -> str:
    enc = html.escape(text, quote=True).replace("&#x27;", "&#039;")
    return enc.replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;")


_SAFE_ENC = {
    "<": "&lt;",
    ">": "&gt;",
    '"': "&quot;",
    "{": "&#123;",
    "}": "&#125;",
    "[": "&#91;",
    "]": "&#93;",
    "''": "&#39;&#39;",
    "ISBN": "&#73;SBN",
    "RFC": "&#82;FC",
    "PMID": "&#80;MID",
    "|": "&#124;",
    "__": "&#95;_",
}
_SAFE_ENC_RE = re.compile("|".join(re.escape(k) for k in sorted(_SAFE_ENC, key=len, reverse=True)))


@lru_cache(maxsize=4)
def _proto_re(protocols: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("(" + "|".join(re.escape(p) for p in protocols) + ")", re.I)


def safe_encode_attribute(text: str) -> str:
    """Encode an attribute value, armoured against later wikitext stages."""
    enc = encode_attribute(text)
    enc = _SAFE_ENC_RE.sub(lambda m: _SAFE_ENC[m.group(0)], enc)
    return _proto_re(_protocols()).sub(lambda m: m.group(1).replace(":", "&#58;"), enc)


def safe_encode_tag_attributes(attribs: dict[str, str]) -> str:
    if not attribs:
        return ""
    return " " + " ".join(
        f'{html.escape(k, quote=False).replace(chr(34), "&quot;")}="{safe_encode_attribute(v)}"'
        for k, v in attribs.items()
    )


def fix_tag_attributes(
    text: str, element: str, fragment_mode: tuple[str, ...] = ("legacy",), sort: bool = False
) -> str:
    """Attribute soup -> clean ` a="b"` string (Sanitizer::fixTagAttributes)."""
    if not text.strip():
        return ""
    return _fix_tag_attributes(text, element, tuple(fragment_mode), sort)


# A pure function of its arguments (the URL protocols are the module's defaults); pages
# repeat the same few attribute strings (class="wikitable", style=...) many times.
@lru_cache(maxsize=4096)
def _fix_tag_attributes(text: str, element: str, fragment_mode: tuple[str, ...], sort: bool) -> str:
    attrs = validate_tag_attributes(decode_tag_attributes(text), element, fragment_mode)
    if sort:
        attrs = dict(sorted(attrs.items()))
    return safe_encode_tag_attributes(attrs)


def _validate_tag(params: str, element: str) -> bool:
    if element in ("meta", "link"):
        attrs = decode_tag_attributes(params)
        if "itemprop" not in attrs:
            return False
        if element == "meta" and "content" not in attrs:
            return False
        if element == "link" and "href" not in attrs:
            return False
    return True


def remove_html_comments(text: str) -> str:
    """Sanitizer::removeHTMLcomments."""
    pos = 0
    out_start = text.find("<!--")
    if out_start < 0:
        return text
    while True:
        start = text.find("<!--", pos)
        if start < 0:
            break
        end = text.find("-->", start + 4)
        if end < 0:
            break
        end += 3
        space_start = max(start - 1, 0)
        space_len = end - space_start
        while space_start > 0 and text[space_start : space_start + 1] == " ":
            space_start -= 1
            space_len += 1
        while text[space_start + space_len : space_start + space_len + 1] == " ":
            space_len += 1
        if (
            text[space_start : space_start + 1] == "\n"
            and text[space_start + space_len : space_start + space_len + 1] == "\n"
        ):
            text = text[:space_start] + "\n" + text[space_start + space_len + 1 :]
            pos = space_start
        else:
            text = text[:start] + text[end:]
            pos = start
    return text


def remove_html_tags(
    text: str,
    fragment_mode: tuple[str, ...] = ("legacy",),
    extra_tags: frozenset[str] = frozenset(),
    attr_callback=None,
) -> str:
    """Escape every tag that is not allowed; clean the attributes of the others
    (Sanitizer::internalRemoveHtmlTags)."""
    if "<!--" in text:
        text = remove_html_comments(text)
    if "<" not in text:
        return text.replace(">", "&gt;")
    bits = text.split("<")
    out = [bits[0].replace(">", "&gt;")]
    elements = HTMLELEMENTS | extra_tags if extra_tags else HTMLELEMENTS
    for x in bits[1:]:
        m = ELEMENT_BITS_RE.match(x)
        if m:
            slash, t, params, brace, rest = m.groups()
            t = t.lower()
            if t in elements:
                if attr_callback is not None:
                    params = attr_callback(params)
                if brace == "/>" and t not in HTMLSINGLE:
                    brace = ">"
                if _validate_tag(params, t):
                    newparams = fix_tag_attributes(params, t, fragment_mode)
                    if brace == "/>" and t not in HTMLSINGLEONLY:
                        brace = f"></{t}>"
                    out.append(f"<{slash}{t}{newparams}{brace}{rest.replace('>', '&gt;')}")
                    continue
        out.append("&lt;" + x.replace(">", "&gt;"))
    return "".join(out)


def armor_french_spaces(text: str, space: str = "&#160;") -> str:
    if " " not in text:
        return text
    text = re.sub(r" (?=[?:;!%»›](?!\w))", space, text)
    return re.sub(r"([«‹]) ", lambda m: m.group(1) + space, text)


# The characters Sanitizer::cleanUrl %-encodes (as PHP's urlencode does), as a table
_URL_ESCAPES = str.maketrans(
    {c: quote_plus(c) for c in '[]<>"|\x7f' + "".join(map(chr, range(33)))}
)
_URL_SPECIAL = re.compile('[][<>"|\x00-\x20\x7f]')
_URL_PARTS = re.compile(r"([^:]+:)(//[^/]+)?(.*)", re.S)
# Characters stripped from the host (the IDN ignored characters, and whitespace)
_HOST_IGNORED = re.compile(
    "\\s|\u00ad|\u034f|\u061c|[\u115f-\u1160]|[\u17b4-\u17b5]|[\u180b-\u180d]|\u180e"
    "|[\u200b-\u200f]|[\u202a-\u202e]|[\u2060-\u206f]|\u3164|[\ufe00-\ufe0f]|\ufeff"
    "|\uffa0|[\ufff0-\ufff8]|[\U0001bca0-\U0001bca3]|[\U0001d173-\U0001d17a]"
    "|[\U000e0000-\U000e0fff]"
)
_IPV6_HOST = re.compile(r"//%5B([0-9A-Fa-f:.]+)%5D((:\d+)?)\Z")


def clean_url(url: str) -> str:
    """Sanitizer::cleanUrl: decode references, %-encode control characters and brackets."""
    url = decode_char_references(url)
    if _URL_SPECIAL.search(url):  # (translate looks up every character: slower)
        url = url.translate(_URL_ESCAPES)
    m = _URL_PARTS.match(url)
    if m is None:
        return url
    protocol, host, rest = m.groups()
    if not host:
        return protocol + rest
    if not host.isascii():  # ASCII whitespace is %-encoded by now
        host = _HOST_IGNORED.sub("", host)
    if host.startswith("//%5B"):
        mm = _IPV6_HOST.match(host)
        if mm:
            host = "//[" + mm.group(1) + "]" + mm.group(2)
    return protocol + host + rest
