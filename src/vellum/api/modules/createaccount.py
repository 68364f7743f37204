"""action=createaccount (ApiAMCreateAccount): create an account with a password."""

from __future__ import annotations

from ..base import ApiModule
from ..errors import ApiError
from ..params import auth_manager_params


class ApiCreateAccount(ApiModule):
    name = "createaccount"
    prefix = "create"
    classname = "ApiAMCreateAccount"
    must_be_posted = True
    read_rights = False
    write = True
    params = auth_manager_params("createaccount")

    def execute(self) -> None:
        from vellum.wiki.services import users as wiki_users
        from vellum.wiki.services.errors import EditError

        api = self.api
        v = self.values()
        if not api.check_token("createaccount", v["token"]):
            raise ApiError("badtoken", "Invalid CSRF token.")
        if not api.has_right("createaccount"):
            raise ApiError(
                "permissiondenied", "You do not have permission to create this user account."
            )
        name = api.get_raw("username") or ""
        password = api.get_raw("password") or ""
        retype = api.get_raw("retype")
        email = api.get_raw("email") or ""
        api.get_raw("realname")
        reason = api.get_raw("reason") or ""
        if v["returnurl"] is None and not v["continue"]:
            raise ApiError(
                "missingparam",
                'Either the "createreturnurl" or the "createcontinue" parameter must be set.',
            )

        def fail(message: str, code: str) -> None:
            api.result["createaccount"] = {
                "status": "FAIL",
                "message": message,
                "messagecode": code,
            }

        if not name or not password:
            return fail(
                "The supplied credentials could not be authenticated.",
                "authmanager-authn-no-primary",
            )
        if retype is not None and retype != password:
            return fail("The passwords you entered do not match.", "badretype")
        if len(password) < 1:
            return fail("Passwords must be at least 1 character.", "passwordtooshort")
        creator = api.user if api.user.is_authenticated else None
        try:
            user = wiki_users.create_user(
                name, password, email=email, creator=creator, reason=reason
            )
        except wiki_users.UserExists:
            return fail(
                "Username entered already in use.\nPlease choose a different name.", "userexists"
            )
        except EditError as e:
            return fail(e.message, e.code)
        api.result["createaccount"] = {"status": "PASS", "username": user.get_username()}
