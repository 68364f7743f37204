"""Random option strings, gallery bodies and ref markup never raise."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from vellum.wikitext.media import make_image

from ..cite.fakeparser import make_ctx, render

PIECES = st.sampled_from(
    [
        "thumb", "frame", "frameless", "border", "upright", "upright=0.5", "upright=x",
        "thumbnail=Thumb.png", "thumb=", "left", "center", "none", "middle", "200px",
        "x100px", "0x0px", "99999999999px", "link=", "link=Main Page", "link=http://x.org",
        "upright=1e400", "page=1e400", "page= 2 ", "upright=nan",
        "link=%ZZ", "alt=<b>x</b>", "class=a b", "page=2", "page=0", "page=x", "lang=de",
        "lang=", "caption", "&amp;", "-{a|b}-", "", " ", "|",
    ]
)  # fmt: skip
NAMES = st.sampled_from(["Foobar.jpg", "Foobar.svg", "LoremIpsum.djvu", "Video.ogv", "Nope.png"])


@settings(max_examples=150, deadline=None)
@given(NAMES, st.lists(PIECES, max_size=6), st.booleans())
def test_any_options_render(name: str, parts: list[str], legacy: bool) -> None:
    ctx = make_ctx(legacy_media_dom=legacy)
    out = make_image(ctx, ctx.config.parse_title("File:" + name), "|".join(parts))
    assert out.count("<a") == out.count("</a>")


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(NAMES, st.lists(PIECES, max_size=3)), max_size=5), st.booleans())
def test_any_gallery_renders(lines: list[tuple[str, list[str]]], legacy: bool) -> None:
    body = "\n".join("File:" + n + ("|" + "|".join(p) if p else "") for n, p in lines)
    out = render(make_ctx(legacy_media_dom=legacy), f"<gallery>\n{body}\n</gallery>")
    assert out.startswith('<ul class="gallery') and out.endswith("</ul>")


REFS = st.sampled_from(
    [
        "<ref>a</ref>", '<ref name="n">b</ref>', '<ref name="n" />', '<ref group="g">c</ref>',
        '<ref follow="n">d</ref>', '<ref name="1">e</ref>', "<ref />", '<ref dir="x">f</ref>',
        "<references />", '<references group="g" />', '<references><ref name="n">z</ref></references>',
        '<references><ref name="m">z</ref></references>', "text ",
    ]
)  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(st.lists(REFS, max_size=12))
def test_any_ref_sequence_renders(parts: list[str]) -> None:
    out = render(make_ctx(), "".join(parts))
    assert "\x7f" not in out


def test_many_refs_and_reuses_stay_fast() -> None:
    text = "<ref>x</ref>" * 3000 + '<ref name="a">a</ref>' + '<ref name="a" />' * 3000
    out = render(make_ctx(), text)
    assert out.count("<li id=") == 3001
