"""Transclusion, arguments, comments and inclusion tags, as MediaWiki expands them."""

from __future__ import annotations

from vellum.wikitext.preprocessor import preprocess

from .conftest import make_ctx

PAGES = {
    "Template:1x": "{{{1}}}",
    "Template:Foo": "FOO<noinclude>hidden</noinclude><includeonly>!</includeonly>",
    "Template:Loop": "a{{loop}}b",
    "Template:Redir": "#REDIRECT [[Template:Foo]]",
    "Template:Only": "x<onlyinclude>IN</onlyinclude>y<onlyinclude>2</onlyinclude>z",
    "Template:Named": "[{{{a}}}|{{{b|B}}}|{{{1|one}}}]",
}


def test_transclusion_and_arguments(pp) -> None:
    assert pp("a {{1x|hello}} b", PAGES) == "a hello b"
    assert pp("{{Named|a= x |b=}}", PAGES) == "[x||one]"
    assert pp("{{Named|1= y |a=1}}", PAGES) == "[1|B|y]"
    assert pp("{{1x| spaced }}", PAGES) == " spaced "


def test_inclusion_tags(pp) -> None:
    assert pp("{{foo}}", PAGES) == "FOO!"
    assert pp("page<includeonly>x</includeonly><noinclude>y</noinclude>") == "pagey"
    assert pp("{{only}}", PAGES) == "IN2"


def test_redirect_followed_and_recorded() -> None:
    ctx = make_ctx(PAGES)
    assert preprocess(ctx, "{{redir}}") == "FOO!"
    assert ctx.output.templates == ["Template:Redir", "Template:Foo"]


def test_missing_template_is_a_link(pp) -> None:
    assert pp("{{missing}} {{:Main}}") == "[[:Template:Missing]] [[:Main]]"


def test_loop_detected(pp) -> None:
    out = pp("{{loop}}", PAGES)
    assert out == 'a<span class="error">Template loop detected: [[Template:Loop]]</span>b'


def test_arguments_at_top_level(pp) -> None:
    assert pp("{{{1}}} {{{1|def}}}") == "{{{1}}} def"


def test_comments_removed(pp) -> None:
    assert pp("x<!-- c -->y\n<!-- only -->\nz") == "xy\nz"
    assert pp("a\n  <!-- x -->  <!-- y -->\nb") == "a\nb"
    assert pp("a <!-- unclosed") == "a "


def test_unbalanced_braces_stay_text(pp) -> None:
    assert pp("{{1x|a}", PAGES) == "{{1x|a}"
    assert pp("{{{{1x|a}}", PAGES) == "{{a"
    assert pp("}} {{", PAGES) == "}} {{"


def test_pipes_in_links_do_not_split(pp) -> None:
    assert pp("{{1x|[[x|y]]}}", PAGES) == "[[x|y]]"


def test_block_start_gets_newline(pp) -> None:
    assert pp("a{{1x|* item}}", PAGES) == "a\n* item"


def test_headings_get_markers() -> None:
    ctx = make_ctx(PAGES)
    out = preprocess(ctx, "==H1==\ntext\n{{1x|x}}\n= H2 =")
    marker = "\x7f'\"`UNIQ--h-{}--QINU`\"'\x7f"
    assert out == f"=={marker.format(0)}H1==\ntext\nx\n={marker.format(1)} H2 ="
    headings = ctx.ext_state["headings"]
    assert [h["index"] for h in headings] == ["1", "2"]
    assert headings[0]["byte_offset"] == 0
    assert headings[1]["byte_offset"] == 21


def test_template_headings_are_t_sections() -> None:
    ctx = make_ctx({"Template:H": "== From template =="})
    preprocess(ctx, "{{H}}")
    assert ctx.ext_state["headings"][0]["index"] == "T-1"
    assert ctx.ext_state["headings"][0]["byte_offset"] is None


def test_depth_limit() -> None:
    ctx = make_ctx({"Template:Deep": "x{{Deep{{{1|}}}|y}}"})
    out = preprocess(ctx, "{{Deep}}")
    assert "error" in out
    assert len(out) < 100_000


def test_tag_output_not_reused_between_transclusions() -> None:
    from vellum.wikitext.extensions import TAG_HOOKS

    calls: list[str | None] = []

    def hook(ctx, content, attrs, frame):  # a tag whose every use must run
        calls.append(content)
        return f"<b>{len(calls)}</b>"

    TAG_HOOKS["vellumtesttag"] = hook
    try:
        ctx = make_ctx({"Template:T": "<vellumtesttag>x</vellumtesttag>", "Template:TT": "{{T}}"})
        out = preprocess(ctx, "{{TT}}{{TT}}")
        assert calls == ["x", "x"]
        assert ctx.strip.unstrip_general(out) == "<b>1</b><b>2</b>"
    finally:
        del TAG_HOOKS["vellumtesttag"]


def test_argument_less_transclusions_are_expanded_once() -> None:
    ctx = make_ctx({"Template:E": "{{#expr: 1 + 1}}"})
    assert preprocess(ctx, "{{E}}{{E}}{{E}}") == "222"


def test_special_prefixindex_transclusion() -> None:
    ctx = make_ctx({"Xyzzyx": "page", "Xyzzyxa": "other", "Main": "no"})
    out = ctx.strip.unstrip_general(preprocess(ctx, "{{Special:Prefixindex/Xyzzyx}}"))
    assert out == (
        '<ul class="mw-prefixindex-list"><li><a href="/wiki/Xyzzyx" title="Xyzzyx">Xyzzyx</a>'
        '</li>\n<li><a href="/wiki/Xyzzyxa" title="Xyzzyxa">Xyzzyxa</a></li>\n</ul>'
    )
    assert preprocess(ctx, "{{Special:Version}}") == "[[:Special:Version]]"


def test_preload_and_message_transform() -> None:
    from vellum.wikitext.preprocessor import preload_text, preprocess_text

    text = "Hello <noinclude>cruel</noinclude><includeonly>kind</includeonly> {{x}}<!--c--> world."
    assert preload_text(make_ctx(), text) == "Hello kind {{x}}<!--c--> world."
    assert preload_text(make_ctx(), "Goodbye <onlyinclude>Hello world</onlyinclude>") == (
        "Hello world"
    )
    assert preprocess_text(make_ctx(PAGES), "{{foo}}<!--c--><nowiki>{{foo}}</nowiki>") == (
        "FOO!<nowiki>{{foo}}</nowiki>"
    )


def test_frame_from_a_tag_hook_resolves_arguments() -> None:
    from vellum.wikitext.extensions import TAG_HOOKS

    seen: list[str] = []

    def hook(ctx, content, attrs, frame):
        seen.append(preprocess(ctx, content or "", frame))
        return ""

    TAG_HOOKS["vellumargtag"] = hook
    try:
        ctx = make_ctx({"Template:W": "<vellumargtag>[{{{1}}}|{{{x|d}}}]</vellumargtag>"})
        preprocess(ctx, "{{W|one|x=two}}")
        assert seen == ["[one|two]"]
        assert preprocess(make_ctx(), "{{{a}}}/{{{b|B}}}", {"a": "A"}) == "A/B"
    finally:
        del TAG_HOOKS["vellumargtag"]


def test_template_trees_are_shared_and_bounded(monkeypatch) -> None:
    import vellum.wikitext.preprocessor.trees as pp

    monkeypatch.setattr(pp, "_TREE_CACHE_LIMIT", 64)
    ctx = make_ctx()
    first = pp.template_dom(ctx, "{{a|b}}")
    assert pp.template_dom(ctx, "{{a|b}}") is first
    for i in range(20):
        pp.template_dom(ctx, f"text {i:02d}")
    assert pp._tree_cache_size <= 64
    assert pp.template_dom(ctx, "{{a|b}}") is not first
