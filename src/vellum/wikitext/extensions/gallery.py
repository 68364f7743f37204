"""<gallery>: image galleries (Parser::renderImageGallery, TraditionalImageGallery and its
nolines / packed / packed-overlay / packed-hover / slideshow variants), legacy markup.

Each line is `File:Name|option|…|caption`; options are `alt=`, `link=` and the file
handler's parameters (`page=`, `lang=`); the tag takes `mode`, `widths`, `heights`,
`perrow`, `caption`, `showfilename` and the <ul> attributes (class, style, …).
"""

from __future__ import annotations

import math
import re
from typing import Any
from urllib.parse import unquote

from ..context import ParserContext
from ..media import is_bad_file, parse_link_parameter, strip_alt_text
from ..media.broken import broken_image_link
from ..media.handlers import Handler, Thumb, handler_for, php_float, process_responsive
from ..media.legacy import interface_message, mto_params, thumb_html
from ..media.links import known_link, text_html
from ..media.options import magic_matcher, parse_width_param, split_options
from ..sanitizer import validate_tag_attributes
from ..site import FileInfo
from ..title import Title
from . import tag_hook

_LINE = re.compile(r"^([^|]+)(\|(.*))?$", re.S)


class TraditionalGallery:
    """TraditionalImageGallery: a grid of equal boxes with the caption below each image."""

    thumb_padding: float = 30
    gb_padding: float = 5

    def __init__(self, mode: str) -> None:
        self.mode = mode
        self.widths = 120
        self.heights = 120
        self.per_row = 0
        self.caption_html: str | None = None
        self.show_filename = False
        self.attribs: dict[str, str] = {}

    def set_additional_options(self, params: dict[str, str]) -> None:
        pass

    def vpad(self, box_height: float, thumb_height: float) -> float:
        return (self.thumb_padding + box_height - thumb_height) / 2

    def thumb_params(self, f: FileInfo | None) -> dict[str, Any]:
        return {"width": self.widths, "height": self.heights}

    def thumb_div_width(self, thumb_width: float) -> float:
        return self.widths + self.thumb_padding

    def gb_width(self, thumb: Thumb | None) -> float:
        return self.widths + self.thumb_padding + self.gb_padding

    def gb_width_overwrite(self, thumb: Thumb | None) -> str | None:
        return None

    def adjust_image_parameters(self, thumb: Thumb, params: dict[str, Any]) -> None:
        pass

    def wrap_gallery_text(self, text: str, thumb: Thumb | None) -> str:
        return '\n\t\t\t<div class="gallerytext">\n' + text + "\n\t\t\t</div>"

    def all_padding(self) -> float:
        return self.thumb_padding + self.gb_padding + 8


class NolinesGallery(TraditionalGallery):
    thumb_padding = 0

    def vpad(self, box_height: float, thumb_height: float) -> float:
        return 0

    def all_padding(self) -> float:
        return self.thumb_padding + self.gb_padding


class PackedGallery(TraditionalGallery):
    """Rows of images of equal height, scaled by the browser (1.5x the needed resolution)."""

    SCALE = 1.5
    thumb_padding = 0
    gb_padding = 2

    def __init__(self, mode: str) -> None:
        super().__init__(mode)

    def vpad(self, box_height: float, thumb_height: float) -> float:
        return (self.thumb_padding + box_height - thumb_height / self.SCALE) / 2

    def thumb_params(self, f: FileInfo | None) -> dict[str, Any]:
        if f is not None and f.media_type == "AUDIO":
            width = self.widths
        else:
            width = self.heights * 10 + 100
        return {"width": width * self.SCALE, "height": self.heights * self.SCALE}

    def thumb_div_width(self, thumb_width: float) -> float:
        thumb_width = max(thumb_width, 60 * self.SCALE)
        return thumb_width / self.SCALE + self.thumb_padding

    def adjust_image_parameters(self, thumb: Thumb, params: dict[str, Any]) -> None:
        params["override-width"] = math.ceil(thumb.width / self.SCALE)
        params["override-height"] = math.ceil(thumb.height / self.SCALE)

    def gb_width_overwrite(self, thumb: Thumb | None) -> str | None:
        if thumb is None:
            return None
        return php_float(self.thumb_div_width(thumb.width) + self.gb_padding) + "px"

    def gb_width(self, thumb: Thumb | None) -> float:
        if thumb is None:
            return super().gb_width(thumb)
        return self.thumb_div_width(thumb.width) + self.gb_padding


class PackedOverlayGallery(PackedGallery):
    def wrap_gallery_text(self, text: str, thumb: Thumb | None) -> str:
        if text.strip() == "":
            return ""
        width = self.gb_width(thumb) - self.thumb_padding - self.gb_padding
        caption_width = math.ceil(width - 20)
        return (
            f'\n\t\t\t<div class="gallerytextwrapper" style="width: {caption_width}px">'
            '<div class="gallerytext">\n' + text + "\n\t\t\t</div></div>"
        )


class PackedHoverGallery(PackedOverlayGallery):
    pass


class SlideshowGallery(TraditionalGallery):
    def set_additional_options(self, params: dict[str, str]) -> None:
        if "showthumbnails" in params:
            self.attribs["data-showthumbnails"] = "1"


MODES: dict[str, type[TraditionalGallery]] = {
    "traditional": TraditionalGallery,
    "nolines": NolinesGallery,
    "packed": PackedGallery,
    "packed-overlay": PackedOverlayGallery,
    "packed-hover": PackedHoverGallery,
    "slideshow": SlideshowGallery,
}


def _fmt(x: float) -> str:
    return php_float(float(x))


def _merge_class(base: str, attribs: dict[str, str]) -> dict[str, str]:
    """Sanitizer::mergeAttributes for the gallery's own class."""
    out = dict(attribs)
    classes = base.split()
    for c in attribs.get("class", "").split():
        if c not in classes:
            classes.append(c)
    out["class"] = " ".join(classes)
    return {"class": out.pop("class"), **out}


def _attrs_html(attribs: dict[str, str]) -> str:
    from ..media.links import attr

    return "".join(f' {k}="{attr(v)}"' for k, v in attribs.items())


@tag_hook("gallery")
def gallery_hook(ctx: ParserContext, content: str | None, attrs: dict[str, str], frame: Any) -> str:
    params = {k.lower(): v for k, v in attrs.items()}
    mode = params.get("mode", "traditional").lower()
    cls = MODES.get(mode)
    if cls is None:
        mode, cls = "traditional", TraditionalGallery
    ig = cls(mode)
    ig.attribs = validate_tag_attributes(params, "ul", ctx.config.fragment_mode)
    ig.show_filename = "showfilename" in params
    if "caption" in params:
        ig.caption_html = ctx.recursive_tag_parse(params["caption"], frame)
    if "perrow" in params:
        try:
            ig.per_row = int(params["perrow"].strip() or 0)
        except ValueError:
            ig.per_row = 0
    for key in ("widths", "heights"):
        if key in params:
            parsed = parse_width_param(params[key], False)
            if parsed.get("width", 0) > 0:
                setattr(ig, key, parsed["width"])
    if isinstance(ig, PackedGallery):
        ig.per_row = 0
    ig.set_additional_options(params)

    items = []
    for line in (content or "").split("\n"):
        m = _LINE.match(line)
        if not m:
            continue
        name = m.group(1)
        if "%" in m.group(0):
            name = unquote(name)
        title = ctx.config.try_title(name, 6)
        if title is None:
            continue
        items.append(_parse_line(ctx, title, m.group(3)))
    return _to_html(ctx, ig, items)


def _parse_line(
    ctx: ParserContext, title: Title, options: str | None
) -> tuple[Title, str, str | None, dict[str, Any], dict[str, Any]]:
    """One gallery line: (title, caption html, alt, handler options, image options)."""
    f = ctx.site.file_info(title.dbkey) if title.namespace == 6 and not title.interwiki else None
    handler = handler_for(f)
    names = ["img_alt", "img_link"]
    hmap: dict[str, str] = {}
    if handler is not None:
        hmap = {k: v for k, v in handler.param_map.items() if k != "img_width"}
        names += list(hmap)
    match = magic_matcher(names)
    label = ""
    alt: str | None = None
    handler_opts: dict[str, Any] = {}
    image_opts: dict[str, Any] = {}
    if options is not None:
        parsed = ctx.recursive_tag_parse(options.strip(" \t\n\r\0\x0b"))
        for part in split_options(parsed):
            magic, value = match(part.strip(" \t\n\r\0\x0b"))
            if magic is None:
                label = part
                continue
            if magic == "img_alt":
                alt = strip_alt_text(ctx, value or "")
            elif magic == "img_link":
                link_value = strip_alt_text(ctx, value or "")
                lm = re.match(r"^-\{R\|(.*)\}-$", link_value, re.S)
                if lm:
                    link_value = lm.group(1)
                kind, target = parse_link_parameter(ctx, link_value)
                if kind:
                    image_opts[kind] = True if kind == "no-link" else target
            else:
                assert handler is not None
                pname = hmap[magic]
                if handler.validate_param(pname, value):
                    handler_opts[pname] = int(value.strip()) if pname == "page" else value
                else:
                    label = part
    image_opts["title"] = strip_alt_text(ctx, label)
    return title, label, alt, handler_opts, image_opts


def _to_html(
    ctx: ParserContext,
    ig: TraditionalGallery,
    items: list[tuple[Title, str, str | None, dict[str, Any], dict[str, Any]]],
) -> str:
    """ImageGalleryBase / TraditionalImageGallery::toHTML."""
    cfg = ctx.config
    attribs = dict(ig.attribs)
    if ig.per_row > 0:
        maxwidth = ig.per_row * (ig.widths + ig.all_padding())
        attribs["style"] = f"max-width: {_fmt(maxwidth)}px;" + attribs.get("style", "")
    attribs = _merge_class(f"gallery mw-gallery-{ig.mode}", attribs)
    out = "<ul" + _attrs_html(attribs) + ">"
    if ig.caption_html:
        out += f"\n\t<li class='gallerycaption'>{ig.caption_html}</li>"
    box_height = _fmt(ig.thumb_padding + ig.heights)
    legacy = cfg.legacy_media_dom
    thumb_error = interface_message(ctx, "thumbnail_error", "Error creating thumbnail: $1")
    thumb_error = thumb_error.replace("$1", "")
    for title, text, alt, handler_opts, image_opts in items:
        f: FileInfo | None = None
        if title.namespace == 6 and not title.interwiki:
            f = ctx.site.file_info(title.dbkey)
            ctx.add_image(title.dbkey)
        handler: Handler | None = handler_for(f)
        thumb: Thumb | None = None
        transform = {**ig.thumb_params(f), **handler_opts}
        if f is None:
            ctx.add_tracking_category("broken-file-category")
        if legacy and f is None:
            thumbhtml = (
                f'\n\t\t\t<div class="thumb" style="height: {box_height}px;">'
                f"{text_html(title.text)}</div>"
            )
        elif legacy and is_bad_file(ctx, title.dbkey):
            thumbhtml = (
                f'\n\t\t\t<div class="thumb" style="height: {box_height}px;">'
                f"{known_link(cfg, title, text_html(title.text))}</div>"
            )
        else:
            if f is not None and handler is not None and not is_bad_file(ctx, title.dbkey):
                thumb = handler.transform(f, transform)
            if thumb is None:
                if legacy:
                    inner = text_html(thumb_error)
                else:
                    label = alt or ""
                    if f is not None and handler is not None and not is_bad_file(ctx, title.dbkey):
                        label = thumb_error
                    inner = (
                        '<span typeof="mw:Error mw:File">'
                        + broken_image_link(ctx, title, label, "", f is not None, transform, False)
                        + "</span>"
                    )
                thumbhtml = (
                    f'\n\t\t\t<div class="thumb" style="height: {box_height}px;">{inner}</div>'
                )
            else:
                assert f is not None and handler is not None
                vpad = ig.vpad(ig.heights, thumb.height)
                params: dict[str, Any] = {}
                params.update(mto_params(ctx, image_opts))
                params["alt"] = alt if alt is not None else ""
                params["title"] = image_opts.get("title", "")
                if alt in (None, "") and text == "":
                    params["alt"] = title.text
                elif alt is None:
                    params["alt"] = image_opts.get("title", "")
                ig.adjust_image_parameters(thumb, params)
                process_responsive(f, handler, thumb, transform)
                width = _fmt(ig.thumb_div_width(thumb.width))
                img = thumb_html(ctx, thumb, title, params)
                if legacy:
                    thumbhtml = (
                        f'\n\t\t\t<div class="thumb" style="width: {width}px;">'
                        f'<div style="margin:{_fmt(vpad)}px auto;">' + img + "</div></div>"
                    )
                else:
                    style = f"width: {width}px;"
                    if ig.mode == "traditional":
                        style += f" height: {box_height}px;"
                    thumbhtml = (
                        f'\n\t\t\t<div class="thumb" style="{style}">'
                        f'<span typeof="mw:File">{img}</span></div>'
                    )
        textlink = ""
        if ig.show_filename:
            textlink = (
                known_link(
                    cfg,
                    title,
                    text_html(title.text),
                    cls="galleryfilename galleryfilename-truncate",
                )
                + "\n"
            )
        gallery_text = ig.wrap_gallery_text(textlink + text, thumb)
        gb_width = ig.gb_width_overwrite(thumb) or _fmt(ig.gb_width(thumb)) + "px"
        if legacy:
            out += (
                f'\n\t\t<li class="gallerybox" style="width: {gb_width}">'
                f'<div style="width: {gb_width}">' + thumbhtml + gallery_text + "\n\t\t</div></li>"
            )
        else:
            out += (
                f'\n\t\t<li class="gallerybox" style="width: {gb_width}">'
                + thumbhtml
                + gallery_text
                + "\n\t\t</li>"
            )
    out += "\n</ul>"
    return out
