"""Hostile XML dumps (imports are untrusted input too): no external entities (XXE) read
local files, entity bombs are refused with a clear error."""

from __future__ import annotations

import io

import pytest

from vellum.dumps.errors import DumpError
from vellum.dumps.reader import DumpReader

NS = "http://www.mediawiki.org/xml/export-0.11/"


def dump(doctype: str, text: str) -> bytes:
    return (
        f'<?xml version="1.0"?>{doctype}\n<mediawiki xmlns="{NS}" version="0.11" xml:lang="en">'
        "<siteinfo><sitename>W</sitename><dbname>w</dbname><base>http://x/wiki/Main_Page</base>"
        "<generator>MediaWiki 1.39</generator><case>first-letter</case><namespaces>"
        '<namespace key="0" case="first-letter" /></namespaces></siteinfo>'
        "<page><title>X</title><ns>0</ns><id>1</id><revision><id>1</id>"
        "<timestamp>2020-01-01T00:00:00Z</timestamp><contributor><username>A</username>"
        "<id>1</id></contributor><model>wikitext</model><format>text/x-wiki</format>"
        f'<text bytes="1" xml:space="preserve">{text}</text><sha1>x</sha1></revision></page>'
        "</mediawiki>"
    ).encode()


def texts(data: bytes) -> list[str | None]:
    out: list[str | None] = []
    for page in DumpReader(io.BytesIO(data)):
        for item in getattr(page, "items", ()):
            out += [s.text for s in getattr(item, "slots", [])]
    return out


def test_external_entity_is_not_read(tmp_path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET")
    data = dump(f'<!DOCTYPE m [<!ENTITY x SYSTEM "{secret.as_uri()}">]>', "before &x; after")
    try:
        got = texts(data)
    except DumpError:
        return  # refusing the dump is fine too
    assert all("TOPSECRET" not in (t or "") for t in got)


def test_parameter_entity_is_not_read(tmp_path) -> None:
    secret = tmp_path / "secret.dtd"
    secret.write_text('<!ENTITY leak "TOPSECRET">')
    data = dump(f'<!DOCTYPE m [<!ENTITY % p SYSTEM "{secret.as_uri()}"> %p;]>', "&leak;")
    try:
        got = texts(data)
    except DumpError:
        return
    assert all("TOPSECRET" not in (t or "") for t in got)


def test_entity_bomb_is_refused() -> None:
    ents = '<!ENTITY a "aaaaaaaaaa">' + "".join(
        f'<!ENTITY {n} "{("&" + p + ";") * 10}">' for p, n in zip("abcdefg", "bcdefgh", strict=True)
    )
    with pytest.raises(DumpError) as e:
        texts(dump(f"<!DOCTYPE m [{ents}]>", "&h;" * 10))
    assert str(e.value)
