"""Settings for ``make bench``: production settings on a bench-only database and Redis db.

Everything that makes production different from development stays (DEBUG off,
PostgreSQL, Redis cache and sessions, persistent connections, every
middleware); only what a plain-HTTP loopback run cannot have is switched off
(HTTPS redirects and secure cookies), and data goes to a database and a Redis
db of its own, so a run never touches development or test data. ``BENCH_DATABASE_NAME``
names another database, for two benches on one PostgreSQL server.
"""

import os
from urllib.parse import urlsplit, urlunsplit

from django.core.exceptions import ImproperlyConfigured

BENCH_SECRET_KEY = "bench-only-secret-key-never-used-for-a-real-site-0123456789"
BENCH_HOSTS = ["127.0.0.1", "localhost"]
BENCH_DATABASE_NAME = os.environ.get("BENCH_DATABASE_NAME", "samenredzaam_bench")
BENCH_REDIS_DB = 9  # dev and tests use db 0 (and flush it)

# production.py insists on these; the bench values are set again below either way.
os.environ.setdefault("SECRET_KEY", BENCH_SECRET_KEY)
os.environ.setdefault("ALLOWED_HOSTS", ",".join(BENCH_HOSTS))

from website.settings.production import *  # noqa: E402,F403
from website.settings.production import CACHES, DATABASES, LOGGING, REDIS_URL  # noqa: E402


def _bench_redis_url(url: str) -> str:
    """``url`` pointing at the bench's own Redis db."""
    if not url:
        raise ImproperlyConfigured("make bench needs REDIS_URL (scripts/with-services.sh sets it)")
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{BENCH_REDIS_DB}"))


if "postgresql" not in DATABASES["default"]["ENGINE"]:
    raise ImproperlyConfigured("make bench needs a PostgreSQL DATABASE_URL")

SECRET_KEY = BENCH_SECRET_KEY
DEBUG = False
ALLOWED_HOSTS = BENCH_HOSTS
ROOT_URLCONF = "bench.urls"

DATABASES["default"]["NAME"] = BENCH_DATABASE_NAME
DATABASES["default"]["CONN_MAX_AGE"] = 60

REDIS_URL = _bench_redis_url(REDIS_URL)
CACHES = {
    **CACHES,  # machina's and the page chrome's, in memory as in production
    "default": {
        "BACKEND": "core.cache.ResilientRedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": "bench",
    },
}
CELERY_BROKER_URL = REDIS_URL

# The page bench measures the pages over the database (the truth); it fills no
# Elasticsearch index. Search through Elasticsearch is measured by bench/search_bench.py.
SEARCH_BACKEND = "search.backends.database.DatabaseBackend"

SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False

# Plain storage: templates resolve {% static %} without a collectstatic manifest.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Publishing 260 generated pages logs every background task and page action at INFO,
# and the forum tree sync lists every forum it creates.
LOGGING = {
    **LOGGING,
    "loggers": {
        **LOGGING["loggers"],
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
        "forum.services": {"level": "WARNING"},
    },
}
