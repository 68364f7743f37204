"""Media handlers: which files can be shown inline, their parameters and thumbnail sizes.

MediaWiki's BitmapHandler, SvgHandler and DjVuHandler as the parser tests' mock handlers
behave: they compute sizes and URLs (File::transform, ImageHandler::normaliseParams,
makeParamString) but never write a thumbnail. Ogg files have no handler.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from ..site import FileInfo

SVG_MAX_SIZE = 5120
_LANG_TAG = re.compile(r"^[a-z]{2,8}(-[a-z0-9]{1,8})*$", re.I)

BITMAP_MIMES = {
    "image/jpeg",
    "image/png",
    "image/gif",
    "image/tiff",
    "image/webp",
    "image/bmp",
    "image/x-bmp",
    "image/x-ms-bmp",
    "image/x-xcf",
}


def php_round(x: float, digits: int = 0) -> float:
    """PHP round(): halves away from zero."""
    m = 10.0**digits
    v = abs(x) * m
    r = math.floor(v + 0.5)
    return math.copysign(r / m, x)


def php_float(x: float) -> str:
    """A number as PHP prints it in a string (precision 14)."""
    if x == int(x) and abs(x) < 1e15:
        return str(int(x))
    s = f"{x:.14G}"
    if "E" not in s and "." in s:
        s = s.rstrip("0").rstrip(".")
    return s


@dataclass
class Thumb:
    """A MediaTransformOutput that is not an error: an image URL and its display size."""

    url: str
    width: int
    height: int
    page: int | None = None
    lang: str | None = None
    responsive: dict[str, str] = field(default_factory=dict)


class Handler:
    """ImageHandler: a bitmap that is never enlarged."""

    name = "bitmap"
    must_render = False
    is_vectorized = False
    thumb_ext: str | None = None  # extension added to thumbnail names (SVG -> png)
    param_map = {"img_width": "width"}

    def validate_param(self, name: str, value: Any) -> bool:
        if name in ("width", "height"):
            return _num(value) > 0
        return False

    def page_size(self, f: FileInfo, page: int | None) -> tuple[int, int]:
        return f.width, f.height

    def page_count(self, f: FileInfo) -> int:
        return 1

    def param_string(self, params: dict[str, Any]) -> str:
        return f"{params['physicalWidth']}px"

    def normalise(self, f: FileInfo, params: dict[str, Any]) -> bool:
        """ImageHandler::normaliseParams; fills physicalWidth/physicalHeight/height."""
        if "width" not in params:
            return False
        page = params.get("page")
        if page is None:
            params["page"] = 1
        else:
            p = int(_num(page))
            params["page"] = max(1, min(p, self.page_count(f)))
        src_w, src_h = self.page_size(f, params["page"])
        height = params.get("height")
        if height is not None and height != -1:
            if params["width"] * src_h > height * src_w:
                w = fit_box_width(src_w, src_h, height)
                params["width"] = w or 1
                params["physicalWidth"] = params["width"]
            else:
                del params["height"]
        params.setdefault("physicalWidth", params["width"])
        params["physicalHeight"] = scale_height(src_w, src_h, params["physicalWidth"])
        if params.get("height") in (None, -1):
            params["height"] = params["physicalHeight"]
        pw = int(params["physicalWidth"])
        if pw <= 0 or src_w <= 0:
            return False
        params["physicalWidth"] = pw
        params["physicalHeight"] = scale_height(src_w, src_h, pw) or 1
        return self.after_normalise(f, params, src_w, src_h)

    def after_normalise(self, f: FileInfo, params: dict[str, Any], src_w: int, src_h: int) -> bool:
        # TransformationalImageHandler: don't make an image bigger than the source.
        if params["physicalWidth"] >= src_w:
            params["physicalWidth"] = src_w
            params["physicalHeight"] = src_h
        return True

    def transform(self, f: FileInfo, params: dict[str, Any]) -> Thumb | None:
        """File::transform through the mock handler's doFakeTransform."""
        p = dict(params)
        if not self.normalise(f, p):
            return None
        src_w, src_h = self.page_size(f, p["page"])
        if not self.must_render and p["physicalWidth"] == src_w and p["physicalHeight"] == src_h:
            # The original serves as the thumbnail, scaled by the browser.
            return Thumb(f.url, int(php_round(p["width"])), int(php_round(p["height"])))
        url = f.thumb_url + quote(self.thumb_name(f, p), safe="-_.~")
        return Thumb(
            url,
            int(php_round(p["width"])),
            int(php_round(p["height"])),
            page=p.get("page"),
            lang=p.get("lang"),
        )

    def thumb_name(self, f: FileInfo, params: dict[str, Any]) -> str:
        name = f.name.replace(" ", "_")
        out = self.param_string(params) + "-" + name
        if self.thumb_ext and not name.lower().endswith("." + self.thumb_ext):
            out += "." + self.thumb_ext
        return out


class SvgHandler(Handler):
    name = "svg"
    must_render = True
    is_vectorized = True
    thumb_ext = "png"
    param_map = {"img_width": "width", "img_lang": "lang"}

    def validate_param(self, name: str, value: Any) -> bool:
        if name in ("width", "height"):
            return _num(value) > 0
        if name == "lang":
            return value != "" and bool(_LANG_TAG.match(str(value)))
        return False

    def param_string(self, params: dict[str, Any]) -> str:
        code = params.get("lang") or params.get("targetlang") or "en"
        prefix = "" if code == "en" else f"lang{code.lower()}-"
        return f"{prefix}{php_float(params['width'])}px"

    def after_normalise(self, f: FileInfo, params: dict[str, Any], src_w: int, src_h: int) -> bool:
        # The page language is used only when the SVG has a translation for it.
        target = params.get("targetlang")
        if target and not any(
            t.lower() == target.lower() or t.lower().startswith(target.lower() + "-")
            for t in f.translations
        ):
            params.pop("targetlang", None)
        pw, ph = params["physicalWidth"], params["physicalHeight"]
        if pw <= ph:
            if pw > SVG_MAX_SIZE:
                params["physicalWidth"] = SVG_MAX_SIZE
                params["physicalHeight"] = scale_height(src_w, src_h, SVG_MAX_SIZE)
        elif ph > SVG_MAX_SIZE:
            params["physicalHeight"] = SVG_MAX_SIZE
            params["physicalWidth"] = scale_height(src_h, src_w, SVG_MAX_SIZE)
        return True


class DjVuHandler(Handler):
    name = "djvu"
    must_render = True
    thumb_ext = "jpg"
    param_map = {"img_width": "width", "img_page": "page"}

    def validate_param(self, name: str, value: Any) -> bool:
        if name == "page" and str(value).strip() != str(_int(value)):
            return False
        if name in ("width", "height", "page"):
            return _num(value) > 0
        return False

    def page_count(self, f: FileInfo) -> int:
        return f.page_count or max(1, len(f.page_sizes))

    def page_size(self, f: FileInfo, page: int | None) -> tuple[int, int]:
        idx = (page or 1) - 1
        if 0 <= idx < len(f.page_sizes):
            s = f.page_sizes[idx]
            return int(s.get("width", 0)), int(s.get("height", 0))
        return f.width, f.height

    def param_string(self, params: dict[str, Any]) -> str:
        return f"page{params.get('page') or 1}-{php_float(params['width'])}px"

    def after_normalise(self, f: FileInfo, params: dict[str, Any], src_w: int, src_h: int) -> bool:
        return True


_BITMAP = Handler()
_SVG = SvgHandler()
_DJVU = DjVuHandler()


def handler_for(f: FileInfo | None) -> Handler | None:
    """The media handler of a file, None when it cannot be rendered inline."""
    if f is None:
        return None
    mime = f.mime.lower()
    if mime == "image/svg+xml":
        return _SVG
    if mime in ("image/vnd.djvu", "image/x-djvu", "image/djvu"):
        return _DJVU
    if mime in BITMAP_MIMES:
        return _BITMAP
    return None


def fit_box_width(box_w: int, box_h: int, max_h: float) -> int:
    """ImageHandler::fitBoxWidth: the width that fits `max_h` without exceeding it."""
    ideal = box_w * max_h / box_h
    rounded_up = math.ceil(ideal)
    if php_round(rounded_up * box_h / box_w) > max_h:
        return int(math.floor(ideal))
    return int(rounded_up)


def scale_height(src_w: float, src_h: float, dst_w: float) -> int:
    """File::scaleHeight."""
    if src_w == 0:
        return 0
    return int(php_round(src_h * dst_w / src_w))


def _num(value: Any) -> float:
    """PHP's loose numeric reading of a parameter ('12px' -> 12, 'abc' -> 0)."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    m = re.match(r"\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?", str(value))
    return float(m.group(0)) if m else 0.0


def _int(value: Any) -> int:
    n = _num(value)
    return int(n) if math.isfinite(n) else 0


def is_numeric(value: str) -> bool:
    """PHP is_numeric() for a trimmed string."""
    return bool(re.fullmatch(r"\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*", value))


def process_responsive(f: FileInfo, handler: Handler, thumb: Thumb, hp: dict[str, Any]) -> None:
    """Linker::processResponsiveImages: 1.5x and 2x URLs unless equal to the 1x URL."""
    hp15 = dict(hp)
    hp20 = dict(hp)
    hp15["width"] = int(php_round(hp["width"] * 1.5))
    hp20["width"] = hp["width"] * 2
    if hp.get("height") is not None:
        hp15["height"] = int(php_round(hp["height"] * 1.5))
        hp20["height"] = hp["height"] * 2
    t15 = handler.transform(f, hp15)
    t20 = handler.transform(f, hp20)
    if t15 and t15.url != thumb.url:
        thumb.responsive["1.5"] = t15.url
    if t20 and t20.url != thumb.url:
        thumb.responsive["2"] = t20.url


def srcset(urls: dict[str, str]) -> str:
    """Html::srcSet: sorted by density, later duplicates of a URL dropped."""
    seen: set[str] = set()
    out = []
    for density in sorted(urls, key=float):
        url = urls[density]
        if url in seen:
            continue
        seen.add(url)
        out.append(f"{url} {php_float(float(density))}x")
    return ", ".join(out)
