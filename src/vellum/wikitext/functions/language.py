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


@parser_function("int", "INT:", no_hash=True)
def int_(ctx: ParserContext, key: str = "", *params: str) -> dict:
    if key == "":
        return {"found": False}
    return {"text": ctx.msg(key, *params), "noparse": False}


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
