"""#time and #timel: PHP-style date formats (Language::sprintfDate) of a date written
the way PHP's DateTime reads it (absolute dates, times, time zones, relative offsets)."""

from __future__ import annotations

import calendar
import re
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from typing import TYPE_CHECKING

from ..magicwords import MONTHS, USES_CURRENT_TIME, WEEKDAYS, now
from . import dates_i18n, parser_function

if TYPE_CHECKING:
    from ..context import ParserContext


_MONTH_LOOKUP: dict[str, int] = {}
for _i, _m in enumerate(MONTHS):
    _MONTH_LOOKUP[_m.lower()] = _i + 1
    _MONTH_LOOKUP[_m[:3].lower()] = _i + 1
_MONTH_LOOKUP["sept"] = 9
_WEEKDAY_LOOKUP = {d.lower(): i for i, d in enumerate(WEEKDAYS)}
_WEEKDAY_LOOKUP.update({d[:3].lower(): i for i, d in enumerate(WEEKDAYS)})

ERROR_INVALID = '<strong class="error">Error: Invalid time.</strong>'


class InvalidTime(ValueError):
    pass


class TimeTooBig(InvalidTime):
    """The date is after the year 9999."""


class TimeTooSmall(InvalidTime):
    """The date is before the year 0."""


def _zone(name: str) -> tzinfo | None:
    upper = name.upper()
    if upper in ("UTC", "GMT", "Z", "UT"):
        return UTC
    m = re.fullmatch(r"([+-])(\d{1,2}):?(\d{2})?", name)
    if m:
        delta = timedelta(hours=int(m.group(2)), minutes=int(m.group(3) or 0))
        if delta >= timedelta(hours=24):
            return None
        return timezone(-delta if m.group(1) == "-" else delta)
    if "/" in name:
        try:
            from zoneinfo import ZoneInfo

            return ZoneInfo(name)
        except Exception:
            return None
    return None


_UNITS = {
    "sec": "seconds", "second": "seconds", "min": "minutes", "minute": "minutes",
    "hour": "hours", "day": "days", "week": "weeks", "fortnight": "fortnight",
    "month": "months", "year": "years",
}  # fmt: skip


def _add_months(dt: datetime, months: int) -> datetime:
    month = dt.month - 1 + months
    year = dt.year + month // 12
    month = month % 12 + 1
    # PHP overflows into the next month (Jan 31 + 1 month = Mar 3).
    day = dt.day
    base = dt.replace(year=year, month=month, day=1)
    return base + timedelta(days=day - 1)


def _apply_relative(dt: datetime, amount: int, unit: str) -> datetime:
    unit = _UNITS.get(unit.rstrip("s").lower(), "")
    if unit == "months":
        return _add_months(dt, amount)
    if unit == "years":
        return _add_months(dt, 12 * amount)
    if unit == "fortnight":
        return dt + timedelta(weeks=2 * amount)
    if not unit:
        raise InvalidTime(unit)
    return dt + timedelta(**{unit: amount})


_TIME_RE = re.compile(r"(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*([ap]\.?m\.?)?", re.I)
_REL_RE = re.compile(
    r"([+-]?\s*\d+)\s*(sec|second|min|minute|hour|day|week|fortnight|month|year)s?\b(\s+ago)?",
    re.I,
)


def parse_date(text: str, base: datetime) -> datetime:
    """PHP DateTime's reading of `text`, relative to `base` (UTC)."""
    s = text.strip()
    low = s.lower()
    if low in ("", "now"):
        return base
    if s.startswith("@"):
        try:
            return datetime.fromtimestamp(int(s[1:]), tz=UTC)
        except (ValueError, OverflowError, OSError):
            raise InvalidTime(s) from None
    tz: tzinfo = UTC
    date: tuple[int, int, int] | None = None
    time_part: tuple[int, int, int] | None = None
    relative: list[tuple[int, str]] = []
    day_of: str | None = None  # "first" or "last" day of the month
    weekdays: list[tuple[int, int]] = []  # (-1 last / 0 this / 1 next, weekday with Sunday 0)
    rest = s
    # ISO 8601 with a T and an offset
    m = re.match(
        r"^(-?\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?"
        r"(Z|[+-]\d{2}:?\d{2})?",
        rest,
    )
    if m:
        date = (int(m.group(1)), int(m.group(2)), int(m.group(3)))
        time_part = (int(m.group(4)), int(m.group(5)), int(m.group(6) or 0))
        if m.group(7):
            tz = _zone(m.group(7)) or UTC
        rest = rest[m.end() :]
    else:
        m = re.match(r"^(-?\d{4})-(\d{1,2})-(\d{1,2})", rest) or re.match(
            r"^(\d{4})(\d{2})(\d{2})(?!\d)", rest
        )
        if m:
            date = (int(m.group(1)), int(m.group(2)), int(m.group(3)))
            rest = rest[m.end() :]
        else:
            m = re.match(r"^(\d{1,2})\s+([A-Za-z]+)\.?,?\s+(-?\d{1,4})\b", rest)
            if m and m.group(2).lower() in _MONTH_LOOKUP:
                date = (int(m.group(3)), _MONTH_LOOKUP[m.group(2).lower()], int(m.group(1)))
                rest = rest[m.end() :]
            else:
                m = re.match(r"^([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(-?\d{1,4})\b", rest)
                if m and m.group(1).lower() in _MONTH_LOOKUP:
                    date = (int(m.group(3)), _MONTH_LOOKUP[m.group(1).lower()], int(m.group(2)))
                    rest = rest[m.end() :]
                else:
                    m = re.match(r"^([A-Za-z]+)\.?\s+(\d{4})\b", rest)
                    if m and m.group(1).lower() in _MONTH_LOOKUP:
                        date = (int(m.group(2)), _MONTH_LOOKUP[m.group(1).lower()], 1)
                        rest = rest[m.end() :]
                    else:
                        m = re.match(r"^(\d{1,2})\s+([A-Za-z]+)\b", rest)
                        if m and m.group(2).lower() in _MONTH_LOOKUP:
                            date = (base.year, _MONTH_LOOKUP[m.group(2).lower()], int(m.group(1)))
                            rest = rest[m.end() :]
                        else:
                            m = re.match(r"^([A-Za-z]+)\s+(\d{1,2})\b", rest)
                            if m and m.group(1).lower() in _MONTH_LOOKUP:
                                date = (
                                    base.year,
                                    _MONTH_LOOKUP[m.group(1).lower()],
                                    int(m.group(2)),
                                )
                                rest = rest[m.end() :]
    rest = rest.strip().lstrip(",").strip()
    while rest:
        m = _TIME_RE.match(rest)
        if m and time_part is None:
            hour, minute, sec = int(m.group(1)), int(m.group(2)), int(m.group(3) or 0)
            ampm = (m.group(4) or "").lower().replace(".", "")
            if ampm == "pm" and hour < 12:
                hour += 12
            elif ampm == "am" and hour == 12:
                hour = 0
            time_part = (hour, minute, sec)
            rest = rest[m.end() :].strip()
            continue
        m = _REL_RE.match(rest)
        if m:
            amount = int(m.group(1).replace(" ", ""))
            if m.group(3):
                amount = -amount
            relative.append((amount, m.group(2)))
            rest = rest[m.end() :].strip()
            continue
        word = rest.split(None, 1)
        token = word[0]
        low = token.lower()
        if low in ("today", "midnight"):
            time_part = (0, 0, 0)
        elif low == "noon":
            time_part = (12, 0, 0)
        elif low == "tomorrow":
            relative.append((1, "day"))
            time_part = (0, 0, 0)
        elif low == "yesterday":
            relative.append((-1, "day"))
            time_part = (0, 0, 0)
        elif low == "now":
            pass
        elif low in ("first", "last") and len(word) > 1 and word[1].lower().startswith("day of"):
            # "first day of next month", "last day of May 2023"
            day_of = "first" if low == "first" else "last"
            rest = word[1][len("day of") :].strip()
            m2 = re.match(r"^([A-Za-z]+)(?:\s+(\d{4}))?", rest)
            if m2 and m2.group(1).lower() in _MONTH_LOOKUP:
                year = int(m2.group(2)) if m2.group(2) else base.year
                date = (year, _MONTH_LOOKUP[m2.group(1).lower()], 1)
                rest = rest[m2.end() :].strip()
            continue
        elif low in ("next", "last", "previous", "this") and len(word) > 1:
            # "next monday", "last year", "this friday"
            nxt = word[1].split(None, 1)
            unit_word = nxt[0].lower()
            step = {"next": 1, "last": -1, "previous": -1, "this": 0}[low]
            if unit_word in _WEEKDAY_LOOKUP:
                weekdays.append((step, _WEEKDAY_LOOKUP[unit_word]))
                time_part = (0, 0, 0)
            elif unit_word.rstrip("s") in _UNITS:
                relative.append((step, unit_word))
            else:
                raise InvalidTime(text)
            rest = nxt[1].strip() if len(nxt) > 1 else ""
            continue
        elif low in _WEEKDAY_LOOKUP:
            weekdays.append((0, _WEEKDAY_LOOKUP[low]))
            time_part = (0, 0, 0)
        elif (zone := _zone(token)) is not None:
            tz = zone
        elif date is None and re.fullmatch(r"\d{4}", token) and time_part is not None:
            date = (int(token), base.month, base.day)
        elif date is None and re.fullmatch(r"\d{4}", token) and time_part is None:
            # PHP reads a lone 4-digit number as a time of day (HHMM).
            if int(token[:2]) > 23 or int(token[2:]) > 59:
                date = (int(token), base.month, base.day)
            else:
                time_part = (int(token[:2]), int(token[2:]), 0)
        else:
            raise InvalidTime(text)
        rest = word[1].strip() if len(word) > 1 else ""
    try:
        local_base = base.astimezone(tz)
        y, mo, d = date if date is not None else (local_base.year, local_base.month, local_base.day)
        if time_part is None:
            time_part = (
                (0, 0, 0)
                if date is not None
                else (
                    local_base.hour,
                    local_base.minute,
                    local_base.second,
                )
            )
        if not 1 <= y <= 9999:
            raise InvalidTime(text)
        dt = datetime(y, 1, 1, tzinfo=tz)
        dt = _add_months(dt, mo - 1) + timedelta(days=d - 1)
        dt = dt + timedelta(hours=time_part[0], minutes=time_part[1], seconds=time_part[2])
        if tz is not UTC and hasattr(tz, "key"):
            dt = dt.replace(tzinfo=None).replace(tzinfo=tz)
    except (ValueError, OverflowError):
        raise InvalidTime(text) from None
    for amount, unit in relative:
        if day_of is not None and unit.rstrip("s").lower() in ("month", "year"):
            # With "first/last day of", months are added before the day is chosen.
            dt = dt.replace(day=1)
        try:
            dt = _apply_relative(dt, amount, unit)
        except (OverflowError, ValueError):
            raise (TimeTooBig if amount > 0 else TimeTooSmall)(text) from None
    if day_of == "first":
        dt = dt.replace(day=1)
    elif day_of == "last":
        dt = dt.replace(day=calendar.monthrange(dt.year, dt.month)[1])
    for step, weekday in weekdays:
        today = (dt.weekday() + 1) % 7
        if step < 0:
            delta = -((today - weekday) % 7 or 7)
        elif step > 0:
            delta = (weekday - today) % 7 or 7
        else:
            delta = (weekday - today) % 7
        try:
            dt = dt + timedelta(days=delta)
        except OverflowError:
            raise (TimeTooBig if delta > 0 else TimeTooSmall)(text) from None
    try:
        return dt.astimezone(UTC)
    except (OverflowError, ValueError):
        raise TimeTooBig(text) from None


def _roman(n: int) -> str:
    if n <= 0 or n > 10000:
        return str(n)
    table = [
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ]  # fmt: skip
    out = ""
    for value, sym in table:
        while n >= value:
            out += sym
            n -= value
    return out


def sprintf_date(fmt: str, dt: datetime, lang: str = "en") -> str:
    """Language::sprintfDate for the Gregorian codes."""
    out: list[str] = []
    i = 0
    n = len(fmt)
    roman = False
    while i < n:
        c = fmt[i]
        code = c
        if c == "x" and i + 1 < n:
            code = fmt[i : i + 2]
            i += 1
        value: str | None = None
        num: int | None = None
        if code == "xx":
            value = "x"
        elif code == "xr":
            roman = True
        elif code in ("xn", "xN"):
            pass
        elif code == "xg":
            value = dates_i18n.month_name_genitive(lang, dt.month)
        elif code == "d":
            value = f"{dt.day:02d}"
        elif code == "D":
            value = dates_i18n.weekday_abbreviation(lang, (dt.weekday() + 1) % 7)
        elif code == "j":
            num = dt.day
        elif code == "l":
            value = dates_i18n.weekday_name(lang, (dt.weekday() + 1) % 7)
        elif code == "N":
            num = dt.isoweekday()
        elif code == "w":
            num = (dt.weekday() + 1) % 7
        elif code == "z":
            num = dt.timetuple().tm_yday - 1
        elif code == "W":
            value = f"{dt.isocalendar()[1]:02d}"
        elif code == "F":
            value = dates_i18n.month_name(lang, dt.month)
        elif code == "m":
            value = f"{dt.month:02d}"
        elif code == "M":
            value = dates_i18n.month_abbreviation(lang, dt.month)
        elif code == "n":
            num = dt.month
        elif code == "t":
            num = calendar.monthrange(dt.year, dt.month)[1]
        elif code == "L":
            y = dt.year
            num = 1 if (y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)) else 0
        elif code == "o":
            num = dt.isocalendar()[0]
        elif code == "Y":
            num = dt.year
        elif code == "y":
            value = f"{dt.year % 100:02d}"
        elif code == "a":
            value = "am" if dt.hour < 12 else "pm"
        elif code == "A":
            value = "AM" if dt.hour < 12 else "PM"
        elif code == "g":
            num = dt.hour % 12 or 12
        elif code == "G":
            num = dt.hour
        elif code == "h":
            value = f"{dt.hour % 12 or 12:02d}"
        elif code == "H":
            value = f"{dt.hour:02d}"
        elif code == "i":
            value = f"{dt.minute:02d}"
        elif code == "s":
            value = f"{dt.second:02d}"
        elif code == "U":
            num = int(dt.timestamp())
        elif code == "e":
            value = "UTC"
        elif code == "I":
            num = 0
        elif code == "O":
            value = "+0000"
        elif code == "P":
            value = "+00:00"
        elif code == "T":
            value = "UTC"
        elif code == "Z":
            num = 0
        elif code == "c":
            value = dt.strftime("%Y-%m-%dT%H:%M:%S+00:00")
        elif code == "r":
            value = (
                f"{WEEKDAYS[(dt.weekday() + 1) % 7][:3]}, {dt.day:02d} "
                f"{MONTHS[dt.month - 1][:3]} {dt.year} {dt:%H:%M:%S} +0000"
            )
        elif c == "\\" and i + 1 < n:
            i += 1
            value = fmt[i]
        elif c == '"':
            end = fmt.find('"', i + 1)
            if end == -1:
                value = '"'
            else:
                value = fmt[i + 1 : end]
                i = end
        else:
            value = code
        if num is not None:
            if roman:
                value = _roman(num)
                roman = False
            else:
                value = str(num)
        if value is not None:
            out.append(value)
        i += 1
    return "".join(out)


def _time(ctx: ParserContext, fmt: str, date: str, lang: str, local: bool) -> str:
    base = datetime.fromtimestamp(now(ctx), tz=UTC)
    if not date.strip():
        ctx.ext_state["volatile_time"] = True
        ctx.output.flags.add(USES_CURRENT_TIME)
    if re.fullmatch(r"[0-9]{4}", date):
        # ParserFunctions: a lone 4-digit number is a year, not HH:MM.
        date = "00:00 " + date
    try:
        dt = parse_date(date, base)
    except TimeTooBig:
        return '<strong class="error">Error: #time only supports years up to 9999.</strong>'
    except TimeTooSmall:
        return '<strong class="error">Error: #time only supports years from 0.</strong>'
    except (InvalidTime, OverflowError, ValueError):
        return ERROR_INVALID
    if dt.year < 0:
        return '<strong class="error">Error: #time only supports years from 0.</strong>'
    if dt.year > 9999:
        return '<strong class="error">Error: #time only supports years up to 9999.</strong>'
    code = lang.strip().lower()
    if not code or (code not in dates_i18n.NAMES and code != "en"):
        # ParserFunctions::normalizeLangCode: unknown codes mean the content language.
        code = (ctx.options.language or ctx.config.language or "en").lower()
    return sprintf_date(fmt, dt, code)


@parser_function("time")
def time_(ctx: ParserContext, fmt: str = "", date: str = "", lang: str = "", *rest: str) -> str:
    return _time(ctx, fmt, date, lang, False)


@parser_function("timel")
def timel(ctx: ParserContext, fmt: str = "", date: str = "", lang: str = "", *rest: str) -> str:
    return _time(ctx, fmt, date, lang, True)
