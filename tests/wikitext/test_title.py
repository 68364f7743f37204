"""MediaWiki's title rules."""

import pytest

from vellum.wikitext import InvalidTitle, SiteConfig


@pytest.fixture
def cfg() -> SiteConfig:
    return SiteConfig()


@pytest.mark.parametrize(
    ("text", "ns", "dbkey"),
    [
        ("main page", 0, "Main_page"),
        ("  Main__Page  ", 0, "Main_Page"),
        ("talk:foo bar", 1, "Foo_bar"),
        ("User talk:Alice", 3, "Alice"),
        ("user_talk: alice", 3, "Alice"),
        ("Image:Foo.jpg", 6, "Foo.jpg"),
        ("Project:About", 4, "About"),
        (":Category:Bar", 14, "Bar"),
        ("Special:RecentChanges", -1, "RecentChanges"),
        ("Foo &amp; bar", 0, "Foo_&_bar"),
    ],
)
def test_normalisation(cfg: SiteConfig, text: str, ns: int, dbkey: str) -> None:
    t = cfg.parse_title(text)
    assert (t.namespace, t.dbkey) == (ns, dbkey)


def test_fragment_is_split(cfg: SiteConfig) -> None:
    t = cfg.parse_title("Foo#Bar baz")
    assert t.dbkey == "Foo" and t.fragment == "Bar baz"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "title-invalid-empty"),
        ("Talk:", "title-invalid-empty"),
        ("Foo[bar]", "title-invalid-characters"),
        ("A<b>", "title-invalid-characters"),
        ("a|b", "title-invalid-characters"),
        ("a{b}", "title-invalid-characters"),
        ("Foo%20bar", "title-invalid-characters"),
        ("../x", "title-invalid-relative"),
        ("Sig ~~~", "title-invalid-magic-tilde"),
        ("x" * 256, "title-invalid-too-long"),
    ],
)
def test_illegal_titles(cfg: SiteConfig, text: str, code: str) -> None:
    with pytest.raises(InvalidTitle) as exc:
        cfg.parse_title(text)
    assert exc.value.code == code
    assert str(exc.value)


def test_parsed_title_equals_constructed(cfg: SiteConfig) -> None:
    from dataclasses import fields

    from vellum.wikitext.title import Title

    for text in ("Foo bar", "Talk:Foo#Bar", ":Category:Baz"):
        t = cfg.parse_title(text)
        same = Title(*(getattr(t, f.name) for f in fields(Title)))
        assert t == same and hash(t) == hash(same) and repr(t) == repr(same)
        assert vars(t).keys() >= vars(same).keys()


def test_title_memo_follows_config_changes() -> None:
    from vellum.wikitext import MemorySite, render
    from vellum.wikitext.site import Interwiki

    site = MemorySite(SiteConfig())
    assert 'title="Xyz:Foo (page' in render("[[xyz:Foo]]", "Page", site).html
    site.config.interwiki["xyz"] = Interwiki("xyz", "https://xyz.example/$1")
    assert 'href="https://xyz.example/Foo"' in render("[[xyz:Foo]]", "Page", site).html
    site.config.namespaces.names[100] = "Portal"
    site.config.namespaces.__post_init__()
    assert render("[[Portal:Foo]]", "Page", site).links == ["Portal:Foo"]
    t = site.config.try_title("Portal:Foo")
    assert t is not None and t.namespace == 100
