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
