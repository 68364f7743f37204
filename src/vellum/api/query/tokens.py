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
        api = self.api
        if api.anonymous_only:
            # JSONP: another site could read the answer, so no tokens (as MediaWiki does).
            api.warn(
                self.name, "Tokens may not be obtained when the same-origin policy is not applied."
            )
            return
        out = {f"{t}token": tokens.get_token(api.request, t, api.user) for t in self.p("type")}
        self.query.add("tokens", out)
