"""The pre-save transform (Parser::preSaveTransform): what saving does to wikitext.

`{{subst:...}}` and `{{safesubst:...}}` are expanded (other templates are left alone),
`~~~` / `~~~~` / `~~~~~` become the signature and/or the date, the pipe trick fills in
`[[Page (context)|]]` and `[[|Page]]`, and trailing whitespace is removed.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from .context import ParserContext
from .functions.util import escape_wikitext
from .magicwords import MONTHS, now
from .options import RenderOptions
from .title import Title

if TYPE_CHECKING:
    from .site import Site

_IP_RE = re.compile(r"^(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9A-Fa-f:]+:[0-9A-Fa-f:]*)$")

_TC = r"[ %!\"$&'()*,\-./0-9:;=?@A-Z\\^_`a-z~+\u0080-\U0010ffff]"
_NC = r"[ _0-9A-Za-z\u0080-\U0010ffff-]"
_P1 = re.compile(rf"\[\[(:?{_NC}+:|:|)({_TC}+?)( ?\({_TC}+\))\|\]\]")
_P4 = re.compile(rf"\[\[(:?{_NC}+:|:|)({_TC}+?)( ?（{_TC}+）)\|\]\]")
_P3 = re.compile(rf"\[\[(:?{_NC}+:|:|)({_TC}+?)( ?\({_TC}+\)|)((?:, |，|، ){_TC}+|)\|\]\]")
_P2 = re.compile(rf"\[\[\|({_TC}+)\]\]")
_TITLE_CONTEXT = re.compile(rf"^({_NC}+:|){_TC}+?( \({_TC}+\))$")
_TITLE_COMMA = re.compile(rf"^({_NC}+:|){_TC}+?(, {_TC}+|)$")


class _PSTParser:
    """The parser services the preprocessor needs during a pre-save transform."""

    def message(self, ctx: ParserContext, key: str, *params: str) -> str:
        from .messages import MESSAGES

        text = MESSAGES.get(key)
        if text is None:
            return f"⧼{key}⧽"
        for i, p in enumerate(params, 1):
            text = text.replace(f"${i}", p)
        return text

    def recursive_preprocess(self, ctx: ParserContext, text: str, frame: Any) -> str:
        from .preprocessor import preprocess

        return preprocess(ctx, text, frame, mode="wiki")


def signature(ctx: ParserContext, user_name: str) -> str:
    """Parser::getUserSig with the default signature messages."""
    user = escape_wikitext(user_name)
    if not user_name or _IP_RE.match(user_name):
        special = ctx.config.namespaces.text(-1)
        return f"[[{special}:Contributions/{user}|{user}]]"
    user_ns = ctx.config.namespaces.text(2)
    talk_ns = ctx.config.namespaces.text(3)
    return f"[[{user_ns}:{user}|{user}]] ([[{talk_ns}:{user}|talk]])"


def signature_date(ctx: ParserContext) -> str:
    """Language::timeanddate for the content language, with the time zone: '00:02, 1 January
    1970 (UTC)'."""
    dt = datetime.fromtimestamp(now(ctx), tz=UTC)
    return f"{dt:%H:%M}, {dt.day} {MONTHS[dt.month - 1]} {dt.year} (UTC)"


def pipe_trick(text: str, title: Title) -> str:
    """`[[Page (context)|]]` -> `[[Page (context)|Page]]`, and `[[|Page]]` takes the
    context of the current page's title."""
    text = _P1.sub(r"[[\1\2\3|\2]]", text)
    text = _P4.sub(r"[[\1\2\3|\2]]", text)
    text = _P3.sub(r"[[\1\2\3\4|\2]]", text)
    t = title.text
    m = _TITLE_CONTEXT.match(t)
    if not m:
        m = _TITLE_COMMA.match(t)
        if m and m.group(1) + m.group(2) == "":
            m = None
    if m:
        prefix, suffix = m.group(1), m.group(2)
        text = _P2.sub(lambda mm: f"[[{prefix}{mm.group(1)}{suffix}|{mm.group(1)}]]", text)
    else:
        # No context in the title: no need to repeat the target.
        text = _P2.sub(r"[[\1]]", text)
    return text


def _rtrim(text: str) -> str:
    return text.rstrip(" \t\n\r\0\x0b")


def pre_save_transform(
    text: str,
    title: Title | str,
    site: Site,
    user_name: str,
    options: RenderOptions | None = None,
) -> str:
    """The text MediaWiki would store when `user_name` saves `text` as page `title`."""
    return pre_save_transform_with_flags(text, title, site, user_name, options)[0]


def pre_save_transform_with_flags(
    text: str,
    title: Title | str,
    site: Site,
    user_name: str,
    options: RenderOptions | None = None,
) -> tuple[str, set[str]]:
    """pre_save_transform, and the ParserOutput flags it set ("user-signature" when a
    signature was expanded, plus any a subst'ed function set)."""
    from .preprocessor import preprocess

    options = options or RenderOptions()
    if options.user_name != user_name:
        options = replace(options, user_name=user_name)
    if isinstance(title, str):
        title = site.config.parse_title(title)
    ctx = ParserContext(
        site=site,
        config=site.config,
        title=title,
        options=options,
        parser=_PSTParser(),  # type: ignore[arg-type]
    )
    text = text.replace("\0", "")
    text = _rtrim(text.replace("\r\n", "\n").replace("\r", "\n"))
    date = signature_date(ctx)
    text = preprocess(ctx, text, mode="wiki")
    if "~~~" in text:
        ctx.output.flags.add("user-signature")
        sig = signature(ctx, user_name)
        text = re.sub(
            "~~~~~|~~~~|~~~",
            lambda m: {"~~~~~": date, "~~~~": f"{sig} {date}", "~~~": sig}[m.group(0)],
            text,
        )
    text = pipe_trick(text, title)
    text = _rtrim(text)
    text = ctx.strip.unstrip_both(text)
    return _rtrim(text), set(ctx.output.flags)
