"""Cite's output: footnote marks (FootnoteMarkFormatter), anchors (AnchorFormatter) and
the reference list (ReferencesFormatter), as MediaWiki 1.39's English messages build them.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

from ...context import ParserContext
from ...sanitizer import escape_id
from .messages import error_html, page_message
from .stack import Ref, RefKey


def _mode(ctx: ParserContext) -> str:
    modes = ctx.config.fragment_mode
    return modes[0] if modes else "legacy"


def normalize_key(ctx: ParserContext, key: str) -> str:
    """AnchorFormatter::normalizeKey: an id escaped as a link fragment in the fragment mode,
    runs of '_' collapsed. In html5 mode '%XX' sequences are escaped ('%25XX')."""
    return _normalize_key(key, _mode(ctx))


_PERCENT_ESCAPE = re.compile(r"%([a-fA-F0-9]{2})")
_UNDERSCORES = re.compile(r"__+")


@lru_cache(maxsize=4096)
def _normalize_key(key: str, mode: str) -> str:
    out = escape_id(key, mode)
    if mode == "html5" and "%" in out:
        out = _PERCENT_ESCAPE.sub(r"%25\1", out)
    return _UNDERSCORES.sub("_", out) if "__" in out else out


_TITLE_SPACES = re.compile("[ _\u00a0\u1680\u180e\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+")


def _mode_href(anchor: str, mode: str) -> str:
    if mode == "html5":
        return "#" + _TITLE_SPACES.sub("_", anchor)
    return "#" + escape_id(anchor.replace("_", " "), mode)


def _attr(text: str) -> str:
    return html.escape(text, quote=True)


def link_labels(ctx: ParserContext, group: str) -> list[str]:
    cache: dict[str, list[str]] | None = ctx.ext_state.get("cite.labels")
    if cache is None:
        cache = ctx.ext_state["cite.labels"] = {}
    if group not in cache:
        text = page_message(ctx, "cite_link_label_group-" + group)
        cache[group] = text.split() if text and text.strip() != "-" else []
    return cache[group]


def link_ref(ctx: ParserContext, group: str, ref: Ref) -> str:
    """FootnoteMarkFormatter::linkRef: <sup id=… class="reference"><a href=…>[1]</a></sup>."""
    assert ref.number is not None
    labels = link_labels(ctx, group)
    label_html: str
    if labels:
        if ref.number - 1 < len(labels):
            label_html = html.escape(labels[ref.number - 1])
        else:
            label_html = error_html(
                ctx, "cite_error_no_link_label_group", group, "cite_link_label_group-" + group
            )
    else:
        label_html = str(ref.number)
        if group != "":
            label_html = html.escape(f"{group} {label_html}")
    if ref.extends_index is not None:
        label_html += f".{ref.extends_index}"
    mode = _mode(ctx)
    if ref.name:
        sup_id = _normalize_key(f"cite_ref-{ref.name}_{ref.key}-{ref.count}", mode)
        note_id = _normalize_key(f"cite_note-{ref.name}-{ref.key}", mode)
    else:
        # A number: nothing for normalize_key to change, in any mode.
        sup_id = f"cite_ref-{ref.key}"
        note_id = f"cite_note-{ref.key}"
    if mode == "legacy" and len(note_id) <= 1024:
        # A legacy id holds only [A-Za-z0-9_.:-]: escaping it again as a link changes
        # nothing (unless it is cut at 1024), and neither does escaping it for HTML.
        href = "#" + note_id
    elif mode == "legacy":
        href = _mode_href(note_id, mode)
    else:
        sup_id = _attr(sup_id)
        href = _attr(_mode_href(note_id, mode))
    return f'<sup id="{sup_id}" class="reference"><a href="{href}">&#91;{label_html}&#93;</a></sup>'


def _reference_text(ctx: ParserContext, key: RefKey, text: str | None) -> str:
    if text is None:
        name = key if isinstance(key, str) else ""
        return error_html(ctx, "cite_error_references_no_text", name)
    body = ctx.recursive_tag_parse(text.rstrip("\n"))
    return f'<span class="reference-text">{body}</span>\n'


# Content languages whose decimal separator is a comma (Language::formatNum).
_DECIMAL_COMMA = {
    "bg", "ca", "cs", "da", "de", "el", "es", "et", "eu", "fi", "fr", "gl", "hr", "hu", "id",
    "it", "lt", "lv", "nb", "nl", "nn", "pl", "pt", "ro", "ru", "sk", "sl", "sr", "sv", "tr",
    "uk", "vi",
}  # fmt: skip


def _backlink_label(ctx: ParserContext, base: str, offset: int, maximum: int) -> str:
    """ReferencesFormatter::referencesFormatEntryNumericBacklinkLabel: "1.0", "1.1" (with
    the content language's decimal separator)."""
    lang = (ctx.options.language or ctx.config.language or "en").split("-")[0]
    sep = "," if lang in _DECIMAL_COMMA else "."
    return f"{base}{sep}{str(offset).zfill(len(str(maximum)))}"


def _id_attr(anchor: str, mode: str) -> str:
    """An id from normalize_key as an attribute value. A legacy id holds only
    [A-Za-z0-9_.:-]: nothing to escape for HTML."""
    return anchor if mode == "legacy" else _attr(anchor)


def _href_attr(anchor: str, mode: str) -> str:
    """The href attribute value of a same-page link to an id from normalize_key. Escaping
    a legacy id again as a link changes nothing (unless it is cut at 1024)."""
    if mode == "legacy" and len(anchor) <= 1024:
        return "#" + anchor
    return _attr(_mode_href(anchor, mode))


def _list_item(ctx: ParserContext, key: RefKey, ref: Ref) -> str:
    """ReferencesFormatter::formatListItem."""
    text = _reference_text(ctx, key, ref.text)
    extra = ""
    if ref.dir:
        extra = f' class="mw-cite-dir-{_attr(ref.dir.lower())}"'
    mode = _mode(ctx)
    if ref.follow is not None:
        note = _normalize_key("cite_note-" + ref.follow, mode)
        return f'<p id="{_id_attr(note, mode)}">{text}</p>'
    key_part = "" if ref.key is None else str(ref.key)
    if ref.count is not None and ref.count < 1:
        if ref.count < 0:
            note = _normalize_key(f"cite_note-{ref.key}", mode)
            back = _normalize_key(f"cite_ref-{ref.key}", mode)
        else:
            name = ref.name or ""
            note = _normalize_key(f"cite_note-{name}-{ref.key}", mode)
            back = _normalize_key(f"cite_ref-{name}_{ref.key}-{ref.count}", mode)
        return (
            f'<li id="{_id_attr(note, mode)}"{extra}><span class="mw-cite-backlink">'
            f'<a href="{_href_attr(back, mode)}">↑</a></span> {text}</li>'
        )
    name = ref.name or ""
    links = []
    base = str(ref.number)
    if ref.extends_index is not None:
        base += f".{ref.extends_index}"
    count = -1 if ref.count is None else ref.count
    for i in range(count + 1):
        back = _normalize_key(f"cite_ref-{name}_{key_part}-{i}", mode)
        label = _backlink_label(ctx, base, i, count)
        links.append(f'<sup><a href="{_href_attr(back, mode)}">{label}</a></sup>')
    note = _normalize_key(f"cite_note-{name}-{key_part}", mode)
    return (
        f'<li id="{_id_attr(note, mode)}"{extra}><span class="mw-cite-backlink">↑ '
        f"{' '.join(links)}</span> {text}</li>"
    )


def format_references(ctx: ParserContext, refs: dict[RefKey, Ref], responsive: bool) -> str:
    """ReferencesFormatter::formatReferences: the <ol class="references"> of one group."""
    if not refs:
        return ""
    ordered = sorted(refs.items(), key=lambda kv: (kv[1].number or 0, kv[1].extends_index or 0))
    body = "\n"
    indented: str | bool = False
    for key, ref in ordered:
        parent = refs.get(ref.extends) if ref.extends else None
        if parent is not None and parent.extends:
            ref.text = (
                (ref.text or "")
                + " "
                + error_html(ctx, "cite_error_ref_nested_extends", ref.extends, parent.extends)
            )
        if not indented and ref.extends:
            # The sub-references' <ol> goes inside the parent's <li>.
            m = re.search(r"</li>\s*$", body)
            if m:
                body = body[: m.start()]
            body += '<ol class="mw-extended-references">'
            indented = m.group(0) if m else True
        elif indented and not ref.extends:
            body += "</ol>" + (indented if isinstance(indented, str) else "")
            indented = False
        body += _list_item(ctx, key, ref) + "\n"
    if indented:
        body += "</ol>" + (indented if isinstance(indented, str) else "")
    out = f'<ol class="references">{body}</ol>'
    if responsive:
        classes = "mw-references-wrap"
        if len(refs) > 10:
            classes += " mw-references-columns"
        out = f'<div class="{classes}">{out}</div>'
    return out
