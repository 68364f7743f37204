"""Password attempt throttle ($wgPasswordAttemptThrottle: 5 failures per 5 minutes for one
user name from one address), shared by action=login and action=clientlogin."""

from __future__ import annotations

import hashlib

from django.core.cache import cache

LIMIT = 5
WINDOW = 300  # seconds
MESSAGE = "You have made too many recent login attempts. Please wait 5 minutes before trying again."


def _key(name: str, address: str) -> str:
    digest = hashlib.sha1(f"{name.lower()}\n{address}".encode()).hexdigest()
    return f"api:login-throttle:{digest}"


def is_throttled(name: str, address: str) -> bool:
    return (cache.get(_key(name, address)) or 0) >= LIMIT


def failed(name: str, address: str) -> None:
    key = _key(name, address)
    if cache.add(key, 1, WINDOW):
        return
    try:
        cache.incr(key)
    except ValueError:
        cache.set(key, 1, WINDOW)


def succeeded(name: str, address: str) -> None:
    cache.delete(_key(name, address))
