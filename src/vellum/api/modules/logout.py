"""action=logout (ApiLogout): end the session (needs the csrf token, as in MediaWiki 1.34+)."""

from __future__ import annotations

from django.contrib.auth import logout

from ..base import ApiModule


class ApiLogout(ApiModule):
    name = "logout"
    classname = "ApiLogout"
    must_be_posted = True
    read_rights = False
    token = "csrf"

    def execute(self) -> None:
        logout(self.api.request)
        self.api.reset_user_cache()
