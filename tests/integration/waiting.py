"""Waiting for a background worker, and skipping what needs Redis outside ``make test``."""

import os
import time

import pytest
from django.conf import settings

# Under CI=true a missing Redis is a failure, never a skip: the test then runs and fails.
needs_redis = pytest.mark.skipif(
    not settings.REDIS_URL and os.environ.get("CI") != "true",
    reason="needs REDIS_URL (make test always sets it)",
)


def wait_for(condition, seconds=15.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return False
