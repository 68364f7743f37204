"""ApiQueryBase: what action=query's prop, list and meta submodules share."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from django.db.models import Q

from ..base import ApiModule
from ..errors import ApiError

if TYPE_CHECKING:
    from ..main import ApiMain
    from . import ApiQuery
    from .pageset import PageSet


class QueryModule(ApiModule):
    group: ClassVar[str] = "list"
    is_generator: ClassVar[bool] = False

    def __init__(self, api: ApiMain, query: ApiQuery, generator_mode: bool = False) -> None:
        super().__init__(api, query)
        self.query = query
        self.generator_mode = generator_mode
        if generator_mode:
            self.prefix = "g" + type(self).prefix  # type: ignore[misc]

    # -- continuation (ApiQueryBase::setContinueEnumParameter)
    def set_continue(self, name: str, value: Any) -> None:
        key = self.prefix + name
        if self.generator_mode:
            self.query.continuation.add_generator_continue(self.name, key, str(value))
        else:
            self.query.continuation.add_continue(self.name, key, str(value))

    def continue_parts(self, value: str, count: int) -> list[str]:
        """Split a `…continue` value into its `|`-separated parts, or fail like MediaWiki."""
        parts = value.split("|")
        if len(parts) != count:
            raise ApiError(
                "badcontinue",
                "Invalid continue param. You should pass the original value "
                "returned by the previous query.",
            )
        return parts

    def continue_int(self, value: str) -> int:
        try:
            return int(value)
        except ValueError:
            raise ApiError(
                "badcontinue",
                "Invalid continue param. You should pass the original value "
                "returned by the previous query.",
            ) from None

    @property
    def pageset(self) -> PageSet:
        return self.query.pageset

    def run_generator(self) -> list[Any]:
        """As a generator: the pages (Page objects or Titles) this module lists."""
        raise NotImplementedError


def title_range(field: str, start: str | None, end: str | None, descending: bool) -> Q:
    """A `from`/`to` condition on a DB-key column, inclusive, in either direction."""
    q = Q()
    lo, hi = (end, start) if descending else (start, end)
    if lo is not None:
        q &= Q(**{f"{field}__gte": lo})
    if hi is not None:
        q &= Q(**{f"{field}__lte": hi})
    return q


def _second_after(ts: Any) -> Any:
    from datetime import timedelta

    return ts.replace(microsecond=0) + timedelta(seconds=1)


def time_range(newer: bool, start: Any, end: Any, field: str = "timestamp") -> Q:
    """`start`/`end` bounds at MediaWiki's one-second resolution (stored times have more)."""
    q = Q()
    lo, hi = (start, end) if newer else (end, start)
    if lo is not None:
        q &= Q(**{f"{field}__gte": lo.replace(microsecond=0)})
    if hi is not None:
        q &= Q(**{f"{field}__lt": _second_after(hi)})
    return q


def continue_after(
    newer: bool, ts: Any, row_id: int, id_field: str = "id", field: str = "timestamp"
) -> Q:
    """Rows at or after a `<timestamp>|<id>` continuation point, in the listing's direction."""
    sec, nxt = ts.replace(microsecond=0), _second_after(ts)
    same = Q(**{f"{field}__gte": sec, f"{field}__lt": nxt})
    if newer:
        return Q(**{f"{field}__gte": nxt}) | (same & Q(**{f"{id_field}__gte": row_id}))
    return Q(**{f"{field}__lt": sec}) | (same & Q(**{f"{id_field}__lte": row_id}))
