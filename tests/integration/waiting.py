"""Waiting for a background worker, and skipping what needs Redis outside ``make test``."""

import time

import pytest
from django.conf import settings

needs_redis = pytest.mark.skipif(
    not settings.REDIS_URL, reason="needs REDIS_URL (make test always sets it)"
)


def wait_for(condition, seconds=15.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return False
