"""Cite: <ref>/<references> numbering, ids, reuse, groups, list-defined refs, errors."""

from __future__ import annotations

import re

from .fakeparser import make_ctx, render

ERR = '<span class="error mw-ext-cite-error" lang="en" dir="ltr">Cite error: '


def test_simple_ref_and_list() -> None:
    out = render(make_ctx(), "A<ref>note</ref>\n<references />")
    assert out.startswith(
        'A<sup id="cite_ref-1" class="reference"><a href="#cite_note-1">&#91;1&#93;</a></sup>\n'
    )
    assert (
        '<div class="mw-references-wrap"><ol class="references">\n'
        '<li id="cite_note-1"><span class="mw-cite-backlink"><a href="#cite_ref-1">↑</a></span>'
        ' <span class="reference-text">note</span>\n</li>\n</ol></div>'
    ) in out


def test_named_reuse_gets_numbered_backlinks() -> None:
    out = render(make_ctx(), '<ref name="a">x</ref><ref name="a" /><references />')
    assert 'id="cite_ref-a_1-0"' in out and 'id="cite_ref-a_1-1"' in out
    assert (
        '<span class="mw-cite-backlink">↑ <sup><a href="#cite_ref-a_1-0">1.0</a></sup> '
        '<sup><a href="#cite_ref-a_1-1">1.1</a></sup></span>'
    ) in out


def test_groups_number_separately_and_label() -> None:
    out = render(make_ctx(), '<ref group="n">a</ref><ref>b</ref><references group="n"/>')
    assert "&#91;n 1&#93;" in out and "&#91;1&#93;" in out
    # The default group's refs get the automatic list at the end.
    assert out.count('<ol class="references">') == 2


def test_group_without_references_is_an_error() -> None:
    out = render(make_ctx(), '<ref group="g">a</ref>')
    assert out.endswith(
        "\n<br />"
        + ERR
        + '<code>&lt;ref&gt;</code> tags exist for a group named "g", but no corresponding '
        '<code>&lt;references group="g"/&gt;</code> tag was found</span>'
    )


def test_list_defined_reference() -> None:
    out = render(
        make_ctx(), '<ref name="foo" />\n<references>\n<ref name="foo">BAR</ref>\n</references>'
    )
    assert '<span class="reference-text">BAR</span>' in out


def test_list_defined_unused_is_reported_after_the_list() -> None:
    out = render(make_ctx(), '<ref name="a">x</ref><references><ref name="b">y</ref></references>')
    assert out.endswith(
        "</ol></div>\n"
        + ERR
        + '<code>&lt;ref&gt;</code> tag with name "b" defined in <code>&lt;references&gt;</code>'
        " is not used in prior text.</span>"
    )


def test_errors() -> None:
    ctx = make_ctx()
    assert render(ctx, '<ref name="1">x</ref>').startswith(
        ERR + "Invalid <code>&lt;ref&gt;</code> tag; name cannot be a simple integer"
    )
    assert "malformed or has a bad name" in render(make_ctx(), "<ref />")
    assert "refs with no name must have content" in render(make_ctx(), "<ref> </ref>")
    assert "invalid names, e.g. too many" in render(make_ctx(), '<ref name="a" bogus="b">x</ref>')
    assert 'Invalid <code>dir="up"</code>' in render(make_ctx(), '<ref dir="up">x</ref>')
    assert "Invalid parameter in <code>&lt;references&gt;</code> tag" in render(
        make_ctx(), "<ref>x</ref><references foo=1 />"
    )


def test_duplicate_content_is_flagged_on_first_definition() -> None:
    out = render(make_ctx(), '<ref name="a">abc</ref><ref name="a">def</ref>')
    assert (
        '<span class="reference-text">abc '
        + ERR
        + 'Invalid <code>&lt;ref&gt;</code> tag; name "a" defined multiple times with different'
        " content</span></span>"
    ) in out


def test_missing_text_for_named_ref() -> None:
    out = render(make_ctx(), '<ref name="void"> </ref>')
    assert "no text was provided for refs named <code>void</code></span></li>" in out


def test_follow_appends_to_parent() -> None:
    out = render(make_ctx(), '<ref name="p">one</ref><ref follow="p">two</ref><ref>three</ref>')
    assert '<span class="reference-text">one two</span>' in out
    assert 'id="cite_ref-2"' in out


def test_direction_class_and_legacy_ids() -> None:
    out = render(make_ctx(), '<ref dir="RTL" name="füllen">x</ref>')
    assert 'class="mw-cite-dir-rtl"' in out
    assert 'id="cite_note-f.C3.BCllen-1"' in out


def test_columns_after_ten_refs() -> None:
    out = render(make_ctx(), "<ref>a</ref>" * 11)
    assert '<div class="mw-references-wrap mw-references-columns">' in out
    out = render(make_ctx(), "<ref>a</ref>" * 10)
    assert "mw-references-columns" not in out


def test_unresponsive_list_has_no_wrapper() -> None:
    out = render(make_ctx(cite_responsive_references=False), "<ref>a</ref><references/>")
    assert "mw-references-wrap" not in out
    out = render(
        make_ctx(cite_responsive_references=False), '<ref>a</ref><references responsive=""/>'
    )
    assert "mw-references-wrap" in out


def test_custom_link_labels_from_message_page() -> None:
    ctx = make_ctx({"MediaWiki:Cite link label group-k": "wa' cha'"})
    out = render(ctx, '<ref group="k">1</ref><ref group="k">2</ref><ref group="k">3</ref>')
    assert "&#91;wa&#x27;&#93;" in out and "&#91;cha&#x27;&#93;" in out
    assert "Ran out of custom link labels for group" in out


def test_nested_references_tag_error() -> None:
    ctx = make_ctx()
    inner = ctx.parser.recursive_tag_parse(ctx, '<ref name="x">y</ref><references />')
    out = render(ctx, "<references>" + inner + "</references>")
    assert "Closing tag missing for <code>&lt;references&gt;</code>" in out


def test_rollback_of_refs_expanded_inside_references() -> None:
    # {{#tag:references|<ref name="a">a</ref>|group=g}} hands <references> expanded refs.
    ctx = make_ctx()
    head = render(ctx, '<ref name="a" group="g" />')
    inner = ctx.parser.recursive_tag_parse(ctx, '<ref name="a">a</ref>')
    out = ctx.strip.unstrip_both(
        ctx.parser.recursive_tag_parse(ctx, f'<references group="g">{inner}</references>')
    )
    assert "cite_ref-a_1-0" in head
    assert '<span class="reference-text">a</span>' in out
    later = render(ctx, '<ref name="c">c</ref>')
    assert re.search(r'id="cite_ref-c_3-0".*&#91;1&#93;', later)


def test_html5_fragment_mode_ids() -> None:
    out = render(make_ctx(fragment_mode=("html5",)), '<ref name="a_ %20a">A</ref>')
    assert 'id="cite_ref-a_%2520a_1-0"' in out
    assert 'href="#cite_note-a_%2520a-1"' in out
    out = render(make_ctx(fragment_mode=("html5", "legacy")), '<ref name="füllen">x</ref>')
    assert 'id="cite_note-füllen-1"' in out


def _book_ctx():  # type: ignore[no-untyped-def]
    ctx = make_ctx()
    ctx.config.extra["wgCiteBookReferencing"] = True
    return ctx


def test_book_referencing_is_off_by_default() -> None:
    out = render(make_ctx(), '<ref name="p">a</ref><ref extends="p">b</ref>')
    assert "invalid names, e.g. too many" in out


def test_book_referencing_nests_sub_references() -> None:
    out = render(_book_ctx(), '<ref name="p">book</ref><ref extends="p">page 2</ref>')
    assert "&#91;1.1&#93;" in out
    assert (
        '<span class="reference-text">book</span>\n<ol class="mw-extended-references">'
        '<li id="cite_note-2">'
    ) in out
    assert out.endswith("</li>\n</ol></li>\n</ol></div>")


def test_book_referencing_placeholder_parent_and_nesting_error() -> None:
    out = render(_book_ctx(), '<ref extends="a">page 1</ref>')
    assert '<li id="cite_note-a-"><span class="mw-cite-backlink">↑ </span>' in out
    out = render(
        _book_ctx(),
        '<ref name="a">x</ref><ref extends="a" name="b">y</ref><ref extends="b">z</ref>',
    )
    assert "more than one level deep is not allowed" in out


def test_backlink_labels_use_the_content_language_decimal_separator() -> None:
    out = render(make_ctx(language="de"), '<ref name="a">x</ref><ref name="a" />')
    assert ">1,0</a>" in out and ">1,1</a>" in out


def test_book_parent_defined_only_in_tag_references() -> None:
    # <ref extends="a">…</ref>{{#tag:references|<ref name="a">Book</ref>}}
    ctx = _book_ctx()
    head = ctx.strip.unstrip_both(
        ctx.parser.recursive_tag_parse(ctx, '<ref extends="a">Page 2</ref>')
    )
    inner = ctx.parser.recursive_tag_parse(ctx, '<ref name="a">Book</ref>')
    out = ctx.strip.unstrip_both(
        ctx.parser.recursive_tag_parse(ctx, f"<references>{inner}</references>")
    )
    assert "&#91;1.1&#93;" in head
    assert '<li id="cite_note-a-2"><span class="mw-cite-backlink">↑ </span>' in out
    assert "Cite error" not in out
