"""Tests: the real PostgreSQL, Redis and Elasticsearch from ``make test`` when their URLs
are set.

Under ``CI=true`` all three must be set: a missing service fails the run instead of
quietly testing against SQLite.
"""

import os

from .base import *  # noqa: F403
from .base import env

if env.bool("CI", default=False):
    missing = [
        name
        for name in ("DATABASE_URL", "REDIS_URL", "ELASTICSEARCH_URL")
        if not os.environ.get(name)
    ]
    if missing:
        raise RuntimeError(
            f"CI=true but {', '.join(missing)} not set: run the suite via `make test`"
        )

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {  # noqa: F405
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Unit and integration tests run tasks in-process; the broker test starts a real worker.
CELERY_TASK_ALWAYS_EAGER = True
WHITENOISE_AUTOREFRESH = True
LOGGING["root"]["level"] = "WARNING"  # noqa: F405

# The database backend by default; the Elasticsearch tests switch to the real cluster
# that `make test` starts (ELASTICSEARCH_URL), under a prefix of their own.
SEARCH_BACKEND = "search.backends.database.DatabaseBackend"
SEARCH_INDEX_PREFIX = "test"
SEARCH_ELASTICSEARCH_ANALYZER = env("SEARCH_ELASTICSEARCH_ANALYZER", default="standard")
SEARCH_ELASTICSEARCH_REPLICAS = 0
SEARCH_ELASTICSEARCH_REFRESH = True
