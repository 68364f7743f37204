"""The preprocessor tree: MediaWiki's bracket matching, and that the fast search builds
the same tree as MediaWiki's character-by-character one."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from vellum.wikitext.preprocessor.dom import (
    Comment,
    Ext,
    Heading,
    Ignore,
    Part,
    Template,
    build,
)

TAGS = ("nowiki", "pre", "ref")


def dump(nodes: list) -> list:
    """A comparable form of a tree."""
    out: list = []
    for n in nodes:
        if isinstance(n, str):
            out.append(n)
        elif isinstance(n, Template):
            parts = [(p.index, dump(p.name or []), dump(p.value)) for p in n.parts]
            out.append((n.kind, dump(n.title), parts, n.line_start))
        elif isinstance(n, Heading):
            out.append(("h", n.level, n.i, n.top, n.start, dump(n.children)))
        elif isinstance(n, Ext):
            out.append(("ext", n.name, n.attr, n.inner, n.close))
        elif isinstance(n, Comment | Ignore):
            out.append((type(n).__name__, n.text))
        elif isinstance(n, Part):
            out.append(("part", n.index))
        else:
            out.append(repr(n))
    return out


def test_template_parts() -> None:
    (tpl,) = build("{{a|b|c=d|e}}", TAGS)
    assert isinstance(tpl, Template) and tpl.kind == "template"
    assert tpl.title == ["a"]
    assert [(p.index, p.name, p.value) for p in tpl.parts] == [
        (1, None, ["b"]),
        (0, ["c"], ["d"]),
        (2, None, ["e"]),
    ]


def test_brace_counting() -> None:
    assert dump(build("{{{a}}}", TAGS)) == [("tplarg", ["a"], [], False)]
    assert dump(build("{{{{a}}}}", TAGS)) == ["{", ("tplarg", ["a"], [], False), "}"]
    assert dump(build("{{{{{a}}}}}", TAGS)) == [
        ("template", [("tplarg", ["a"], [], False)], [], False)
    ]
    assert dump(build("{{a}", TAGS)) == ["{{a}"]
    assert dump(build("-{{a}}", TAGS)) == ["-", ("template", ["a"], [], False)]


def test_link_pipes_and_headings() -> None:
    (tpl,) = build("{{a|[[b|c]]}}", TAGS)
    assert len(tpl.parts) == 1
    nodes = build("== x ==\n=y=", TAGS)
    assert dump(nodes) == [
        ("h", 2, 1, True, 0, ["== x =="]),
        "\n",
        ("h", 1, 2, True, 8, ["=y="]),
    ]


def test_comments_and_tags() -> None:
    assert dump(build("a\n <!-- x --> \nb", TAGS)) == ["a\n", ("Comment", " <!-- x --> \n"), "b"]
    assert dump(build("<ref name=x>y</ref><ref/>", TAGS)) == [
        ("ext", "ref", " name=x", "y", "</ref>"),
        ("ext", "ref", "", None, None),
    ]
    assert dump(build("<pre>unclosed", TAGS)) == ["<pre>unclosed"]
    assert dump(build("a<noinclude>b</noinclude>", TAGS, for_inclusion=True)) == [
        "a",
        ("Ignore", "<noinclude>b</noinclude>"),
    ]


def test_deep_nesting_is_iterative() -> None:
    text = "{{a|" * 5000 + "}}" * 5000
    nodes = build(text, TAGS)
    assert isinstance(nodes[0], Template)
    assert len(build("[[" * 10000, TAGS)[0]) == 20000


ALPHABET = st.sampled_from(
    ["{", "}", "[", "]", "|", "=", "-", "<", ">", "\n", " ", "a", "b", "<!--", "-->",
     "<ref>", "</ref>", "<nowiki/>", "<includeonly>", "</noinclude>", "==", "'",
     "{{a|", "|b=c", "[[a|b]]", "<br>", "<REF >", "<onlyinclude>", "</onlyinclude>",
     "<ref name=a/>", "<ref\n>", "\n== h ==", "=\t", "\n=="]
)  # fmt: skip


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.lists(ALPHABET, max_size=60).map("".join), st.booleans())
def test_fast_search_builds_mediawikis_tree(text: str, for_inclusion: bool) -> None:
    fast = dump(build(text, TAGS, for_inclusion))
    exhaustive = dump(build(text, TAGS, for_inclusion, exhaustive=True))
    assert fast == exhaustive


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.lists(ALPHABET, max_size=60).map("".join), st.booleans())
def test_tree_keeps_the_source(text: str, for_inclusion: bool) -> None:
    from vellum.wikitext.preprocessor.sections import source_text

    assert source_text(build(text, TAGS, for_inclusion)) == text


def test_simple_template_parts_match_the_general_tree() -> None:
    """A simple template's lazily split parts are those of MediaWiki's bracket matching."""
    for text in ["{{a|b|c=d|=e|f=|g=h=i|}}", "{{a|[[b|c]]|d=[[e|f]]}}", "{{a|x<br>y|z=<br>}}"]:
        fast = dump(build(text, TAGS))
        assert fast == dump(build(text, TAGS, exhaustive=True))
    (tpl,) = build("{{a}}", TAGS)
    assert isinstance(tpl, Template) and not tpl.has_parts and tpl.parts == []
    (tpl,) = build("{{a|}}", TAGS)
    assert isinstance(tpl, Template) and tpl.has_parts and len(tpl.parts) == 1
