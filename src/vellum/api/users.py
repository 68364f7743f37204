"""The requesting user as the API describes it: name, groups, rights (from the wiki's services)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from vellum.wiki.services import users as wiki_users


def user_rights(user: Any) -> list[str]:
    return sorted(wiki_users.user_rights(user))


def user_groups(user: Any) -> list[str]:
    return wiki_users.user_groups(user)


def display_name(user: Any, request: HttpRequest) -> str:
    """The user name, or the client's IP address for anonymous users (as MediaWiki shows it)."""
    if user is not None and user.is_authenticated:
        return user.get_username()
    return request.META.get("REMOTE_ADDR") or "127.0.0.1"


def canonical_name(name: str) -> str:
    try:
        return wiki_users.normalize_user_name(name)
    except wiki_users.InvalidUserName:
        return name
