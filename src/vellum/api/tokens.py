"""Tokens bound to the Django session (MediaWiki's CsrfTokenSet / Session::getToken).

A token is an HMAC of its type under a random per-session secret, followed by `+\\`.
Anonymous users get the constant `+\\` for the csrf-class types, as in MediaWiki; login and
createaccount tokens are real tokens even for anonymous users, and they start the session.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from typing import Any

from django.http import HttpRequest

SUFFIX = "+\\"
SESSION_KEY = "api_token_secret"
TYPES = ["createaccount", "csrf", "login", "patrol", "rollback", "userrights", "watch"]
# Token types bound to the session even for anonymous users.
SESSION_TYPES = {"login", "createaccount"}
# Legacy token names (intoken/action=tokens) that are all the csrf token.
CSRF_ALIASES = {
    "edit",
    "delete",
    "protect",
    "move",
    "block",
    "unblock",
    "email",
    "import",
    "options",
    "upload",
}


def _secret(request: HttpRequest, create: bool) -> str | None:
    secret = request.session.get(SESSION_KEY)
    if secret is None and create:
        secret = secrets.token_hex(32)
        request.session[SESSION_KEY] = secret
    return secret


def _salt(token_type: str) -> str:
    return "csrf" if token_type in CSRF_ALIASES else token_type


def get_token(request: HttpRequest, token_type: str, user: Any = None) -> str:
    """The token of `token_type` for the session (`user`: who the request runs as)."""
    user = request.user if user is None else user
    token_type = _salt(token_type)
    if token_type not in SESSION_TYPES and not user.is_authenticated:
        return SUFFIX
    secret = _secret(request, create=True)
    assert secret is not None
    digest = hmac.new(secret.encode(), token_type.encode(), hashlib.sha1).hexdigest()
    return digest + SUFFIX


def check_token(request: HttpRequest, token_type: str, value: str, user: Any = None) -> bool:
    user = request.user if user is None else user
    token_type = _salt(token_type)
    if token_type not in SESSION_TYPES and not user.is_authenticated:
        return value == SUFFIX
    if _secret(request, create=False) is None:
        return False
    return hmac.compare_digest(get_token(request, token_type, user), value)


def reset(request: HttpRequest) -> None:
    """New tokens after login or logout (the old ones stop working)."""
    request.session.pop(SESSION_KEY, None)
