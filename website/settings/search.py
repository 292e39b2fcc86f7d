"""Search: Elasticsearch when ``ELASTICSEARCH_URL`` is set, else the database backend.

The database backend's own index is always kept too, so pages can fall back to it
when Elasticsearch does not answer.
"""

from datetime import timedelta

import environ

env = environ.Env()

SEARCH_ELASTICSEARCH_URL = env("ELASTICSEARCH_URL", default="")
SEARCH_BACKEND = env(
    "SEARCH_BACKEND",
    default="search.backends.elasticsearch.ElasticsearchBackend"
    if SEARCH_ELASTICSEARCH_URL
    else "search.backends.database.DatabaseBackend",
)
# Index names start with this (one prefix per environment sharing a cluster).
SEARCH_INDEX_PREFIX = env("SEARCH_INDEX_PREFIX", default="samenredzaam")
# The analyzer of every text field; "dutch" needs Elasticsearch's analysis-common module.
SEARCH_ELASTICSEARCH_ANALYZER = env("SEARCH_ELASTICSEARCH_ANALYZER", default="dutch")
SEARCH_ELASTICSEARCH_SHARDS = env.int("SEARCH_ELASTICSEARCH_SHARDS", default=1)
SEARCH_ELASTICSEARCH_REPLICAS = env.int("SEARCH_ELASTICSEARCH_REPLICAS", default=1)
# Seconds before a search gives up and the page falls back to the database.
SEARCH_ELASTICSEARCH_TIMEOUT = env.float("SEARCH_ELASTICSEARCH_TIMEOUT", default=2.0)
# Make written documents searchable before the bulk call returns (tests); production
# leaves it to Elasticsearch's refresh interval.
SEARCH_ELASTICSEARCH_REFRESH = env.bool("SEARCH_ELASTICSEARCH_REFRESH", default=False)
# PostgreSQL text search configuration of the database backend.
SEARCH_DATABASE_CONFIG = env("SEARCH_DATABASE_CONFIG", default="dutch")
# Drained outbox entries are kept this long, so a rebuild can replay them.
SEARCH_OUTBOX_KEEP = timedelta(hours=env.int("SEARCH_OUTBOX_KEEP_HOURS", default=24))
# Tries of an outbox entry that fails by itself (not because a backend is down) before
# it is parked and logged, so the entries after it drain.
SEARCH_OUTBOX_ATTEMPTS = env.int("SEARCH_OUTBOX_ATTEMPTS", default=5)
