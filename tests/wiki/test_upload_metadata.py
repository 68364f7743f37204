"""Upload metadata: File.metadata filled as MediaWiki's PNG, GIF and JPEG handlers do."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from vellum.wiki.models import File
from vellum.wiki.services.uploads import upload_file


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "images")


def encode(im: Image.Image, fmt: str, **kw) -> bytes:
    buf = io.BytesIO()
    im.save(buf, fmt, **kw)
    return buf.getvalue()


def test_png_metadata(alice):
    upload_file("Plain.png", encode(Image.new("RGBA", (5, 4), "red"), "PNG"), alice)
    f = File.objects.get(name="Plain.png")
    assert f.metadata == {
        "frameCount": 0,
        "loopCount": 1,
        "duration": 0.0,
        "bitDepth": 8,
        "colorType": "truecolour-alpha",
    }
    upload_file("Grey.png", encode(Image.new("1", (5, 4)), "PNG"), alice)
    g = File.objects.get(name="Grey.png")
    assert (g.metadata["bitDepth"], g.metadata["colorType"], g.bits) == (1, "greyscale", 1)
    upload_file("Pal.png", encode(Image.new("P", (5, 4)), "PNG"), alice)
    assert File.objects.get(name="Pal.png").metadata["colorType"] == "index-coloured"


def test_animated_png_metadata(alice):
    frames = [Image.new("RGB", (4, 4), c) for c in ("red", "green", "blue")]
    data = encode(frames[0], "PNG", save_all=True, append_images=frames[1:], duration=250, loop=3)
    upload_file("Anim.png", data, alice)
    m = File.objects.get(name="Anim.png").metadata
    assert (m["frameCount"], m["loopCount"], m["colorType"]) == (3, 3, "truecolour")
    assert m["duration"] == pytest.approx(0.75)


def test_gif_metadata(alice):
    frames = [Image.new("RGB", (4, 4), c) for c in ("red", "green", "blue", "white")]
    data = encode(frames[0], "GIF", save_all=True, append_images=frames[1:], duration=100, loop=0)
    upload_file("Anim.gif", data, alice)
    m = File.objects.get(name="Anim.gif").metadata
    assert m == {"frameCount": 4, "looped": True, "duration": pytest.approx(0.4)}
    upload_file("Still.gif", encode(Image.new("P", (4, 4)), "GIF"), alice)
    assert File.objects.get(name="Still.gif").metadata == {
        "frameCount": 1,
        "looped": False,
        "duration": 0.0,
    }


def test_jpeg_exif_metadata(alice):
    from PIL import ExifTags

    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "Canon"
    exif[ExifTags.Base.Model] = "EOS 5D"
    exif[ExifTags.Base.Orientation] = 1
    exif[ExifTags.Base.DateTime] = "2024:05:01 12:00:00"
    ifd = exif.get_ifd(ExifTags.IFD.Exif)
    ifd[ExifTags.Base.ISOSpeedRatings] = 200
    ifd[ExifTags.Base.DateTimeOriginal] = "2024:05:01 11:59:58"
    data = encode(Image.new("RGB", (8, 6), "blue"), "JPEG", exif=exif)
    upload_file("Photo.jpg", data, alice)
    m = File.objects.get(name="Photo.jpg").metadata
    assert m["Make"] == "Canon" and m["Model"] == "EOS 5D" and m["Orientation"] == 1
    assert m["DateTime"] == "2024:05:01 12:00:00"
    assert m["DateTimeOriginal"] == "2024:05:01 11:59:58" and m["ISOSpeedRatings"] == 200
    assert m["MEDIAWIKI_EXIF_VERSION"] == 2
    # a JPEG without EXIF still records the version, as MediaWiki does
    upload_file("Bare.jpg", encode(Image.new("RGB", (8, 6)), "JPEG"), alice)
    assert File.objects.get(name="Bare.jpg").metadata == {"MEDIAWIKI_EXIF_VERSION": 2}


def test_damaged_metadata_is_left_out():
    from vellum.wiki.services.uploads import format_metadata

    data = encode(Image.new("RGB", (4, 4), "red"), "GIF")
    flags = data[10]
    first_block = 13 + (3 << ((flags & 7) + 1) if flags & 0x80 else 0)
    broken = data[:first_block] + b"\x99" + data[first_block + 1 :]
    with Image.open(io.BytesIO(data)) as im:
        assert format_metadata(im, data)["frameCount"] == 1
        assert format_metadata(im, broken) == {}
