"""Thai word breaking for the word diff, through libthai (as wikidiff2 does).

Thai is written without spaces between words; wikidiff2 asks libthai's dictionary-based
breaker (``th_brk_find_breaks``) where the words of a line end. We call the same C library
through ctypes when it is installed (Debian: ``libthai0``). Without it, Thai text falls back to
one word per run of letters, as in languages that use spaces, and ``AVAILABLE`` is False.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import re
import threading

AVAILABLE = False
_lib = None
_local = threading.local()

# TIS-620 code of a Unicode character, as libthai's th_uni2tis maps it: ASCII as is, the Thai
# block U+0E01-U+0E3A and U+0E3F-U+0E5B to 0xA1-0xFB, anything else to 0xFF (THCHAR_ERR).
_NON_TIS = re.compile("[^\x01-\x7f\u0e01-\u0e3a\u0e3f-\u0e5b]")
_TO_TIS = {c: c - 0x0E00 + 0xA0 for c in [*range(0x0E01, 0x0E3B), *range(0x0E3F, 0x0E5C)]}


def _load() -> None:
    global AVAILABLE, _lib
    for name in ("libthai.so.0", ctypes.util.find_library("thai")):
        if not name:
            continue
        try:
            lib = ctypes.CDLL(name)
        except OSError:
            continue
        lib.th_brk_new.restype = ctypes.c_void_p
        lib.th_brk_new.argtypes = [ctypes.c_char_p]
        lib.th_brk_find_breaks.restype = ctypes.c_int
        lib.th_brk_find_breaks.argtypes = [
            ctypes.c_void_p,
            ctypes.c_char_p,
            ctypes.POINTER(ctypes.c_int),
            ctypes.c_size_t,
        ]
        _lib = lib
        AVAILABLE = True
        return


_load()


def _breaker() -> int | None:
    brk = getattr(_local, "brk", None)
    if brk is None and _lib is not None:
        brk = _lib.th_brk_new(None)
        _local.brk = brk
    return brk


_THAI = re.compile("[\u0e01-\u0e3a\u0e3f-\u0e5b]")


def has_thai(text: str) -> bool:
    """Whether the text holds a character of the Thai block that libthai knows."""
    return _THAI.search(text) is not None


def thai_breaks(text: str) -> list[int]:
    """Character offsets where libthai breaks ``text`` into words ([] without libthai)."""
    brk = _breaker()
    if not brk:
        return []
    # Characters libthai cannot represent become 0xFF, as in wikidiff2 (a NUL too: it would
    # end the C string early).
    tis = _NON_TIS.sub("\xff", text).translate(_TO_TIS).encode("latin-1") + b"\0"
    n = len(tis)
    pos = (ctypes.c_int * n)()
    count = _lib.th_brk_find_breaks(brk, tis, pos, n)
    return list(pos[:count])


def warm_up() -> None:
    """Load libthai's dictionary now (some milliseconds) rather than on the first Thai line."""
    _breaker()


def working() -> bool:
    """Whether Thai word breaking works here: libthai and its dictionary (libthai-data)."""
    return AVAILABLE and bool(_breaker()) and len(thai_breaks("ภาษาไทย")) > 0
