"""{{#formatdate:date|pref}} (DateFormatter): a date in the reader's preferred format,
wrapped in `<span class="mw-formatted-date" title="ISO date">`."""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING

from ..magicwords import MONTHS
from . import parser_function

if TYPE_CHECKING:
    from ..context import ParserContext

ALL, NONE, MDY, DMY, YMD, ISO, YDM, DM, MD = -1, 0, 1, 2, 3, 4, 5, 6, 7

_MONTHS = "|".join(MONTHS + [m[:3] for m in MONTHS])
_X_MONTHS = {m.lower(): i + 1 for i, m in enumerate(MONTHS)}
_X_MONTHS.update({m[:3].lower(): i + 1 for i, m in enumerate(MONTHS)})
_DM = rf"(\d{{1,2}})[ _]({_MONTHS})"
_MD = rf"({_MONTHS})[ _](\d{{1,2}})"
_Y = r"(\d{1,4}(?:[ _]BC|))"
_SEP = r"(?: *, *| +)"
REGEXES = {
    DMY: (_DM + _SEP + _Y, "jFY"),
    YDM: (_Y + _SEP + _DM, "YjF"),
    MDY: (_MD + _SEP + _Y, "FjY"),
    YMD: (_Y + _SEP + _MD, "YFj"),
    DM: (_DM, "jF"),
    MD: (_MD, "Fj"),
    ISO: (r"(-?\d{4})-(\d{2})-(\d{2})", "ymd"),
}
_COMPILED = {
    k: (re.compile("^" + rx + "$(?![a-z])", re.I), keys) for k, (rx, keys) in REGEXES.items()
}
TARGETS = {
    DMY: "j F Y",
    YDM: "Y, j F",
    MDY: "F j, Y",
    YMD: "Y F j",
    DM: "j F",
    MD: "F j",
    ISO: "y-m-d",
}
RULES = {
    (DMY, MD): DM,
    (ALL, MD): MD,
    (MDY, DM): MD,
    (ALL, DM): DM,
    (NONE, ISO): ISO,
}
PREFERENCES = {"default": NONE, "dmy": DMY, "mdy": MDY, "ymd": YMD, "iso 8601": ISO}


def _iso_year(year: str) -> str:
    if year.endswith("BC"):
        return f"-{int(year[:-3]) - 1:04d}"
    return f"{int(year):04d}"


def _normal_year(iso: str) -> str:
    if iso.startswith("-"):
        return f"{int(iso[1:]) + 1} BC"
    return str(int(iso))


def _format(bits: dict[str, str], target: int, original: str) -> str:
    fmt = TARGETS[target]
    if "y" not in bits and "Y" in bits:
        bits["y"] = _iso_year(bits["Y"])
    if "Y" not in bits and "y" in bits:
        bits["Y"] = _normal_year(bits["y"])
    fail = False
    if "m" not in bits:
        month = _X_MONTHS.get(bits["F"].lower(), 0)
        if not month:
            fail = True
        else:
            bits["m"] = f"{month:02d}"
    if "d" not in bits:
        bits["d"] = f"{int(bits['j']):02d}"
    out = []
    for ch in fmt:
        if ch == "d":
            out.append(bits["d"])
        elif ch == "m":
            out.append(bits.get("m", ""))
        elif ch == "y":
            out.append(bits["y"])
        elif ch == "j":
            out.append(bits["j"] if "j" in bits else str(int(bits["d"])))
        elif ch == "F":
            if "F" not in bits:
                month = int(bits["m"])
                if 1 <= month <= 12:
                    out.append(MONTHS[month - 1])
                else:
                    fail = True
            else:
                name = bits["F"]
                out.append(name[:1].upper() + name[1:])
        elif ch == "Y":
            out.append(bits["Y"])
        else:
            out.append(ch)
    text = original if fail else "".join(out)
    iso = "-".join(x for x in (bits.get("y"), bits.get("m"), bits.get("d")) if x is not None)
    return f'<span class="mw-formatted-date" title="{html.escape(iso)}">{text}</span>'


def reformat(preference: str, text: str) -> str:
    """DateFormatter::reformat with 'match-whole'."""
    pref = PREFERENCES.get(preference.lower() if preference else "default", NONE)
    for source in (MDY, DMY, YMD, ISO, YDM, DM, MD):
        rx, keys = _COMPILED[source]
        m = rx.match(text)
        if not m:
            continue
        if (pref, source) in RULES:
            target = RULES[(pref, source)]
        elif (ALL, source) in RULES:
            target = RULES[(ALL, source)]
        elif pref:
            target = pref
        else:
            target = source
        bits = dict(zip(keys, m.groups(), strict=True))
        return _format(bits, target, m.group(0))
    return text


@parser_function("formatdate", "formatdate", "dateformat")
def formatdate(ctx: ParserContext, date: str = "", default_pref: str = "", *rest: str) -> str:
    return reformat(default_pref.strip() or "default", date.strip())
