"""Random wikitext never makes the preprocessor raise, and limits keep it bounded."""

from __future__ import annotations

import time

from hypothesis import given, settings
from hypothesis import strategies as st

from vellum.wikitext.preprocessor import preprocess

from .conftest import make_ctx

PAGES = {
    "Template:1x": "{{{1}}}",
    "Template:Self": "a{{Self|{{{1|}}}}}b",
    "Template:Args": "{{{1|}}}|{{{a|A}}}|{{{2|{{{b|}}}}}}",
    "Template:Fn": "{{#if:{{{1|}}}|{{#expr:{{{1}}}+1}}|{{#switch:{{{2|}}}|x=X|#default=D}}}}",
    "Template:Heading": "== {{{1|h}}} ==",
    "Template:Tag": "<nowiki>{{{1|}}}</nowiki><includeonly>i</includeonly><noinclude>n</noinclude>",
}

PIECES = st.sampled_from(
    ["{{", "}}", "{{{", "}}}", "|", "=", "[[", "]]", "\n", "==", "1x", "Self", "Args", "Fn",
     "Heading", "Tag", "#if:", "#expr:", "#switch:", "#time:Y|", "#len:", "lc:", "subst:",
     "1", "a", "x", " ", "<!--", "-->", "<nowiki>", "</nowiki>", "<ref>", "-{", "}-",
     "{{{1}}}", "PAGENAME", "#invoke:", "msgnw:", "<onlyinclude>", "&amp;", "é"]
)  # fmt: skip


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.lists(PIECES, max_size=40).map("".join))
def test_random_wikitext_never_raises(text: str) -> None:
    ctx = make_ctx(PAGES)
    out = preprocess(ctx, text)
    assert isinstance(out, str)


def test_exponential_template_is_stopped_by_the_limits() -> None:
    pages = {f"Template:L{i}": ("{{L" + str(i + 1) + "|{{{1}}}x}}") * 4 for i in range(1, 30)}
    pages["Template:L30"] = "{{{1}}}"
    ctx = make_ctx(pages)
    ctx.config.max_pp_node_count = 20_000
    start = time.process_time()
    out = preprocess(ctx, "{{L1|a}}")
    assert time.process_time() - start < 60
    assert "Node-count limit exceeded" in out
    assert "node-count-exceeded-category" in ctx.output.tracking_categories
    assert ctx.output.warnings.count("Page exceeded the node-count") == 1


def test_include_size_limit() -> None:
    ctx = make_ctx({"Template:Big": "{{{1}}}" * 10})
    ctx.options.test_options["maxincludesize"] = "1000"
    out = preprocess(ctx, "{{Big|" + "x" * 200 + "}}")
    assert "[[:Template:Big]]" in out
    assert "post-expand-template-inclusion-category" in ctx.output.tracking_categories
    assert "WARNING: template omitted" in ctx.strip.unstrip_general(out)


def test_expansion_depth_limit() -> None:
    pages = {f"Template:N{i}": f"<{{{{N{i + 1}}}}}>" for i in range(60)}
    ctx = make_ctx(pages)
    ctx.config.max_pp_expand_depth = 20
    out = preprocess(ctx, "{{N0}}")
    assert "Expansion depth limit exceeded" in out
    assert "expansion-depth-exceeded-category" in ctx.output.tracking_categories


def test_template_depth_limit() -> None:
    pages = {f"Template:N{i}": f"<{{{{N{i + 1}}}}}>" for i in range(10)}
    ctx = make_ctx(pages)
    ctx.options.test_options["maxtemplatedepth"] = "3"
    out = preprocess(ctx, "{{N0}}")
    assert out == '<<<<span class="error">Template recursion depth limit exceeded (3)</span>>>>'
