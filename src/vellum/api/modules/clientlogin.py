"""action=clientlogin (ApiClientLogin): AuthManager-style login with a password."""

from __future__ import annotations

from django.contrib.auth import authenticate, login

from .. import throttle, tokens, users
from ..base import ApiModule
from ..errors import ApiError
from ..params import auth_manager_params


class ApiClientLogin(ApiModule):
    name = "clientlogin"
    prefix = "login"
    classname = "ApiClientLogin"
    must_be_posted = True
    read_rights = False
    params = auth_manager_params("login")

    def execute(self) -> None:
        api = self.api
        request = api.request
        v = self.values()
        if not api.check_token("login", v["token"]):
            raise ApiError("badtoken", "Invalid CSRF token.")
        # The credentials are not prefixed (AuthManager request fields).
        name = users.canonical_name(api.get_raw("username") or "")
        password = api.get_raw("password") or ""
        api.get_raw("rememberMe")
        if v["returnurl"] is None and not v["continue"]:
            raise ApiError(
                "missingparam",
                'Either the "loginreturnurl" or the "logincontinue" parameter must be set.',
            )
        if not name or not password:
            api.result["clientlogin"] = {
                "status": "FAIL",
                "message": "The supplied credentials could not be authenticated.",
                "messagecode": "authmanager-authn-no-primary",
            }
            return
        address = request.META.get("REMOTE_ADDR") or ""
        if throttle.is_throttled(name, address):
            api.result["clientlogin"] = {
                "status": "FAIL",
                "message": throttle.MESSAGE,
                "messagecode": "login-throttled",
            }
            return
        user = authenticate(request, username=name, password=password)
        if user is None or not user.is_active:
            throttle.failed(name, address)
            api.result["clientlogin"] = {
                "status": "FAIL",
                "message": "Incorrect username or password entered.\nPlease try again.",
                "messagecode": "wrongpassword",
            }
            return
        throttle.succeeded(name, address)
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        tokens.reset(request)
        api.reset_user_cache()
        api.result["clientlogin"] = {"status": "PASS", "username": user.get_username()}
