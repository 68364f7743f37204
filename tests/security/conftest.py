"""Fixtures of the security tests: users, a page-saving helper, fast password hashing, a
temporary upload directory and an empty cache for every test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest


@pytest.fixture(autouse=True)
def _isolated(settings, tmp_path) -> Iterator[None]:
    from django.core.cache import cache

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = str(tmp_path / "images")
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def mallory(db):
    """An editor whose name is as hostile as MediaWiki's user-name rules allow."""
    from vellum.wiki.services.users import create_user

    return create_user("Mallory\"'&amp; onmouseover=alert(1) x", "mallory-password-1")


@pytest.fixture
def admin(db):
    from vellum.wiki.services.users import create_user

    return create_user("Admin", "admin-password-1", admin=True)
