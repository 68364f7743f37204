"""Django settings for Vellum, from environment variables with safe defaults.

VELLUM_DATA      data directory (default ./var): SQLite database, secret key, uploads
DATABASE_URL     e.g. postgres://user:pw@host/db (default: SQLite in the data directory)
REDIS_URL        e.g. redis://127.0.0.1:6379/0 for a shared cache (default: local memory)
VELLUM_DEBUG     1 to turn on Django's debug mode (never in production)
VELLUM_ALLOWED_HOSTS  comma-separated host names (default: *)
VELLUM_SERVER    canonical server URL, e.g. https://wiki.example.org
VELLUM_SITENAME  the wiki's name (default Vellum)
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import dj_database_url

DATA_DIR = Path(os.environ.get("VELLUM_DATA", "./var")).resolve()
DATA_DIR.mkdir(parents=True, exist_ok=True)


def _secret_key() -> str:
    if key := os.environ.get("VELLUM_SECRET_KEY"):
        return key
    path = DATA_DIR / "secret_key"
    if not path.exists():
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as f:
            f.write(secrets.token_urlsafe(50))
    return path.read_text().strip()


SECRET_KEY = _secret_key()
DEBUG = os.environ.get("VELLUM_DEBUG", "") == "1"
ALLOWED_HOSTS = os.environ.get("VELLUM_ALLOWED_HOSTS", "*").split(",")
SITENAME = os.environ.get("VELLUM_SITENAME", "Vellum")
SERVER = os.environ.get("VELLUM_SERVER", "")
MAX_ARTICLE_SIZE = int(os.environ.get("VELLUM_MAX_ARTICLE_SIZE", str(2048 * 1024)))

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "vellum.wiki",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "vellum.wiki.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "vellum.wiki.middleware.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "vellum.urls"
WSGI_APPLICATION = "vellum.wsgi.application"
APPEND_SLASH = False

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    }
]

if os.environ.get("DATABASE_URL"):
    DATABASES = {"default": dj_database_url.parse(os.environ["DATABASE_URL"], conn_max_age=600)}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(DATA_DIR / "vellum.sqlite3"),
            "CONN_MAX_AGE": 600,  # one connection per worker, not one per request
            "CONN_HEALTH_CHECKS": True,
            "OPTIONS": {
                "timeout": 30,
                "transaction_mode": "IMMEDIATE",
                "init_command": (
                    "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
                    "PRAGMA busy_timeout=30000; PRAGMA foreign_keys=ON;"
                ),
            },
        }
    }

if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
        }
    }
    # A cache shared by all workers can front the session table (never a per-process one:
    # a logout in one worker would not be seen by the others).
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    }

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS: list[dict[str, str]] = []

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = False
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = str(DATA_DIR / "static")
(DATA_DIR / "static").mkdir(exist_ok=True)
WHITENOISE_USE_FINDERS = True  # static files are served even before collectstatic
MEDIA_ROOT = str(DATA_DIR / "images")
MEDIA_URL = "/images/"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# Big enough that an over-long text reaches the edit form (which keeps it and explains the limit).
DATA_UPLOAD_MAX_MEMORY_SIZE = max(4 * MAX_ARTICLE_SIZE, 10 * 1024 * 1024)
FILE_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

CSRF_FAILURE_VIEW = "vellum.wiki.views.edit.csrf_failure"
WHITENOISE_MAX_AGE = 3600
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
