"""action=login (ApiLogin): log in with a user name and password, bound to the session's
login token. Main-account passwords are accepted, with MediaWiki's deprecation warning."""

from __future__ import annotations

from django.contrib.auth import authenticate, login

from .. import throttle, tokens, users
from ..base import ApiModule
from ..params import Param

MAIN_ACCOUNT = (
    'Main-account login via "action=login" is deprecated and may stop working without warning. '
    'To continue login with "action=login", see [[Special:BotPasswords]]. To safely continue '
    'using main-account login, see "action=clientlogin".'
)
FAILED = "Incorrect username or password entered. Please try again."


class ApiLogin(ApiModule):
    name = "login"
    prefix = "lg"
    classname = "ApiLogin"
    must_be_posted = True
    read_rights = False
    params = [
        Param("name", "string"),
        Param("password", "password", sensitive=True),
        Param("domain", "string"),
        Param("token", "string", sensitive=True, tokentype="login"),
    ]

    def execute(self) -> None:
        api = self.api
        request = api.request
        v = self.values()
        token = v["token"]
        if token is None or not api.check_token("login", token):
            if token is None:
                api.deprecate(
                    "login",
                    'Fetching a token via "action=login" is deprecated. Use '
                    '"action=query&meta=tokens&type=login" instead.',
                )
            result = {"result": "NeedToken" if token is None else "WrongToken"}
            if token is None:
                result["token"] = tokens.get_token(request, "login")
            api.result["login"] = result
            return
        name = users.canonical_name(v["name"] or "")
        password = v["password"] or ""
        main_name = name.split("@", 1)[0] if "@" in name else name
        address = request.META.get("REMOTE_ADDR") or ""
        if throttle.is_throttled(main_name, address):
            api.result["login"] = {"result": "Failed", "reason": throttle.MESSAGE}
            return
        user = authenticate(request, username=main_name, password=password) if name else None
        if user is None or not user.is_active:
            throttle.failed(main_name, address)
            api.result["login"] = {"result": "Failed", "reason": FAILED}
            return
        throttle.succeeded(main_name, address)
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        tokens.reset(request)
        api.reset_user_cache()
        api.deprecate("login", MAIN_ACCOUNT)
        api.result["login"] = {
            "result": "Success",
            "lguserid": user.pk,
            "lgusername": user.get_username(),
        }
