"""The pre-save transform, against MediaWiki's outputs."""

from __future__ import annotations

from vellum.wikitext import testwiki
from vellum.wikitext.pst import pre_save_transform
from vellum.wikitext.site import MemorySite


def _site() -> MemorySite:
    site = MemorySite(testwiki.test_config())
    site.add_page("Template:Paramtest", "This is a test template with parameter {{{param}}}")
    site.add_page("Template:Foo", "FOO<noinclude>doc</noinclude>")
    site.add_page("Template:Nowikitest", "<nowiki>'''not wiki'''</nowiki>")
    return site


def pst(text: str, title: str = "Parser test", user: str = "127.0.0.1") -> str:
    return pre_save_transform(text, title, _site(), user, testwiki.test_options())


def test_subst() -> None:
    assert pst('{{subst:paramtest|param="something else"}}') == (
        'This is a test template with parameter "something else"'
    )
    assert pst("{{subst:Foo}} {{Foo}} {{safesubst:Foo}}") == "FOO {{Foo}} FOO"
    assert pst("{{subst:nowikitest}}") == "<nowiki>'''not wiki'''</nowiki>"
    assert pst("{{subst:SITENAME}} {{subst:#if:x|yes}}") == "MediaWiki yes"


def test_comments_and_tags_are_kept() -> None:
    assert pst("a<!-- ~~~~ -->b <nowiki>~~~</nowiki> <noinclude>x</noinclude>") == (
        "a<!-- ~~~~ -->b <nowiki>~~~</nowiki> <noinclude>x</noinclude>"
    )


def test_signatures() -> None:
    anon = "[[Special:Contributions/127.0.0.1|127.0.0.1]]"
    date = "00:02, 1 January 1970 (UTC)"
    assert pst("~~~ ~~~~ ~~~~~") == f"{anon} {anon} {date} {date}"
    assert pst("~~~", user="Alice") == "[[User:Alice|Alice]] ([[User talk:Alice|talk]])"


def test_pipe_trick() -> None:
    assert pst("[[Article (context)|]] [[Bar:Article|]] [[|Article]]") == (
        "[[Article (context)|Article]] [[Bar:Article|Article]] [[Article]]"
    )
    assert pst("[[|Article]]", title="Foo (bar)") == "[[Article (bar)|Article]]"


def test_trailing_whitespace_trimmed() -> None:
    assert pst("text  \n\n") == "text"


def test_signature_flag() -> None:
    from vellum.wikitext.pst import pre_save_transform_with_flags

    text, flags = pre_save_transform_with_flags("~~~~", "Parser test", _site(), "127.0.0.1")
    assert text.startswith("[[Special:Contributions/127.0.0.1|127.0.0.1]] ")
    assert flags == {"user-signature"}
    assert pre_save_transform_with_flags("plain", "Parser test", _site(), "x")[1] == set()
