"""Cite's interface messages (extensions/Cite/i18n/en.json, MediaWiki 1.39) and its error
reporter (ErrorReporter): errors are `<span class="error mw-ext-cite-error" …>Cite error: …`.
"""

from __future__ import annotations

import html
import re

from ...context import ParserContext

MESSAGES: dict[str, str] = {
    "cite_error": "Cite error: $1",
    "cite_warning": "Cite warning: $1",
    "cite_error_ref_numeric_key": (
        "Invalid <code>&lt;ref&gt;</code> tag; name cannot be a simple integer. "
        "Use a descriptive title"
    ),
    "cite_error_ref_no_key": (
        "The opening <code>&lt;ref&gt;</code> tag is malformed or has a bad name"
    ),
    "cite_error_ref_too_many_keys": (
        "Invalid <code>&lt;ref&gt;</code> tag; invalid names, e.g. too many"
    ),
    "cite_error_ref_no_input": (
        "Invalid <code>&lt;ref&gt;</code> tag; refs with no name must have content"
    ),
    "cite_error_ref_invalid_dir": (
        'Invalid <code>dir="$1"</code>, must be <code>ltr</code> or <code>rtl</code>'
    ),
    "cite_error_references_invalid_parameters": (
        "Invalid parameter in <code>&lt;references&gt;</code> tag"
    ),
    "cite_error_references_no_backlink_label": (
        "Ran out of custom backlink labels. Define more in the "
        "<nowiki>[[MediaWiki:Cite references link many format backlink labels]]</nowiki> message."
    ),
    "cite_error_no_link_label_group": (
        'Ran out of custom link labels for group "$1". Define more in the '
        "<nowiki>[[MediaWiki:$2]]</nowiki> message."
    ),
    "cite_error_references_no_text": (
        "Invalid <code>&lt;ref&gt;</code> tag; no text was provided for refs named <code>$1</code>"
    ),
    "cite_error_included_ref": (
        "Closing <code>&lt;/ref&gt;</code> missing for <code>&lt;ref&gt;</code> tag"
    ),
    "cite_error_included_references": "Closing tag missing for <code>&lt;references&gt;</code>",
    "cite_error_group_refs_without_references": (
        '<code>&lt;ref&gt;</code> tags exist for a group named "$1", but no corresponding '
        '<code>&lt;references group="$1"/&gt;</code> tag was found'
    ),
    "cite_error_references_group_mismatch": (
        "<code>&lt;ref&gt;</code> tag in <code>&lt;references&gt;</code> has conflicting "
        'group attribute "$1".'
    ),
    "cite_error_references_missing_group": (
        '<code>&lt;ref&gt;</code> tag with name "$2" defined in <code>&lt;references&gt;</code> '
        'has group attribute "$1" which does not appear in prior text.'
    ),
    "cite_error_references_missing_key": (
        '<code>&lt;ref&gt;</code> tag with name "$1" defined in <code>&lt;references&gt;</code> '
        "is not used in prior text."
    ),
    "cite_error_references_no_key": (
        "<code>&lt;ref&gt;</code> tag defined in <code>&lt;references&gt;</code> has no name "
        "attribute."
    ),
    "cite_error_empty_references_define": (
        '<code>&lt;ref&gt;</code> tag with name "$1" defined in <code>&lt;references&gt;</code> '
        'group "$2" has no content.'
    ),
    "cite_error_references_duplicate_key": (
        'Invalid <code>&lt;ref&gt;</code> tag; name "$1" defined multiple times with different '
        "content"
    ),
    "cite_error_ref_nested_extends": (
        "Extending <code>&lt;ref&gt;</code> tags more than one level deep is not allowed"
    ),
    "cite_warning_sectionpreview_no_text": (
        "Invalid <code>&lt;ref&gt;</code> tag; no text was provided for refs named <code>$1</code>"
    ),
}

_RTL = {"ar", "arc", "ckb", "dv", "fa", "he", "ks", "ps", "sd", "ug", "ur", "yi"}


def _nowiki(text: str) -> str:
    """The message's <nowiki> sections as literal text."""
    return re.sub(
        r"<nowiki>(.*?)</nowiki>",
        lambda m: m.group(1).replace("[", "&#91;").replace("]", "&#93;"),
        text,
    )


def message(ctx: ParserContext, key: str, *params: str) -> str:
    """The message text with $1.. replaced; a MediaWiki:Key page on the Site overrides it."""
    text = page_message(ctx, key)
    if text is None:
        text = MESSAGES.get(key, f"⧼{key}⧽")
    for i, p in enumerate(params, 1):
        text = text.replace(f"${i}", p)
    return text


def page_message(ctx: ParserContext, key: str) -> str | None:
    """The text of page MediaWiki:Key if the wiki has it (a customised message)."""
    title = ctx.config.try_title("MediaWiki:" + key)
    if title is None:
        return None
    return ctx.site.page_text(title)


def language(ctx: ParserContext) -> tuple[str, str]:
    code = ctx.options.language or ctx.config.language or "en"
    return code, "rtl" if code.split("-")[0] in _RTL else "ltr"


def error_html(ctx: ParserContext, key: str, *params: str) -> str:
    """ErrorReporter::halfParsed / ::plain: the wrapped error (params HTML-escaped)."""
    kind = "warning" if key.startswith("cite_warning_") else "error"
    if kind == "error":
        ctx.add_tracking_category("cite-tracking-category-cite-error")
    escaped = [html.escape(p, quote=True).replace("&#x27;", "&#039;") for p in params]
    body = _nowiki(message(ctx, key, *escaped))
    body = message(ctx, f"cite_{kind}", body)
    extra = ""
    if kind == "warning":
        extra = " mw-ext-cite-warning-" + key[len("cite_warning_") :]
    code, direction = language(ctx)
    return (
        f'<span class="{kind} mw-ext-cite-{kind}{extra}" lang="{code}" dir="{direction}">'
        f"{body}</span>"
    )
