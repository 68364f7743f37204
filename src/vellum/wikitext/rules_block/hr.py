"""Horizontal rules: a line starting with four or more dashes becomes <hr />."""

from __future__ import annotations

import re

_HR = re.compile(r"(^|\n)-----*")


def do_hr(text: str) -> str:
    if "----" not in text:
        return text
    return _HR.sub(r"\1<hr />", text)
