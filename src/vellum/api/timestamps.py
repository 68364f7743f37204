"""Timestamps as the API reads them (MW, ISO 8601, Unix) and writes them (ISO, whole seconds)."""

from __future__ import annotations

import re
from datetime import UTC, datetime

_MW = re.compile(r"^(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)$")
_ISO = re.compile(r"^(\d{4})-(\d\d)-(\d\d)[T ](\d\d):(\d\d):(\d\d)(?:\.\d+)?(Z|[+-]\d\d:?\d\d)?$")
_DATE = re.compile(r"^(\d{4})-(\d\d)-(\d\d)$")
_UNIX = re.compile(r"^\d{1,13}$")


def parse(value: str) -> datetime | None:
    """A UTC datetime from the forms MediaWiki accepts, or None if the text is none of them."""
    value = value.strip()
    try:
        if m := _MW.match(value):
            y, mo, d, h, mi, s = map(int, m.groups())
            return datetime(y, mo, d, h, mi, s, tzinfo=UTC)
        if m := _ISO.match(value):
            y, mo, d, h, mi, s = map(int, m.groups()[:6])
            dt = datetime(y, mo, d, h, mi, s, tzinfo=UTC)
            tz = m.group(7)
            if tz and tz != "Z":
                sign = 1 if tz[0] == "+" else -1
                digits = tz[1:].replace(":", "")
                offset = sign * (int(digits[:2]) * 3600 + int(digits[2:]) * 60)
                dt = datetime.fromtimestamp(dt.timestamp() - offset, tz=UTC)
            return dt
        if m := _DATE.match(value):
            y, mo, d = map(int, m.groups())
            return datetime(y, mo, d, tzinfo=UTC)
        if _UNIX.match(value):
            return datetime.fromtimestamp(int(value), tz=UTC)
    except (ValueError, OverflowError, OSError):
        return None
    if value == "now":
        return datetime.now(UTC)
    return None


def iso(dt: datetime | None) -> str:
    """`YYYY-MM-DDTHH:MM:SSZ`, the only form the API writes."""
    if dt is None:
        return ""
    if dt.tzinfo is not None:
        dt = dt.astimezone(UTC)
    return dt.strftime("%Y-%m-%dT%H:%M:%SZ")


def mw(dt: datetime) -> str:
    """`YYYYMMDDHHMMSS` (TS_MW), used in continuation values."""
    if dt.tzinfo is not None:
        dt = dt.astimezone(UTC)
    return dt.strftime("%Y%m%d%H%M%S")
