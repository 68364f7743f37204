"""Page name magic words as functions: `{{PAGENAME}}`, `{{PAGENAME:Other page}}` and the
FULLPAGENAME, BASEPAGENAME, ROOTPAGENAME, SUBPAGENAME, TALKPAGENAME, SUBJECTPAGENAME,
NAMESPACE, TALKSPACE, SUBJECTSPACE and NAMESPACENUMBER families with their `E`
(URL-encoded) forms (CoreParserFunctions::pagename ...)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ..namespaces import Namespaces
from ..title import Title
from . import parser_function
from .util import escape_wikitext, has_subpages, make_title, wf_urlencode

if TYPE_CHECKING:
    from ..context import ParserContext


def _text(t: Title) -> str:
    return t.text


def _full(t: Title) -> str:
    return t.prefixed_text


def base_text(ctx: ParserContext, t: Title) -> str:
    text = t.text
    if not has_subpages(ctx, t.namespace) or "/" not in text:
        return text
    return text.rsplit("/", 1)[0]


def root_text(ctx: ParserContext, t: Title) -> str:
    text = t.text
    if not has_subpages(ctx, t.namespace) or "/" not in text:
        return text
    return text.split("/", 1)[0]


def subpage_text(ctx: ParserContext, t: Title) -> str:
    text = t.text
    if not has_subpages(ctx, t.namespace):
        return text
    return text.rsplit("/", 1)[-1]


def _with_ns(ctx: ParserContext, ns: int, text: str) -> str:
    name = ctx.config.namespaces.text(ns)
    return f"{name}:{text}" if name else text


def talk_text(ctx: ParserContext, t: Title) -> str:
    if t.namespace < 0:
        return ""
    return _with_ns(ctx, Namespaces.talk(t.namespace), t.text)


def subject_text(ctx: ParserContext, t: Title) -> str:
    return _with_ns(ctx, Namespaces.subject(t.namespace), t.text)


def _urlform(text: str) -> str:
    return wf_urlencode(text.replace(" ", "_"))


def _title_function(
    name: str, getter: Callable[[ParserContext, Title], str], encode: bool
) -> Callable[..., str]:
    def fn(ctx: ParserContext, arg: str | None = None, *rest: str) -> str:
        t = ctx.title if arg is None else make_title(ctx, arg)
        if t is None:
            return ""
        value = getter(ctx, t)
        if encode:
            value = _urlform(value)
        return escape_wikitext(value)

    fn.__name__ = name
    return fn


_GETTERS: dict[str, Callable[[ParserContext, Title], str]] = {
    "pagename": lambda ctx, t: t.text,
    "fullpagename": lambda ctx, t: t.prefixed_text,
    "basepagename": base_text,
    "rootpagename": root_text,
    "subpagename": subpage_text,
    "talkpagename": talk_text,
    "subjectpagename": subject_text,
}

PAGENAME_FUNCTIONS: dict[str, Callable[..., str]] = {}
for _name, _getter in _GETTERS.items():
    for _encode in (False, True):
        _id = _name + ("e" if _encode else "")
        _fn = _title_function(_id, _getter, _encode)
        PAGENAME_FUNCTIONS[_id] = _fn
        parser_function(_id, _id.upper(), case_sensitive=True, no_hash=True)(_fn)


def _ns_function(name: str, getter: Callable[[ParserContext, Title], str], encode: bool):
    def fn(ctx: ParserContext, arg: str | None = None, *rest: str) -> str:
        t = ctx.title if arg is None else make_title(ctx, arg)
        if t is None:
            return ""
        value = getter(ctx, t)
        return wf_urlencode(value.replace(" ", "_")) if encode else value

    fn.__name__ = name
    return fn


_NS_GETTERS: dict[str, Callable[[ParserContext, Title], str]] = {
    "namespace": lambda ctx, t: ctx.config.namespaces.text(t.namespace),
    "talkspace": lambda ctx, t: (
        "" if t.namespace < 0 else ctx.config.namespaces.text(Namespaces.talk(t.namespace))
    ),
    "subjectspace": lambda ctx, t: ctx.config.namespaces.text(Namespaces.subject(t.namespace)),
}

for _name, _getter in _NS_GETTERS.items():
    for _encode in (False, True):
        _id = _name + ("e" if _encode else "")
        _fn = _ns_function(_id, _getter, _encode)
        PAGENAME_FUNCTIONS[_id] = _fn
        parser_function(_id, _id.upper(), case_sensitive=True, no_hash=True)(_fn)


@parser_function("namespacenumber", "NAMESPACENUMBER", case_sensitive=True, no_hash=True)
def namespacenumber(ctx: ParserContext, arg: str | None = None, *rest: str) -> str:
    t = ctx.title if arg is None else make_title(ctx, arg)
    return "" if t is None else str(t.namespace)


PAGENAME_FUNCTIONS["namespacenumber"] = namespacenumber
