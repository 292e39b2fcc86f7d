"""Settings for the search stage of ``make bench`` (``bench/search_bench.py``).

The bench's settings (``bench/settings.py``), with a PostgreSQL database and a Redis db of
the stage's own, so it never disturbs the HTTP bench's data, and Elasticsearch as the
search backend under index names of its own (``bench-*``, deleted at the end). The
test cluster has only the ``standard`` analyzer and one node (so no replicas); writes
are not refreshed one by one, as in production: a rebuild refreshes once when done.
"""

from urllib.parse import urlsplit, urlunsplit

from django.core.exceptions import ImproperlyConfigured

from bench.settings import *  # noqa: F403
from bench.settings import CACHES, DATABASES, LOGGING, REDIS_URL, SEARCH_ELASTICSEARCH_URL

SEARCH_BENCH_DATABASE_NAME = "samenredzaam_search_bench"
SEARCH_BENCH_REDIS_DB = 10  # the HTTP bench uses db 9

if not SEARCH_ELASTICSEARCH_URL:
    raise ImproperlyConfigured(
        "the search bench needs ELASTICSEARCH_URL (scripts/with-services.sh sets it)"
    )

DATABASES = {"default": {**DATABASES["default"], "NAME": SEARCH_BENCH_DATABASE_NAME}}

REDIS_URL = urlunsplit(urlsplit(REDIS_URL)._replace(path=f"/{SEARCH_BENCH_REDIS_DB}"))
CACHES = {
    **CACHES,
    "default": {**CACHES["default"], "LOCATION": REDIS_URL, "KEY_PREFIX": "bench-search"},
}
CELERY_BROKER_URL = REDIS_URL

SEARCH_BACKEND = "search.backends.elasticsearch.ElasticsearchBackend"
SEARCH_INDEX_PREFIX = "bench"
SEARCH_ELASTICSEARCH_ANALYZER = "standard"
SEARCH_ELASTICSEARCH_REPLICAS = 0
SEARCH_ELASTICSEARCH_REFRESH = False

# The Elasticsearch client logs every request at INFO.
LOGGING = {
    **LOGGING,
    "loggers": {**LOGGING["loggers"], "elastic_transport": {"level": "WARNING"}},
}
