"""Page titles as MediaWiki parses them (MediaWikiTitleCodec::splitTitleString).

Spaces and underscores are equivalent, the first letter is upper-cased, a namespace or
interwiki prefix is recognised, a `#fragment` is split off, and illegal titles raise
`InvalidTitle` with MediaWiki's reason.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Callable, Container
from dataclasses import dataclass, field
from typing import Any

from .namespaces import FILE, MAIN, MEDIA, SPECIAL, Namespaces

MAX_TITLE_BYTES = 255

_BIDI = re.compile("[\u200e\u200f\u202a-\u202e]")
_SPACES = re.compile("[ _\u00a0\u1680\u180e\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+")
_PREFIX = re.compile(r"^(.+?)_*:_*(.*)$", re.S)
# $wgLegalTitleChars = " %!\"$&'()*,\-.\/0-9:;=?@A-Z\\^_`a-z~\x80-\xFF+"
_ILLEGAL = re.compile(
    r"[^ %!\"$&'()*,\-./0-9:;=?@A-Z\\^_`a-z~+\u0080-\U0010ffff]"
    r"|%[0-9A-Fa-f]{2}|&[A-Za-z0-9\u0080-\U0010ffff]+;"
)
# What Title.parse's fast path takes: [:][Namespace name:]Page name, where the page name
# has letters, digits and `,.()'-`, with single spaces or underscores between them (the
# doubled ones are ruled out separately: in a regex they would cost backtracking).
_SIMPLE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9 _,.()'\-]*(?<![ _])\Z")
_SIMPLE_PREFIXED = re.compile(
    r"(:?)(?:([A-Za-z][A-Za-z0-9 _]*(?<![ _])):)?([A-Za-z0-9][A-Za-z0-9 _,.()'\-]*(?<![ _]))\Z"
)
_IP_V6 = re.compile(r"^[0-9A-Fa-f]{0,4}(:[0-9A-Fa-f]{0,4}){2,7}$")


class InvalidTitle(ValueError):
    """The text is not a valid page title; `code` is MediaWiki's message key."""

    def __init__(self, code: str, message: str, text: str = "") -> None:
        super().__init__(message)
        self.code = code
        self.text = text


_MESSAGES = {
    "title-invalid-empty": "The requested page title is empty or contains only the name of a namespace.",
    "title-invalid-characters": 'The requested page title contains invalid characters: "{}".',
    "title-invalid-relative": "Title has relative path. Relative page titles (./, ../) are invalid, because they will often be unreachable when handled by user's browser.",
    "title-invalid-magic-tilde": "The requested page title contains invalid magic tilde sequence (~~~).",
    "title-invalid-too-long": "The requested page title is too long. It must be no longer than 255 bytes in UTF-8 encoding.",
    "title-invalid-leading-colon": "The requested page title contains an invalid colon at the beginning.",
    "title-invalid-talk-namespace": "The requested page title refers to a talk page that can not exist.",
    "title-invalid-utf8": "The requested page title contains an invalid UTF-8 sequence.",
}


def _fail(code: str, text: str, detail: str = "") -> InvalidTitle:
    msg = _MESSAGES[code].format(detail)
    return InvalidTitle(code, msg, text)


def ucfirst(s: str) -> str:
    """Upper-case the first character as MediaWiki's Language::ucfirst does."""
    if not s:
        return s
    # As PHP's mb_strtoupper: a character whose upper case is several characters
    # becomes all of them (ß -> SS).
    return s[0].upper() + s[1:]


_new_object = object.__new__


class _computed_once:
    """A read-only attribute computed on first access and kept in the instance dict.

    functools.cached_property does the same, but Python 3.11's takes a lock on every first
    access, a cost paid once per Title and so once per link of a page.
    """

    def __init__(self, func: Callable[[Any], str]) -> None:
        self.func = func
        self.name = func.__name__
        self.__doc__ = func.__doc__

    def __get__(self, obj: Any, owner: type | None = None) -> Any:
        if obj is None:
            return self
        value = obj.__dict__[self.name] = self.func(obj)
        return value


@dataclass(frozen=True)
class Title:
    """A parsed title: namespace id, DB key (underscores), fragment, interwiki prefix."""

    namespace: int
    dbkey: str
    fragment: str = ""
    interwiki: str = ""
    ns_name: str = ""  # local namespace name with underscores ('' for main)
    # The text started with a local interwiki prefix ([[local:Foo]]), as Title::wasLocalInterwiki
    was_local_interwiki: bool = field(default=False, compare=False)

    @property
    def text(self) -> str:
        """Title without namespace, with spaces."""
        return self.dbkey.replace("_", " ")

    @_computed_once
    def prefixed_dbkey(self) -> str:
        """Namespace and interwiki prefixes and DB key: 'Talk:Foo_bar', 'fr:Foo'."""
        key = f"{self.ns_name}:{self.dbkey}" if self.ns_name else self.dbkey
        return f"{self.interwiki}:{key}" if self.interwiki else key

    @property
    def prefixed_text(self) -> str:
        return self.prefixed_dbkey.replace("_", " ")

    @property
    def full_text(self) -> str:
        """Prefixed text plus '#fragment' when there is one."""
        return self.prefixed_text + (f"#{self.fragment}" if self.fragment else "")

    @property
    def is_external(self) -> bool:
        return bool(self.interwiki)

    def base_text(self) -> str:
        return self.text.rsplit("/", 1)[0] if "/" in self.text else self.text

    def __str__(self) -> str:
        return self.prefixed_text

    @classmethod
    def parse(
        cls,
        text: str,
        namespaces: Namespaces,
        default_namespace: int = MAIN,
        interwiki: Container[str] = (),
        local_interwikis: Container[str] = (),
    ) -> Title:
        """Parse user-supplied text into a Title, or raise InvalidTitle."""
        # Fast path: an optional leading colon and namespace name, then letters, digits and
        # a little punctuation with single spaces: what the full parse below would do.
        if (
            len(text) <= MAX_TITLE_BYTES
            and "  " not in text
            and "__" not in text
            and "_ " not in text
            and " _" not in text
        ):
            found: int | None = None
            colon, prefix, rest = "", None, text
            if ":" not in text:
                if _SIMPLE_NAME.match(text):
                    found = default_namespace
            elif m := _SIMPLE_PREFIXED.match(text):
                colon, prefix, rest = m.groups()
                if prefix is None:
                    found = MAIN
                else:
                    found = namespaces.lookup(prefix)  # else an interwiki or a main-namespace title
            if found is not None:
                dbkey = rest.replace(" ", "_")
                if namespaces.capital_links and "a" <= dbkey[0] <= "z":
                    dbkey = dbkey[0].upper() + dbkey[1:]
                if prefix is None and not colon and found == MAIN:
                    ns_name = ""
                    key = dbkey
                else:
                    ns_name = namespaces.name(found)
                    key = f"{ns_name}:{dbkey}" if ns_name else dbkey
                # as _of does, inlined: this is the path nearly every link takes
                self = _new_object(cls)
                attrs = self.__dict__
                attrs["namespace"] = found
                attrs["dbkey"] = dbkey
                attrs["fragment"] = ""
                attrs["interwiki"] = ""
                attrs["ns_name"] = ns_name
                attrs["was_local_interwiki"] = False
                attrs["prefixed_dbkey"] = key
                return self
        return cls._parse(text, namespaces, default_namespace, interwiki, local_interwikis)

    @classmethod
    def _parse(
        cls,
        text: str,
        namespaces: Namespaces,
        default_namespace: int,
        interwiki: Container[str],
        local_interwikis: Container[str],
    ) -> Title:
        """The full parse (MediaWikiTitleCodec::splitTitleString)."""
        original = text
        if "&" in text:
            text = html.unescape(text)
        if not text.isascii():
            text = unicodedata.normalize("NFC", text)
            text = _BIDI.sub("", text)
        dbkey = _SPACES.sub("_", text).strip("_")
        if "\ufffd" in dbkey:
            raise _fail("title-invalid-utf8", original)
        if dbkey == "":
            raise _fail("title-invalid-empty", original)

        ns = default_namespace
        iw = ""
        if dbkey.startswith(":"):
            ns = MAIN
            dbkey = dbkey[1:].lstrip("_")
        # Namespace or interwiki prefixes; local interwikis are stripped and looked at again.
        first_pass = True
        was_local = False
        while True:
            m = _PREFIX.match(dbkey) if ":" in dbkey else None
            if not m:
                break
            prefix, rest = m.group(1), m.group(2)
            found = namespaces.lookup(prefix)
            if found is not None:
                ns = found
                dbkey = rest
                if Namespaces.is_talk(ns) and (m2 := _PREFIX.match(dbkey)):
                    if m2.group(1).lower() in interwiki:
                        raise _fail("title-invalid-talk-namespace", original)
                break
            low = prefix.lower()
            if first_pass and low in interwiki:
                if low in local_interwikis:
                    dbkey = rest
                    ns = MAIN
                    first_pass = True
                    was_local = True
                    if dbkey == "":
                        # [[local:]] is the main page
                        dbkey = "Main_Page"
                        break
                    continue
                iw = low
                dbkey = rest
                if dbkey.startswith(":"):
                    dbkey = dbkey[1:]
                    ns = MAIN
                break
            break

        fragment = ""
        if "#" in dbkey:
            dbkey, fragment = dbkey.split("#", 1)
            fragment = fragment.replace("_", " ")
            dbkey = dbkey.rstrip("_")

        if m := _ILLEGAL.search(dbkey):
            raise _fail("title-invalid-characters", original, m.group(0))
        if "." in dbkey and (
            dbkey in (".", "..")
            or dbkey.startswith(("./", "../"))
            or "/./" in dbkey
            or "/../" in dbkey
            or dbkey.endswith(("/.", "/.."))
        ):
            raise _fail("title-invalid-relative", original)
        if "~~~" in dbkey:
            raise _fail("title-invalid-magic-tilde", original)
        if ns != SPECIAL and len(dbkey.encode("utf-8")) > MAX_TITLE_BYTES:
            raise _fail("title-invalid-too-long", original)
        if dbkey.startswith(":"):
            raise _fail("title-invalid-leading-colon", original)
        if dbkey == "" and not iw and not fragment:
            raise _fail("title-invalid-empty", original)
        if dbkey == "" and not iw and ns != MAIN:
            raise _fail("title-invalid-empty", original)

        if not iw and namespaces.capital_links:
            dbkey = ucfirst(dbkey)
        if ns in (2, 3) and _IP_V6.match(dbkey):
            dbkey = dbkey.upper()
        return cls._of(ns, dbkey, fragment, iw, "" if iw else namespaces.name(ns), was_local)

    @classmethod
    def _of(
        cls,
        namespace: int,
        dbkey: str,
        fragment: str,
        interwiki: str,
        ns_name: str,
        was_local: bool,
    ) -> Title:
        """Title(namespace, dbkey, ...) without the frozen dataclass's __init__, whose
        object.__setattr__ per field costs more than the rest of parsing a simple title."""
        self = _new_object(cls)
        attrs = self.__dict__
        attrs["namespace"] = namespace
        attrs["dbkey"] = dbkey
        attrs["fragment"] = fragment
        attrs["interwiki"] = interwiki
        attrs["ns_name"] = ns_name
        attrs["was_local_interwiki"] = was_local
        # prefixed_dbkey, computed now: nearly every parsed title is asked for it
        key = f"{ns_name}:{dbkey}" if ns_name else dbkey
        attrs["prefixed_dbkey"] = f"{interwiki}:{key}" if interwiki else key
        return self

    @classmethod
    def make(cls, namespace: int, dbkey: str, namespaces: Namespaces, fragment: str = "") -> Title:
        """A Title from a namespace id and an already-normalised DB key."""
        return cls(namespace, dbkey.replace(" ", "_"), fragment, "", namespaces.name(namespace))

    def is_file(self) -> bool:
        return self.namespace in (FILE, MEDIA) and not self.interwiki
