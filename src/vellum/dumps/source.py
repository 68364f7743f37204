"""Opening a dump: a path or "-" (stdin), plain or compressed (gzip, bzip2, xz, lzma-alone).

The compression is recognised by its magic bytes (the file name's extension only breaks a
tie for lzma-alone, which has no magic). `DumpSource.raw_position` counts the bytes read from
the file itself (compressed), for progress bars; `raw_size` is the file size when known.
"""

from __future__ import annotations

import bz2
import gzip
import io
import lzma
import os
import sys
from typing import BinaryIO

from .errors import DumpError


class _CountingReader(io.RawIOBase):
    """Counts the bytes read through it (the compressed side of the stream)."""

    def __init__(self, raw: BinaryIO) -> None:
        self._raw = raw
        self.count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, b: bytearray | memoryview) -> int:  # type: ignore[override]
        data = self._raw.read(len(b))
        n = len(data)
        b[:n] = data
        self.count += n
        return n

    def close(self) -> None:
        try:
            self._raw.close()
        finally:
            super().close()


def _looks_like_lzma_alone(head: bytes) -> bool:
    # props byte (lc/lp/pb) < 225, a dictionary size that is a power of two or 2^n+2^(n-1).
    if len(head) < 13 or head[0] >= 225:
        return False
    dict_size = int.from_bytes(head[1:5], "little")
    return dict_size > 0 and (dict_size & (dict_size - 1) == 0 or dict_size % 3 == 0)


class DumpSource:
    """The uncompressed bytes of a dump, with how far into the raw file we are."""

    def __init__(self, spec: str | os.PathLike[str] | BinaryIO, name: str | None = None) -> None:
        self.raw_size: int | None = None
        if isinstance(spec, (str, os.PathLike)):
            if str(spec) == "-":
                raw: BinaryIO = sys.stdin.buffer
                self.name = name or "<stdin>"
            else:
                try:
                    raw = open(spec, "rb")  # noqa: SIM115
                except OSError as e:
                    raise DumpError(f"cannot open dump: {e.strerror}", source=str(spec)) from e
                self.name = name or str(spec)
                self.raw_size = os.fstat(raw.fileno()).st_size
        else:
            raw = spec
            self.name = name or getattr(spec, "name", "<stream>")
            try:
                self.raw_size = os.fstat(raw.fileno()).st_size
            except (OSError, AttributeError, io.UnsupportedOperation):
                self.raw_size = None
        self._counter = _CountingReader(raw)
        buffered = io.BufferedReader(self._counter, buffer_size=1 << 20)
        head = buffered.peek(16)[:16]
        ext = self.name.lower()
        self.compression: str | None
        if head.startswith(b"\x1f\x8b"):
            self.compression = "gzip"
            self.stream: BinaryIO = gzip.GzipFile(fileobj=buffered, mode="rb")
        elif head.startswith(b"BZh"):
            self.compression = "bzip2"
            self.stream = bz2.BZ2File(buffered, "rb")
        elif head.startswith(b"\xfd7zXZ\x00"):
            self.compression = "xz"
            self.stream = lzma.LZMAFile(buffered, "rb", format=lzma.FORMAT_XZ)
        elif ext.endswith(".lzma") or (
            not head.lstrip().startswith((b"<", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\x00"))
            and _looks_like_lzma_alone(head)
        ):
            self.compression = "lzma"
            self.stream = lzma.LZMAFile(buffered, "rb", format=lzma.FORMAT_ALONE)
        else:
            self.compression = None
            self.stream = buffered  # type: ignore[assignment]
        self._buffered = buffered

    @property
    def raw_position(self) -> int:
        return self._counter.count

    def read(self, n: int) -> bytes:
        try:
            return self.stream.read(n)
        except (OSError, EOFError, lzma.LZMAError, ValueError) as e:
            raise DumpError(f"cannot decompress ({self.compression}): {e}", source=self.name) from e

    def close(self) -> None:
        try:
            self.stream.close()
        finally:
            self._buffered.close()
