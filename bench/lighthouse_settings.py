"""Settings for the Lighthouse stage of ``make bench`` (``bench/lighthouse.py``).

The bench's settings (``bench/settings.py``: production with DEBUG off) with the static
files as production serves them: ``collectstatic`` into ``STATIC_ROOT`` (a temporary
folder the stage names in the environment) with WhiteNoise's compressed manifest storage,
so the pages link hashed, gzipped files with far-future cache headers. A database and a
Redis db of the stage's own hold the demo content, so it never disturbs the other stages.
"""

from urllib.parse import urlsplit, urlunsplit

from bench.settings import *  # noqa: F403
from bench.settings import CACHES, DATABASES, REDIS_URL
from website.settings.base import STORAGES as PRODUCTION_STORAGES

LIGHTHOUSE_DATABASE_NAME = "samenredzaam_lighthouse"
LIGHTHOUSE_REDIS_DB = 11  # the HTTP bench uses db 9, the search bench db 10

DATABASES = {"default": {**DATABASES["default"], "NAME": LIGHTHOUSE_DATABASE_NAME}}

REDIS_URL = urlunsplit(urlsplit(REDIS_URL)._replace(path=f"/{LIGHTHOUSE_REDIS_DB}"))
CACHES = {
    **CACHES,
    "default": {**CACHES["default"], "LOCATION": REDIS_URL, "KEY_PREFIX": "bench-lighthouse"},
}
CELERY_BROKER_URL = REDIS_URL

STORAGES = PRODUCTION_STORAGES
ROOT_URLCONF = "website.urls"  # the site's own URLs, without the bench-only pages
