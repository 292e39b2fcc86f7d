"""Dutch word forms, one notion for every backend: Snowball's Dutch stemmer ("brieven"
and "brief" give "brief", "banen" and "baan" give "baan"). Elasticsearch stems the
texts it indexes with it; the database backend stems its vocabulary, so a query word
also matches the indexed words that share its stem."""

from __future__ import annotations

from functools import lru_cache

import snowballstemmer


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The Dutch stem of ``word``, lower case."""
    # A stemmer per call: stemmers keep state while they work, and a call is rare
    # enough once cached.
    return snowballstemmer.stemmer("dutch").stemWord(word.lower())
