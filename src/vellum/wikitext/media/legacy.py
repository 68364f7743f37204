"""The media markup of MediaWiki 1.39 ($wgParserEnableLegacyMediaDOM = true).

Linker::makeImageLink (inline and floated images), Linker::makeThumbLink2 (thumb and
frame boxes with captions) and ThumbnailImage::toHtml (the <a><img></a> itself).
"""

from __future__ import annotations

import math
from typing import Any

from ..context import ParserContext
from ..site import FileInfo
from ..title import Title
from .badimages import is_bad_file
from .broken import broken_image_link
from .handlers import Handler, Thumb, handler_for, php_round, process_responsive, srcset
from .links import attr, known_link, link_url, local_url, text_html


def interface_message(ctx: ParserContext, key: str, default: str) -> str:
    """An interface message as text (a MediaWiki:Key page overrides the English default)."""
    try:
        text = ctx.msg(key)
    except Exception:  # a parser without messages (unit tests)
        return default
    return default if not text or text.startswith("⧼") else text


def external_link_attribs(ctx: ParserContext, url: str) -> dict[str, str]:
    """Parser::getExternalLinkAttribs: rel="nofollow" and target, as configured."""
    cfg = ctx.config
    out: dict[str, str] = {}
    if cfg.nofollow:
        host = url.split("//", 1)[1] if "//" in url else ""
        host = host.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0].rsplit("@", 1)[-1]
        host = host.split(":", 1)[0].lower()
        exempt = any(host == d or host.endswith("." + d) for d in cfg.nofollow_domain_exceptions)
        if not exempt:
            out["rel"] = "nofollow"
    if cfg.external_link_target:
        out["target"] = cfg.external_link_target
        if cfg.external_link_target not in ("_self", "_parent", "_top"):
            out["rel"] = (out.get("rel", "") + " noreferrer noopener").strip()
    return out


def mto_params(ctx: ParserContext, frame: dict[str, Any], query: str = "") -> dict[str, Any]:
    """Linker::getImageLinkMTOParams: where the image links to."""
    out: dict[str, Any] = {}
    if frame.get("link-url"):
        out["custom-url-link"] = frame["link-url"]
        for k, v in external_link_attribs(ctx, frame["link-url"]).items():
            out["parser-extlink-" + k] = v
    elif frame.get("link-title"):
        out["custom-title-link"] = frame["link-title"]
        if frame.get("link-title-query"):
            out["custom-title-link-query"] = frame["link-title-query"]
    elif frame.get("no-link"):
        out["no-link"] = True
    else:
        out["desc-link"] = True
        out["desc-query"] = query
    return out


def thumb_html(ctx: ParserContext, thumb: Thumb, file_title: Title, options: dict[str, Any]) -> str:
    """ThumbnailImage::toHtml with the legacy markup."""
    legacy = ctx.config.legacy_media_dom
    attribs: list[tuple[str, str]] = []
    if options.get("alt") is not None:
        attribs.append(("alt", options["alt"]))
    if not legacy and options.get("magnify-resource") and not options.get("desc-link"):
        attribs.append(("resource", options["magnify-resource"]))
    attribs += [("src", thumb.url), ("decoding", "async")]
    if options.get("loading"):
        attribs.append(("loading", options["loading"]))
    title = options.get("title") or ""
    link: dict[str, str] | None
    if options.get("custom-url-link"):
        link = {"href": options["custom-url-link"]}
        if title:
            link["title"] = title
        if options.get("parser-extlink-target"):
            link["target"] = options["parser-extlink-target"]
        if options.get("parser-extlink-rel"):
            link["rel"] = options["parser-extlink-rel"]
    elif options.get("custom-title-link"):
        t: Title = options["custom-title-link"]
        link = {
            "href": link_url(ctx.config, t, options.get("custom-title-link-query") or ""),
            "title": title or t.prefixed_text,
        }
    elif options.get("desc-link"):
        q = []
        if options.get("desc-query"):
            q.append(options["desc-query"])
        if thumb.page and thumb.page != 1:
            q.append(f"page={thumb.page}")
        if thumb.lang:
            q.append(f"lang={thumb.lang}")
        link = {
            "href": local_url(ctx.config, file_title, "&".join(q)),
            "class": "image" if legacy else "mw-file-description",
        }
        if title:
            link["title"] = title
    elif options.get("file-link"):
        link = {"href": options["file-link"]}
    else:
        link = None if legacy else {}
        if title:
            if legacy:
                attribs.append(("title", title))
            else:
                link = {"title": title}
    if not options.get("no-dimensions"):
        attribs.append(("width", str(options.get("override-width", thumb.width))))
        attribs.append(("height", str(options.get("override-height", thumb.height))))
    if options.get("valign"):
        attribs.append(("style", f"vertical-align: {options['valign']}"))
    if options.get("img-class"):
        attribs.append(("class", options["img-class"]))
    urls = {d: u for d, u in thumb.responsive.items() if u != thumb.url}
    if urls:
        attribs.append(("srcset", srcset(urls)))
    img = "<img " + " ".join(f'{k}="{attr(v)}"' for k, v in attribs) + " />"
    if link is None:
        return img
    if "href" not in link:
        return (
            "<span" + "".join(f' {k}="{attr(v)}"' for k, v in link.items()) + ">" + img + "</span>"
        )
    return "<a " + " ".join(f'{k}="{attr(v)}"' for k, v in link.items()) + ">" + img + "</a>"


def _default_width(ctx: ParserContext, frame: dict[str, Any]) -> int | float:
    limits = ctx.config.thumb_limits
    pref = ctx.config.thumbsize_pref
    width = limits[pref] if 0 <= pref < len(limits) else 180
    if "upright" in frame:
        upright = frame["upright"]
        factor = ctx.config.thumb_upright if upright in (None, "") else float(upright)
        if factor == 0 or not math.isfinite(factor):
            factor = ctx.config.thumb_upright
        return php_round(width * factor, -1)
    return width


def make_image_link(
    ctx: ParserContext,
    title: Title,
    file: FileInfo | None,
    handler: Handler | None,
    frame: dict[str, Any],
    hp: dict[str, Any],
) -> str:
    """Linker::makeImageLink."""
    cfg = ctx.config
    legacy = cfg.legacy_media_dom
    if file is not None and handler is None:
        # No media handler (e.g. Ogg without TimedMediaHandler): a plain link.
        return known_link(cfg, title)
    page = hp.get("page")
    frame.setdefault("align", "")
    frame.setdefault("alt", "")
    frame.setdefault("title", "")
    frame.setdefault("class", "")
    classes: list[str] = []
    if "width" not in hp and "manualthumb" not in frame and "framed" not in frame:
        classes.append("mw-default-size")
    prefix = postfix = ""
    if legacy and frame["align"] == "center":
        prefix, postfix = '<div class="center">', "</div>"
        frame["align"] = "none"
    if file is not None and handler is not None and "width" not in hp:
        if "height" in hp and handler.is_vectorized:
            hp["width"] = 5120
        else:
            hp["width"] = handler.page_size(file, page)[0]
        if (
            "thumbnail" in frame
            or "manualthumb" in frame
            or "framed" in frame
            or "frameless" in frame
            or not hp["width"]
        ):
            pref = _default_width(ctx, frame)
            if "height" not in hp and (
                hp["width"] <= 0 or pref < hp["width"] or handler.is_vectorized
            ):
                hp["width"] = pref
    if "thumbnail" in frame or "manualthumb" in frame or "framed" in frame:
        if legacy and frame["align"] == "":
            frame["align"] = "right"
        return prefix + make_thumb_link2(ctx, title, file, handler, frame, hp, classes) + postfix

    rdfa = "mw:File"
    if "frameless" in frame:
        rdfa += "/Frameless"
        if file is not None and handler is not None:
            src_w = handler.page_size(file, page)[0]
            if src_w and not handler.must_render and hp["width"] > src_w:
                hp["width"] = src_w
    thumb = None
    if file is not None and handler is not None and "width" in hp:
        thumb = handler.transform(file, hp)
    bad = file is not None and thumb is not None and is_bad_file(ctx, title.dbkey)
    if thumb is None or bad:
        if legacy:
            label = frame["title"]
        elif file is not None and thumb is None:
            label = interface_message(ctx, "thumbnail_error", "Error creating thumbnail: $1")
            label = label.replace("$1", "")
        else:
            label = ""
        s = broken_image_link(ctx, title, label, "", file is not None, hp, legacy)
        rdfa = "mw:Error " + rdfa
    else:
        assert file is not None and handler is not None
        process_responsive(file, handler, thumb, hp)
        params: dict[str, Any] = {"alt": frame["alt"], "title": frame["title"]}
        if legacy:
            params["valign"] = frame.get("valign") or False
            img_class = frame["class"]
            if "border" in frame:
                img_class = (img_class + " " if img_class else "") + "thumbborder"
            params["img-class"] = img_class
        params.update(mto_params(ctx, frame))
        s = thumb_html(ctx, thumb, title, params)
    if legacy:
        if frame["align"]:
            s = f'<div class="float{frame["align"]}">{s}</div>'
        return (prefix + s + postfix).replace("\n", " ")
    # The newer markup: <span> (inline) or <figure> (aligned, with an empty caption).
    wrapper, caption = "span", ""
    if frame["align"]:
        wrapper = "figure"
        classes.append(f"mw-halign-{frame['align']}")
        caption = f"<figcaption>{frame.get('caption', '')}</figcaption>"
    elif frame.get("valign"):
        classes.append(f"mw-valign-{frame['valign']}")
    if "border" in frame:
        classes.append("mw-image-border")
    if frame.get("class"):
        classes.append(frame["class"])
    return _wrap(wrapper, classes, rdfa, s + caption)


def _wrap(element: str, classes: list[str], rdfa: str, inner: str) -> str:
    cls = " ".join(c for c in classes if c)
    cls_attr = f' class="{attr(cls)}"' if cls else ""
    return f'<{element}{cls_attr} typeof="{rdfa}">{inner}</{element}>'.replace("\n", " ")


def make_thumb_link2(
    ctx: ParserContext,
    title: Title,
    file: FileInfo | None,
    handler: Handler | None,
    frame: dict[str, Any],
    hp: dict[str, Any],
    classes: list[str] | None = None,
) -> str:
    """Linker::makeThumbLink2: the thumb/frame box with its caption."""
    cfg = ctx.config
    legacy = cfg.legacy_media_dom
    classes = list(classes or [])
    exists = file is not None
    page = hp.get("page")
    frame.setdefault("align", "right" if legacy else "")
    rdfa = "mw:File/Thumb"
    if "framed" in frame and "manualthumb" not in frame:
        rdfa = "mw:File/Frame"
    frame.setdefault("caption", "")
    if not hp.get("width"):
        hp["width"] = 130 if "upright" in frame else 180
    thumb: Thumb | None = None
    noscale = manualthumb = False
    manual_title: Title | None = None
    if not exists or handler is None:
        outer = hp["width"] + 2
    else:
        if "manualthumb" in frame:
            manual_title = _file_title(ctx, frame["manualthumb"])
            if manual_title is not None:
                mfile = ctx.site.file_info(manual_title.dbkey)
                mhandler = handler_for(mfile)
                if mfile is not None and mhandler is not None:
                    mhp = dict(hp)
                    mhp["width"] = mhandler.page_size(mfile, mhp.get("page"))[0]
                    mhp.pop("height", None)
                    thumb = mhandler.transform(mfile, mhp)
                    manualthumb = thumb is not None
        else:
            src_w = handler.page_size(file, page)[0]
            if "framed" in frame:
                if not handler.is_vectorized:
                    noscale = True
                else:
                    hp["width"] = src_w
            if src_w and not handler.must_render and hp["width"] > src_w:
                hp["width"] = src_w
            if noscale:
                uhp = dict(hp)
                uhp["width"] = src_w
                uhp.pop("height", None)
                thumb = handler.transform(file, uhp)
            else:
                thumb = handler.transform(file, hp)
        outer = (thumb.width if thumb else hp["width"]) + 2
    url = local_url(cfg, title)
    if page:
        url = local_url(cfg, title, f"page={page}")
    if (
        manualthumb
        and "link-title" not in frame
        and "link-url" not in frame
        and "no-link" not in frame
    ):
        frame["link-title"] = title
        if page:
            frame["link-title-query"] = f"page={page}"
    if frame["align"]:
        classes.append(f"mw-halign-{frame['align']}")
    if frame.get("class"):
        classes.append(frame["class"])
    s = ""
    if legacy:
        s = f'<div class="thumb t{frame["align"]}"><div class="thumbinner" style="width:{outer}px;">'
    bad = (
        exists
        and thumb is not None
        and is_bad_file(ctx, manual_title.dbkey if manualthumb and manual_title else title.dbkey)
    )
    if not exists:
        label = "" if legacy else frame.get("alt", "")
        s += broken_image_link(ctx, title, label, "", False, hp, legacy)
        zoom = ""
        rdfa = "mw:Error " + rdfa
    elif thumb is None or bad:
        rdfa = "mw:Error " + rdfa
        error = interface_message(ctx, "thumbnail_error", "Error creating thumbnail: $1")
        error = error.replace("$1", "")
        if legacy and thumb is None:
            s += text_html(error)
        else:
            label = error if thumb is None else ""
            s += broken_image_link(ctx, title, "" if legacy else label, "", True, hp, legacy)
        zoom = ""
    else:
        assert file is not None and handler is not None
        if not noscale and not manualthumb:
            process_responsive(file, handler, thumb, hp)
        cls = frame.get("class") or ""
        params: dict[str, Any] = {"alt": frame.get("alt", ""), "title": frame.get("title", "")}
        if legacy:
            params["img-class"] = (cls + " " if cls else "") + "thumbimage"
        params.update(mto_params(ctx, frame))
        s += thumb_html(ctx, thumb, title, params)
        if "framed" in frame:
            zoom = ""
        else:
            zoom = (
                f'<div class="magnify"><a href="{attr(url)}" class="internal" '
                f'title="{attr(interface_message(ctx, "thumbnail-more", "Enlarge"))}"></a></div>'
            )
    if legacy:
        s += f'  <div class="thumbcaption">{zoom}{frame["caption"]}</div></div></div>'
        return s.replace("\n", " ")
    s += f"<figcaption>{frame['caption']}</figcaption>"
    return _wrap("figure", classes, rdfa, s)


def _file_title(ctx: ParserContext, name: str) -> Title | None:
    """Title::makeTitleSafe( NS_FILE, $name )."""
    if not name.strip():
        return None
    t = ctx.config.try_title(name, 6)
    if t is None or t.interwiki:
        return None
    if t.namespace != 6:
        t = ctx.config.try_title("File:" + name)
    return t
