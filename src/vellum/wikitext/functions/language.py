"""Language functions: int, grammar, gender, #language (CoreParserFunctions)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import parser_function

if TYPE_CHECKING:
    from ..context import ParserContext

# Language::fetchLanguageName for the languages wikis most often name (autonyms).
LANGUAGE_NAMES = {
    "ar": "العربية", "de": "Deutsch", "en": "English", "es": "español", "fa": "فارسی",
    "fr": "français", "he": "עברית", "it": "italiano", "ja": "日本語", "ko": "한국어",
    "nl": "Nederlands", "pl": "polski", "pt": "português", "ru": "русский",
    "sv": "svenska", "uk": "українська", "zh": "中文", "mul": "multiple languages",
    "sr": "српски / srpski", "kk": "қазақша", "tr": "Türkçe", "cs": "čeština",
    "fi": "suomi", "da": "dansk", "no": "norsk", "nb": "norsk bokmål", "el": "Ελληνικά",
    "hu": "magyar", "ro": "română", "id": "Bahasa Indonesia", "vi": "Tiếng Việt",
    "hi": "हिन्दी", "th": "ไทย", "ca": "català", "eo": "Esperanto", "la": "Latina",
}  # fmt: skip
ENGLISH_NAMES = {
    "ar": "Arabic", "de": "German", "en": "English", "es": "Spanish", "fa": "Persian",
    "fr": "French", "he": "Hebrew", "it": "Italian", "ja": "Japanese", "ko": "Korean",
    "nl": "Dutch", "pl": "Polish", "pt": "Portuguese", "ru": "Russian", "sv": "Swedish",
    "uk": "Ukrainian", "zh": "Chinese", "mul": "multiple languages",
}  # fmt: skip


# Interface messages that pages commonly show with {{int:}} or {{MediaWiki:...}} and that
# the engine's own message table does not need.
EXTRA_MESSAGES = {
    "youhavenewmessages": "You have $1 ($2).",
    "history_short": "History",
    "ok": "OK",
    "edit": "Edit",
    "view": "Read",
    "talk": "Discussion",
    "mainpage": "Main Page",
    "mainpage-description": "Main page",
    "search": "Search",
    "go": "Go",
    "sitesubtitle": "",
    "tagline": "From {{SITENAME}}",
    "lang": "en",
    "and": "&#32;and",
    "word-separator": "&#32;",
    "comma-separator": ",&#32;",
    "parentheses": "($1)",
}


def normalize_key(key: str) -> str:
    """MessageCache::normalizeKey: first letter lower-cased, spaces as underscores."""
    key = key.replace(" ", "_")
    return key[:1].lower() + key[1:]


def message(ctx: ParserContext, key: str, *params: str) -> str | None:
    """An interface message as wikitext, or None when there is none."""
    key = normalize_key(key)
    text = ctx.msg(key, *params)
    if text != f"⧼{key}⧽":
        return text
    extra = EXTRA_MESSAGES.get(key)
    if extra is None:
        return None
    for i, p in enumerate(params, 1):
        extra = extra.replace(f"${i}", p)
    return extra


@parser_function("int", "INT:", no_hash=True)
def int_(ctx: ParserContext, key: str = "", *params: str) -> dict:
    if key == "":
        return {"found": False}
    text = message(ctx, key, *params)
    if text is None:
        import html

        text = f"⧼{html.escape(normalize_key(key))}⧽"
    return {"text": text, "noparse": False}


@parser_function("grammar", "GRAMMAR:", no_hash=True)
def grammar(ctx: ParserContext, case: str = "", word: str = "", *rest: str) -> str:
    return word


@parser_function("gender", "GENDER:", no_hash=True)
def gender(ctx: ParserContext, user: str = "", *forms: str) -> str:
    if not forms:
        return ""
    # Users have no gender preference here: MediaWiki's 'unknown' gender form.
    return forms[2] if len(forms) > 2 else forms[0]


@parser_function("language", "#LANGUAGE:", no_hash=True)
def language(ctx: ParserContext, code: str = "", in_language: str = "", *rest: str) -> str:
    code = code.strip().lower()
    if in_language.strip().lower() == "en":
        name = ENGLISH_NAMES.get(code)
        if name:
            return name
    return LANGUAGE_NAMES.get(code, code)
