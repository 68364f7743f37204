"""meta=tokens (ApiQueryTokens): the session's tokens for the requested types."""

from __future__ import annotations

from .. import tokens
from ..params import Param
from .base import QueryModule


class ApiQueryTokens(QueryModule):
    name = "tokens"
    group = "meta"
    classname = "ApiQueryTokens"
    read_rights = False
    params = [Param("type", list(tokens.TYPES), multi=True, default="csrf", allspecifier=True)]

    def execute(self) -> None:
        out = {f"{t}token": tokens.get_token(self.api.request, t) for t in self.p("type")}
        self.query.add("tokens", out)
