"""Accounts, actors and rights: MediaWiki's user groups on top of Django's auth users.

An Actor is who did something: a local user, an IP address (anonymous edit), or a name from
an imported dump that has no local account. Rights come from groups as in MediaWiki's
$wgGroupPermissions: '*' (everyone), 'user', 'autoconfirmed' (every registered user, as with
MediaWiki's default $wgAutoConfirmAge = 0) plus the explicit groups in `UserGroup`.
"""

from __future__ import annotations

import ipaddress
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db import IntegrityError, transaction
from django.utils import timezone

from vellum.wikitext.title import InvalidTitle

from ..models import Actor, UserGroup
from .errors import EditError, PermissionDenied
from .titles import parse_title

_BASE = {"read", "edit", "createpage", "createtalk", "writeapi", "viewmywatchlist"}
GROUP_RIGHTS: dict[str, set[str]] = {
    "*": _BASE | {"createaccount"},
    "user": _BASE
    | {
        "move",
        "move-subpages",
        "move-rootuserpages",
        "move-categorypages",
        "movefile",
        "upload",
        "reupload",
        "reupload-shared",
        "minoredit",
        "purge",
        "applychangetags",
        "changetags",
        "editmyusercss",
        "editmyuserjs",
        "editmyuserjson",
        "editmywatchlist",
        "editmyoptions",
    },
    "autoconfirmed": {"autoconfirmed", "editsemiprotected"},
    "bot": {
        "bot",
        "autoconfirmed",
        "editsemiprotected",
        "nominornewtalk",
        "autopatrol",
        "suppressredirect",
        "apihighlimits",
        "writeapi",
    },
    "sysop": {
        "block",
        "createaccount",
        "delete",
        "bigdelete",
        "deletedhistory",
        "deletedtext",
        "undelete",
        "editinterface",
        "editsitejson",
        "edituserjson",
        "import",
        "importupload",
        "move",
        "move-subpages",
        "move-rootuserpages",
        "move-categorypages",
        "patrol",
        "autopatrol",
        "protect",
        "editprotected",
        "rollback",
        "upload",
        "reupload",
        "reupload-shared",
        "unwatchedpages",
        "autoconfirmed",
        "editsemiprotected",
        "ipblock-exempt",
        "blockemail",
        "markbotedits",
        "apihighlimits",
        "browsearchive",
        "noratelimit",
        "movefile",
        "unblockself",
        "suppressredirect",
        "mergehistory",
        "managechangetags",
        "deletechangetags",
        "deletelogentry",
        "deleterevision",
    },
    "interface-admin": {
        "editinterface",
        "editsitecss",
        "editsitejs",
        "editsitejson",
        "editusercss",
        "edituserjs",
        "edituserjson",
    },
    "bureaucrat": {"userrights", "noratelimit"},
    "suppress": {"hideuser", "suppressrevision", "viewsuppressed", "suppressionlog"},
}
EXPLICIT_GROUPS = ("bot", "sysop", "interface-admin", "bureaucrat", "suppress")
IMPLICIT_GROUPS = ("*", "user", "autoconfirmed")


class InvalidUserName(EditError):
    """The user name is not valid."""

    code = "invalidusername"


class UserExists(EditError):
    """Username entered already in use. Please choose a different name."""

    code = "userexists"


def is_ip(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
        return True
    except ValueError:
        return False


def normalize_user_name(name: str) -> str:
    """A user name as MediaWiki stores it (a valid User: title, spaces, first letter upper)."""
    try:
        title = parse_title(name)
    except InvalidTitle as e:
        raise InvalidUserName(f'The user name "{name}" is not valid: {e}') from e
    if title.namespace != 0 or "/" in title.dbkey or title.fragment or "@" in title.dbkey:
        raise InvalidUserName(f'The user name "{name}" is not valid.')
    if is_ip(title.text):
        raise InvalidUserName(f'The user name "{name}" is an IP address and cannot be used.')
    return title.text


def user_groups(user: Any) -> list[str]:
    """Every group of `user`, implicit ones first (MediaWiki's getEffectiveGroups)."""
    if user is None or not getattr(user, "is_authenticated", False):
        return ["*"]
    cached = getattr(user, "_wiki_groups", None)
    if cached is None:
        now = timezone.now()
        explicit = [
            g.group
            for g in UserGroup.objects.filter(user=user)
            if g.expiry is None or g.expiry > now
        ]
        if user.is_superuser and "sysop" not in explicit:
            explicit += ["sysop", "bureaucrat"]
        cached = ["*", "user", "autoconfirmed", *sorted(set(explicit))]
        user._wiki_groups = cached
    return list(cached)


def user_rights(user: Any) -> set[str]:
    rights: set[str] = set()
    for group in user_groups(user):
        rights |= GROUP_RIGHTS.get(group, set())
    return rights


def has_right(user: Any, right: str) -> bool:
    return right in user_rights(user)


def require_right(user: Any, right: str, message: str = "") -> None:
    if not has_right(user, right):
        raise PermissionDenied(
            message or f'You do not have permission to do that (the "{right}" right).', right
        )


def set_groups(user: AbstractBaseUser, add: list[str] = (), remove: list[str] = ()) -> list[str]:  # type: ignore[assignment]
    """Add and remove explicit groups; returns the explicit groups afterwards."""
    for g in add:
        if g not in GROUP_RIGHTS or g in IMPLICIT_GROUPS:
            raise EditError(f'Unknown group "{g}".')
        UserGroup.objects.get_or_create(user=user, group=g)
    UserGroup.objects.filter(user=user, group__in=list(remove)).delete()
    if hasattr(user, "_wiki_groups"):
        del user._wiki_groups
    return sorted(UserGroup.objects.filter(user=user).values_list("group", flat=True))


def actor_for(who: Any) -> Actor:
    """The Actor of a Django user, an AnonymousUser with an IP, an IP string or an Actor."""
    if isinstance(who, Actor):
        return who
    if isinstance(who, AnonymousUser) or who is None:
        return actor_for_name("127.0.0.1")
    if isinstance(who, str):
        return actor_for_name(who)
    actor = Actor.objects.filter(user=who).first()
    if actor is not None:
        return actor
    name = who.get_username()
    actor, _ = Actor.objects.get_or_create(name=name, defaults={"user": who})
    if actor.user_id is None:
        actor.user = who
        actor.imported = False
        actor.save(update_fields=["user", "imported"])
    return actor


def actor_for_name(name: str, imported: bool = False, imported_user_id: int = 0) -> Actor:
    """The Actor with this name, created if new (an IP, or an imported contributor name)."""
    actor = Actor.objects.filter(name=name).first()
    if actor is not None:
        return actor
    try:
        with transaction.atomic():
            return Actor.objects.create(
                name=name,
                imported=imported and not is_ip(name),
                imported_user_id=imported_user_id,
            )
    except IntegrityError:
        return Actor.objects.get(name=name)


def request_actor(request: Any) -> Actor:
    """The actor of a web request: the logged-in user, or the client's IP address."""
    if request.user.is_authenticated:
        return actor_for(request.user)
    return actor_for_name(request.META.get("REMOTE_ADDR") or "127.0.0.1")


def create_user(
    name: str,
    password: str,
    *,
    email: str = "",
    groups: list[str] = (),  # type: ignore[assignment]
    admin: bool = False,
    creator: Any = None,
    reason: str = "",
) -> AbstractBaseUser:
    """Create an account (MediaWiki's createaccount) and its newusers log entry.

    `admin` adds the sysop and bureaucrat groups. An actor already known from an import
    under the same name is attached to the new account, so its edits become the user's.
    """
    from .log import add_log_entry

    name = normalize_user_name(name)
    User = get_user_model()
    with transaction.atomic():
        if User.objects.filter(username=name).exists():
            raise UserExists()
        user = User.objects.create_user(username=name, email=email, password=password)
        if admin:
            user.is_staff = True
            user.save(update_fields=["is_staff"])
        actor = Actor.objects.filter(name=name).first()
        if actor is None:
            actor = Actor.objects.create(name=name, user=user)
        else:
            actor.user = user
            actor.imported = False
            actor.save(update_fields=["user", "imported"])
        set_groups(user, add=[*groups, *(["sysop", "bureaucrat"] if admin else [])])
        performer = actor_for(creator) if creator is not None else actor
        add_log_entry(
            "newusers",
            "create" if performer.pk == actor.pk else "create2",
            performer,
            parse_title(f"User:{name}"),
            comment=reason,
            params={"4::userid": user.pk},
        )
    return user
