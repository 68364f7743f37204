"""ApiBase: what every API module shares (name, prefix, parameters, rights, tokens)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from .errors import ApiError
from .params import Param

if TYPE_CHECKING:
    from .main import ApiMain


class ApiModule:
    """One API module. Subclasses declare `name`, `params` and implement `execute`."""

    name: ClassVar[str] = ""
    prefix: ClassVar[str] = ""
    group: ClassVar[str] = "action"  # action | prop | list | meta
    params: ClassVar[list[Param]] = []
    must_be_posted: ClassVar[bool] = False
    token: ClassVar[str | None] = None  # token type required in the `token` parameter
    write: ClassVar[bool] = False  # needs the `writeapi` right
    read_rights: ClassVar[bool] = True
    classname: ClassVar[str] = ""
    helpurl: ClassVar[str] = ""

    def __init__(self, api: ApiMain, parent: ApiModule | None = None) -> None:
        self.api = api
        self.parent = parent
        self._values: dict[str, Any] | None = None

    # -- identity
    def module_name(self) -> str:
        return self.name

    @classmethod
    def path(cls) -> str:
        return f"query+{cls.name}" if cls.group in ("prop", "list", "meta") else cls.name

    @classmethod
    def all_params(cls) -> list[Param]:
        """Declared parameters plus `token` for modules that need one."""
        out = list(cls.params)
        if cls.token:
            out.append(Param("token", "string", required=True, sensitive=True, tokentype=cls.token))
        return out

    # -- parameters
    def values(self) -> dict[str, Any]:
        """Every declared parameter, validated (ApiBase::extractRequestParams)."""
        if self._values is None:
            reader = self.api.reader
            self._values = {p.name: reader.read(self, p) for p in self.all_params()}
        return self._values

    def p(self, name: str) -> Any:
        return self.values()[name]

    def require_one_of(self, *names: str) -> None:
        """MediaWiki's requireAtLeastOneParameter."""
        vals = self.values()
        if not any(vals.get(n) not in (None, False, [], "") for n in names):
            quoted = [f'"{self.prefix}{n}"' for n in names]
            listed = ", ".join(quoted[:-1]) + " and " + quoted[-1] if len(quoted) > 1 else quoted[0]
            raise ApiError("missingparam", f"At least one of the parameters {listed} is required.")

    def require_only_one_of(self, *names: str) -> None:
        """MediaWiki's requireOnlyOneParameter."""
        vals = self.values()
        given = [n for n in names if vals.get(n) not in (None, False, [])]
        quoted = [f'"{self.prefix}{n}"' for n in names]
        listed = ", ".join(quoted[:-1]) + " and " + quoted[-1]
        if len(given) > 1:
            given_q = ", ".join(f'"{self.prefix}{n}"' for n in given[:-1])
            raise ApiError(
                "invalidparammix",
                f'The parameters {given_q} and "{self.prefix}{given[-1]}" can not be used together.',
            )
        if not given:
            raise ApiError("missingparam", f"One of the parameters {listed} is required.")

    # -- work
    def execute(self) -> None:
        raise NotImplementedError
