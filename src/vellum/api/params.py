"""Parameter declarations (ApiBase::getAllowedParams) and their validation.

A module declares its parameters as a list of `Param`; the same list validates a request
(MediaWiki's errors `badinteger`, `badvalue`, `missingparam`, `badtimestamp`, and warnings for
unrecognised values) and describes the module in `action=paraminfo`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from . import timestamps
from .errors import ApiError

MULTI_LIMIT = 50  # values per multi-value parameter (apihighlimits: 500)
MULTI_HIGHLIMIT = 500

# Types of scalar parameters; a list of strings is an enumeration.
TYPES = {
    "string",
    "text",
    "integer",
    "limit",
    "boolean",
    "timestamp",
    "namespace",
    "user",
    "title",
    "upload",
    "password",
    "expiry",
}


@dataclass
class Param:
    """One parameter of a module, named without the module's prefix."""

    name: str
    type: str | list[str] = "string"
    default: Any = None
    multi: bool = False
    required: bool = False
    min: int | None = None
    max: int | None = None
    highmax: int | None = None
    sensitive: bool = False
    deprecated: bool = False
    allspecifier: bool = False  # '*' means every value (multi enums)
    submodules: dict[str, str] | None = None
    tokentype: str | None = None
    templated: bool = False  # a per-slot parameter (`fromtext-main`), MediaWiki's templated
    extra: dict[str, Any] = field(default_factory=dict)  # more paraminfo keys

    def __post_init__(self) -> None:
        if isinstance(self.type, str):
            assert self.type in TYPES, self.type
        if self.type == "limit":
            self.min = 1 if self.min is None else self.min


def split_multi(value: str) -> list[str]:
    """`a|b|c`, or the `\\x1f`-prefixed form for values that contain '|'."""
    if value.startswith("\x1f"):
        return value[1:].split("\x1f")
    return value.split("|")


class ParamReader:
    """Validates raw request values against declarations, collecting warnings."""

    def __init__(self, api: Any) -> None:
        self.api = api  # ApiMain: raw values, warnings, limits, high-limits flag

    def read(self, module: Any, p: Param) -> Any:
        try:
            return self._read(module, p)
        except ApiError as e:
            if e.module == "main" and module.name != "main":
                e.module = module.path()  # errorformat=plaintext names the module
            raise

    def _read(self, module: Any, p: Param) -> Any:
        full = module.prefix + p.name
        raw = self.api.get_raw(full)
        if p.deprecated and raw is not None:
            self.api.deprecate(module.module_name(), f'The parameter "{full}" has been deprecated.')
        if p.type == "boolean":
            return raw is not None
        if p.type == "upload":
            return self.api.get_file(full)
        if raw is None:
            if p.required:
                raise ApiError("missingparam", f'The "{full}" parameter must be set.')
            return self._default(p)
        if p.multi:
            values = split_multi(raw) if raw != "" else []
            high = self.api.has_high_limits()
            limit = MULTI_HIGHLIMIT if high else MULTI_LIMIT
            if p.allspecifier and raw == "*" and isinstance(p.type, list):
                return list(p.type)
            if len(values) > limit:
                raise ApiError(
                    "toomanyvalues",
                    f'Too many values supplied for parameter "{full}". The limit is {limit}.',
                )
            out: list[Any] = []
            bad: list[str] = []
            for v in values:
                try:
                    parsed = self._one(module, p, full, v)
                except _BadEnum:
                    bad.append(v)
                    continue
                if parsed not in out:
                    out.append(parsed)
            if bad:
                word = "value" if len(bad) == 1 else "values"
                self.api.warn(
                    module.module_name(),
                    f'Unrecognized {word} for parameter "{full}": {", ".join(bad)}',
                )
            return out
        try:
            return self._one(module, p, full, raw)
        except _BadEnum:
            raise ApiError(
                "badvalue", f'Unrecognized value for parameter "{full}": {raw}.'
            ) from None

    @staticmethod
    def _default(p: Param) -> Any:
        if p.multi:
            if p.default is None or p.default == "":
                return []
            return split_multi(str(p.default))
        return p.default

    def _one(self, module: Any, p: Param, full: str, v: str) -> Any:
        t = p.type
        if isinstance(t, list):
            if v not in t:
                raise _BadEnum
            return v
        if t in ("string", "text", "user", "title", "password", "expiry"):
            if t != "text" and t != "password":
                v = v.strip() if t != "string" else v
            return v
        if t == "namespace":
            try:
                ns = int(v)
            except ValueError:
                raise _BadEnum from None
            if ns not in self.api.namespace_ids():
                raise _BadEnum
            return ns
        if t == "timestamp":
            dt = timestamps.parse(v)
            if dt is None:
                raise ApiError(
                    "badtimestamp", f'Invalid value "{v}" for timestamp parameter "{full}".'
                )
            return dt
        if t == "limit":
            high = self.api.has_high_limits()
            top = (p.highmax if high and p.highmax else p.max) or 500
            if v == "max":
                self.api.set_limit(module.module_name(), top)
                return top
            n = self._int(v, full, "limit")
            if n > top:
                self.api.warn(
                    module.module_name(),
                    f'The value "{n}" for parameter "{full}" must be between {p.min} and {top}.',
                )
                n = top
            if p.min is not None and n < p.min:
                self.api.warn(
                    module.module_name(),
                    f'The value "{n}" for parameter "{full}" must be between {p.min} and {top}.',
                )
                n = p.min
            return n
        if t == "integer":
            n = self._int(v, full, "integer")
            if p.min is not None and n < p.min:
                self.api.warn(
                    module.module_name(),
                    f'The value "{n}" for parameter "{full}" must be no less than {p.min}.',
                )
                n = p.min
            if p.max is not None and n > p.max:
                self.api.warn(
                    module.module_name(),
                    f'The value "{n}" for parameter "{full}" must be no greater than {p.max}.',
                )
                n = p.max
            return n
        raise AssertionError(t)

    @staticmethod
    def _int(v: str, full: str, kind: str) -> int:
        s = v.strip()
        if s.startswith("+"):
            s = s[1:]
        # ASCII digits only ("²".isdigit() is true) and within PHP's 64-bit integers
        if (
            not s
            or not s.isascii()
            or not (s.isdigit() or (s[0] == "-" and s[1:].isdigit()))
            or not -(2**63) <= int(s) < 2**63
        ):
            raise ApiError("badinteger", f'Invalid value "{v}" for integer parameter "{full}".')
        return int(s)


class _BadEnum(Exception):
    pass


def paraminfo_param(p: Param, index: int, fv: int, prefix: str) -> dict[str, Any]:
    """The description of one parameter in action=paraminfo."""
    d: dict[str, Any] = {"index": index, "name": p.name}
    d["type"] = list(p.type) if isinstance(p.type, list) else p.type

    def flag(key: str, value: bool) -> None:
        if fv == 2:
            d[key] = value
        elif value:
            d[key] = ""

    if fv == 2:
        flag("required", p.required)
    elif p.required:
        d["required"] = ""
    if p.sensitive:
        flag("sensitive", True)
    if p.deprecated:
        flag("deprecated", True)
    if p.default is not None and p.type != "boolean":
        d["default"] = _paraminfo_default(p)
    if fv == 2:
        flag("multi", p.multi)
    if p.multi:
        if fv == 1:
            d["multi"] = ""
        d["lowlimit"] = MULTI_LIMIT
        d["highlimit"] = MULTI_HIGHLIMIT
        d["limit"] = MULTI_LIMIT
        if p.allspecifier:
            d["allspecifier"] = "*"
    if p.type == "limit":
        d["min"] = p.min
        d["max"] = p.max or 500
        d["highmax"] = p.highmax or p.max or 500
    elif p.type == "integer":
        if p.min is not None:
            d["min"] = p.min
        if p.max is not None:
            d["max"] = p.max
    if p.submodules is not None:
        d["submodules"] = dict(p.submodules)
    if p.tokentype:
        d["tokentype"] = p.tokentype
    d.update(p.extra)
    return d


def _paraminfo_default(p: Param) -> Any:
    if p.type in ("integer", "limit", "namespace") and not p.multi:
        try:
            return int(p.default)
        except (TypeError, ValueError):
            return p.default
    if isinstance(p.default, datetime):
        return timestamps.iso(p.default)
    return p.default


def auth_manager_params(token_type: str) -> list[Param]:
    """The parameters of the AuthManager modules (clientlogin, createaccount), as
    MediaWiki's ApiAuthManagerHelper declares them, with the module's token."""
    return [
        Param("requests", "string", multi=True),
        Param("messageformat", ["html", "none", "raw", "wikitext"], default="wikitext"),
        Param("mergerequestfields", "boolean"),
        Param("preservestate", "boolean"),
        Param("returnurl", "string"),
        Param("continue", "boolean"),
        Param("token", "string", required=True, sensitive=True, tokentype=token_type),
    ]
