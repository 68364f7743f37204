"""[[File:…]] options, sizes, thumbnails, broken and bad files; [[Media:…]]; <gallery>."""

from __future__ import annotations

from vellum.wikitext.media import make_image, make_media_link
from vellum.wikitext.media.handlers import fit_box_width, php_float, php_round, srcset
from vellum.wikitext.media.options import parse_width_param, split_options

from ..cite.fakeparser import make_ctx, render

FOO = "http://example.com/images/3/3a/Foobar.jpg"
FOO_T = "http://example.com/images/thumb/3/3a/Foobar.jpg/"


def image(text: str | None, name: str = "Foobar.jpg", **kw: object) -> str:
    ctx = make_ctx(**kw)  # type: ignore[arg-type]
    return make_image(ctx, ctx.config.parse_title("File:" + name), text)


def test_plain_image_at_own_size() -> None:
    assert image(None) == (
        f'<a href="/wiki/File:Foobar.jpg" class="image"><img alt="Foobar.jpg" src="{FOO}" '
        'decoding="async" width="1941" height="220" /></a>'
    )


def test_caption_becomes_alt_and_title_and_alignment_wraps() -> None:
    assert image("right|Caption text") == (
        '<div class="floatright"><a href="/wiki/File:Foobar.jpg" class="image" '
        f'title="Caption text"><img alt="Caption text" src="{FOO}" decoding="async" '
        'width="1941" height="220" /></a></div>'
    )
    assert image("centre").startswith('<div class="center"><div class="floatnone">')


def test_scaled_image_has_srcset() -> None:
    assert image("20pxpx") == (
        f'<a href="/wiki/File:Foobar.jpg" class="image"><img alt="Foobar.jpg" '
        f'src="{FOO_T}20px-Foobar.jpg" decoding="async" width="20" height="2" '
        f'srcset="{FOO_T}30px-Foobar.jpg 1.5x, {FOO_T}40px-Foobar.jpg 2x" /></a>'
    )
    # 200x20: the height is the limit, width from fitBoxWidth.
    assert 'src="' + FOO_T + '177px-Foobar.jpg"' in image("200x20px")
    # 1000px: the 2x variant is the original file.
    assert f"{FOO_T}1500px-Foobar.jpg 1.5x, {FOO} 2x" in image("1000px")


def test_thumbnail_box() -> None:
    out = image("thumb|This is a caption")
    assert out.startswith(
        '<div class="thumb tright"><div class="thumbinner" style="width:182px;">'
        '<a href="/wiki/File:Foobar.jpg" class="image"><img alt="" '
        f'src="{FOO_T}180px-Foobar.jpg" decoding="async" width="180" height="20" '
        'class="thumbimage"'
    )
    assert out.endswith(
        '  <div class="thumbcaption"><div class="magnify"><a href="/wiki/File:Foobar.jpg" '
        'class="internal" title="Enlarge"></a></div>This is a caption</div></div></div>'
    )


def test_frame_is_unscaled_and_without_magnifier() -> None:
    out = image("frame|50px")
    assert 'style="width:1943px;"' in out and f'src="{FOO}"' in out
    assert "magnify" not in out


def test_first_format_wins() -> None:
    assert image("frameless|thumb|caption") == image("frameless|caption")


def test_upright_and_bitmaps_are_not_enlarged() -> None:
    assert 'width="140"' in image("thumb|upright")  # round(180 * 0.75, -1)
    assert 'style="width:1943px;"' in image("thumb|2000px")


def test_svg_and_djvu_thumbnail_names() -> None:
    out = image("thumb|lang=de|caption", "Foobar.svg")
    assert "/langde-180px-Foobar.svg.png" in out
    assert 'href="/index.php?title=File:Foobar.svg&amp;lang=de"' in out
    assert "lang=invalid:x" in image("thumb|lang=invalid:x", "Foobar.svg")
    out = image("page=2", "LoremIpsum.djvu")
    assert "/page2-2480px-LoremIpsum.djvu.jpg" in out
    assert 'href="/index.php?title=File:LoremIpsum.djvu&amp;page=2"' in out


def test_link_parameter() -> None:
    out = image("link=Main Page")
    assert out.startswith('<a href="/wiki/Main_Page" title="Main Page"><img')
    assert image("link=http://example.com/").startswith(
        '<a href="http://example.com/" rel="nofollow"><img'
    )
    assert image("link=|stuff").startswith('<img alt="stuff" src=')
    assert 'href="/wiki/Test%22123"' in image("link=Test%22123")


def test_escaping_of_caption_text() -> None:
    assert 'alt="&amp; &lt; &gt; &quot;"' in image('& < > "')


def test_missing_file_links_to_upload() -> None:
    assert image(None, "7% solution.gif") == (
        '<a href="/index.php?title=Special:Upload&amp;wpDestFile=7%25_solution.gif" '
        'class="new" title="File:7% solution.gif">File:7% solution.gif</a>'
    )
    out = image("thumb|cap", "Missing.png")
    assert 'class="new"' in out and 'style="width:182px;"' in out


def test_no_handler_is_a_plain_link() -> None:
    assert image(None, "Video.ogv") == (
        '<a href="/wiki/File:Video.ogv" title="File:Video.ogv">File:Video.ogv</a>'
    )


def test_manual_thumbnail_and_bad_manual_thumbnail() -> None:
    out = image("thumbnail=Thumb.png")
    assert 'style="width:137px;"' in out
    assert '<a href="/wiki/File:Foobar.jpg" title="File:Foobar.jpg"><img' in out
    out = image("thumb=Bad.jpg|Uh oh", pages={"MediaWiki:Bad image list": "* [[File:Bad.jpg]]"})
    assert '<a href="/wiki/File:Foobar.jpg" title="File:Foobar.jpg">File:Foobar.jpg</a>' in out
    assert "Error creating thumbnail: " in image("thumbnail= ")


def test_media_link() -> None:
    ctx = make_ctx()
    t = ctx.config.parse_title("Media:Foobar.jpg")
    assert make_media_link(ctx, t, "Media:Foobar.jpg") == (
        f'<a href="{FOO}" class="internal" title="Foobar.jpg">Media:Foobar.jpg</a>'
    )
    t = ctx.config.parse_title("Media:Nope.jpg")
    assert 'class="new"' in make_media_link(ctx, t, None)


def test_helpers() -> None:
    assert parse_width_param("200x100px") == {"width": 200, "height": 100}
    assert parse_width_param("x100") == {"width": 0, "height": 100}
    assert parse_width_param("70em") == {}
    assert split_options("a|-{b|c}-|d") == ["a", "-{b|c}-", "d"]
    assert php_round(2.5) == 3 and php_round(-2.5) == -3 and php_round(135, -1) == 140
    assert php_float(1059.3333333333333) == "1059.3333333333"
    assert fit_box_width(1941, 220, 20) == 177
    assert srcset({"2": "b", "1.5": "b"}) == "b 1.5x"


GALLERY_ITEM = (
    '\n\t\t<li class="gallerybox" style="width: 155px"><div style="width: 155px">'
    '\n\t\t\t<div class="thumb" style="width: 150px;"><div style="margin:68px auto;">'
    '<a href="/wiki/File:Foobar.jpg" class="image"><img alt="Foobar.jpg" '
    f'src="{FOO_T}120px-Foobar.jpg" decoding="async" width="120" height="14" '
    f'srcset="{FOO_T}180px-Foobar.jpg 1.5x, {FOO_T}240px-Foobar.jpg 2x" /></a></div></div>'
    '\n\t\t\t<div class="gallerytext">\n\n\t\t\t</div>\n\t\t</div></li>'
)


def test_gallery_traditional() -> None:
    out = render(make_ctx(), "<gallery>\nFile:Foobar.jpg\n</gallery>")
    assert out == '<ul class="gallery mw-gallery-traditional">' + GALLERY_ITEM + "\n</ul>"


def test_gallery_attributes_caption_and_missing_file() -> None:
    out = render(
        make_ctx(),
        '<gallery class="center" mode="nolines" caption="Hi" widths="70px">\n'
        "File:Nonexistent.jpg|caption\nTalk:Foo\n</gallery>",
    )
    assert out.startswith('<ul class="gallery mw-gallery-nolines center">')
    assert "<li class='gallerycaption'>Hi</li>" in out
    assert '<div class="thumb" style="height: 120px;">Nonexistent.jpg</div>' in out
    assert '<div class="gallerytext">\ncaption\n' in out


def test_gallery_packed_overlay_sizes() -> None:
    out = render(make_ctx(), '<gallery mode="packed-overlay">\nFile:Foobar.jpg|foo\n</gallery>')
    assert 'style="width: 1061.3333333333px"' in out
    assert f'src="{FOO_T}1589px-Foobar.jpg"' in out and 'width="1060" height="120"' in out
    assert '<div class="gallerytextwrapper" style="width: 1040px">' in out


def test_gallery_bad_image_is_a_link() -> None:
    ctx = make_ctx({"MediaWiki:Bad image list": "* [[File:Bad.jpg]] except [[Nasty page]]"})
    out = render(ctx, "<gallery>\nFile:Bad.jpg\n</gallery>")
    assert '<a href="/wiki/File:Bad.jpg" title="File:Bad.jpg">Bad.jpg</a>' in out
    ctx = make_ctx(
        {"MediaWiki:Bad image list": "* [[File:Bad.jpg]] except [[Nasty page]]"}, title="Nasty page"
    )
    assert "<img" in render(ctx, "<gallery>\nFile:Bad.jpg\n</gallery>")


def test_svg_page_language_only_when_translated() -> None:
    assert "/langru-240px-Foobar.svg.png" in image(None, "Foobar.svg", language="ru")
    assert "/240px-Foobar.svg.png" in image(None, "Foobar.svg", language="de")
    assert "langru" not in image("lang=en", "Foobar.svg", language="ru")


def test_interface_messages_can_be_customised() -> None:
    out = image("thumb", pages={"MediaWiki:Thumbnail-more": "Bigger"})
    assert 'title="Bigger"' in out
