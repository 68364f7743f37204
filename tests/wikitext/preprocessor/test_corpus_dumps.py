"""Real pages with their real templates: every article of a corpus dump renders.

The dump's pages (articles, Template:, Module:, MediaWiki: ...) are imported into a
MemorySite set up with the dump's own namespace names, then every article is rendered.
None may raise or exceed the preprocessor's limits. The report printed at the end says
how many articles still show red template links: templates the dump lacks (it is only
the head of a wiki) or ones that need Lua (#invoke).
"""

from __future__ import annotations

import lzma
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from lxml import etree

from vellum.wikitext import render
from vellum.wikitext.namespaces import CANONICAL, DEFAULT_ALIASES, Namespaces
from vellum.wikitext.options import RenderOptions
from vellum.wikitext.site import MemorySite, SiteConfig

LIMIT_CATEGORIES = {
    "node-count-exceeded-category",
    "expansion-depth-exceeded-category",
    "post-expand-template-inclusion-category",
    "post-expand-template-argument-category",
    "expensive-parserfunction-category",
}

DUMPS = [
    "enwiki-20160501-pages-articles1-shortened.xml",
    "mrwiki-20230501-pages-articles-head.xml.xz",
]


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def read_dump(path: Path) -> tuple[dict[int, str], str, Iterator[tuple[str, int, str]]]:
    """(namespace names, site name, iterator of (title, ns, text)) with lxml's iterparse."""
    opener = lzma.open if path.suffix in (".xz", ".lzma") else open
    names: dict[int, str] = {}
    sitename = "Wiki"
    with opener(path, "rb") as fh:
        for _, el in etree.iterparse(fh, events=("end",)):
            name = _local(el.tag)
            if name == "namespace":
                names[int(el.get("key"))] = (el.text or "").replace(" ", "_")
            elif name == "sitename":
                sitename = el.text or sitename
            elif name == "siteinfo":
                break

    def pages() -> Iterator[tuple[str, int, str]]:
        with opener(path, "rb") as fh:
            for _, el in etree.iterparse(fh, events=("end",), tag="{*}page"):
                title = el.findtext("{*}title") or ""
                ns = int(el.findtext("{*}ns") or 0)
                rev = el.find("{*}revision")
                text = (rev.findtext("{*}text") if rev is not None else None) or ""
                yield title, ns, text
                el.clear()
                while el.getprevious() is not None:
                    del el.getparent()[0]

    return names, sitename, pages()


def load_site(path: Path) -> tuple[MemorySite, list[tuple[str, str]]]:
    names, sitename, pages = read_dump(path)
    ns_names = dict(CANONICAL)
    ns_names.update({k: v for k, v in names.items() if k != 0})
    namespaces = Namespaces(
        names=ns_names, aliases=dict(DEFAULT_ALIASES), canonical=dict(CANONICAL)
    )
    site = MemorySite(SiteConfig(sitename=sitename, namespaces=namespaces))
    articles: list[tuple[str, str]] = []
    for title, ns, text in pages:
        site.add_page(title, text)
        if ns == 0 and not text.lstrip()[:9].lower().startswith("#redirect"):
            articles.append((title, text))
    return site, articles


@pytest.mark.parametrize("dump", DUMPS)
def test_every_article_renders_within_limits(shared: Path, dump: str) -> None:
    path = shared / "corpus" / "dumps" / dump
    site, articles = load_site(path)
    assert articles
    options = RenderOptions(now=1_700_000_000.0, revision_id=1)
    over_limits: list[str] = []
    red_articles = 0
    missing: Counter[str] = Counter()
    lua_articles = 0
    for title, text in articles:
        result = render(text, title, site, options)
        assert isinstance(result.html, str)
        if LIMIT_CATEGORIES & set(result.tracking_categories):
            over_limits.append(title)
        absent = [t for t in result.templates if t not in site.pages]
        if absent:
            red_articles += 1
            missing.update(absent)
        if "Lua modules are not available" in result.html:
            lua_articles += 1
    assert not over_limits, f"over the limits: {over_limits[:10]}"
    print(
        f"\n{dump}: {len(articles)} articles, {red_articles} with red template links "
        f"({len(missing)} missing templates; most used: {missing.most_common(5)}), "
        f"{lua_articles} calling Lua modules"
    )
