"""DumpError: a dump that cannot be read, with where (byte offset, line) and why."""

from __future__ import annotations


class DumpError(Exception):
    """A malformed, truncated or unreadable dump.

    `offset` is the byte offset in the uncompressed stream (None if unknown), `line` the
    1-based line number, `column` the 1-based column in characters.
    """

    def __init__(
        self,
        message: str,
        *,
        offset: int | None = None,
        line: int | None = None,
        column: int | None = None,
        source: str | None = None,
    ) -> None:
        self.message = message
        self.offset = offset
        self.line = line
        self.column = column
        self.source = source
        super().__init__(str(self))

    def __str__(self) -> str:
        where = []
        if self.source:
            where.append(self.source)
        if self.offset is not None:
            where.append(f"byte {self.offset}")
        if self.line is not None:
            where.append(f"line {self.line}" + (f", column {self.column}" if self.column else ""))
        return f"{', '.join(where)}: {self.message}" if where else self.message
