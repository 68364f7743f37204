"""Revision and slot sha1 as MediaWiki computes them: base-36, 31 digits, zero-padded."""

from __future__ import annotations

import hashlib

_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"


_PAIRS = [a + b for a in _DIGITS for b in _DIGITS]  # two base-36 digits per divmod


def _base36(n: int) -> str:
    out = []
    while n:
        n, r = divmod(n, 1296)
        out.append(_PAIRS[r])
    return "".join(reversed(out)).lstrip("0").rjust(31, "0")


def base36_sha1(text: str | bytes) -> str:
    """SlotRecord::base36Sha1: the sha1 of the UTF-8 bytes in base 36, padded to 31 digits."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    return _base36(int.from_bytes(hashlib.sha1(data).digest(), "big"))


def combined_sha1(slot_sha1s: dict[str, str]) -> str:
    """RevisionSlots::computeSha1: the slots' sha1s folded in role order.

    One slot: its own sha1. More: base36_sha1(previous + next) over the roles sorted by name.
    """
    result: str | None = None
    for role in sorted(slot_sha1s):
        sha = slot_sha1s[role]
        result = sha if result is None else base36_sha1(result + sha)
    return result or base36_sha1("")
