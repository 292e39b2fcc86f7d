"""The one version-counter implementation (core.versions), on the real Redis: counters
every process agrees on, bumps now and at commit, and each counter read once per request."""

import pytest
from django.core.cache import cache

from core import versions

pytestmark = pytest.mark.django_db


def test_a_missing_counter_starts_from_the_clock_and_every_reader_agrees():
    first = versions.current("test:counter")
    assert first == versions.current("test:counter") == cache.get("test:counter")
    cache.delete("test:counter")  # lost with the cache
    assert versions.current("test:counter") > first  # never back to an old value


def test_a_counter_another_process_set_is_what_every_reader_gets():
    cache.set("test:theirs", 5, None)
    assert versions.current_many("test:mine", "test:theirs")[1] == 5
    assert versions.current("test:theirs") == 5


def test_a_bump_counts_now_and_again_at_commit(django_capture_on_commit_callbacks):
    before = versions.current("test:counter")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        versions.bump("test:counter")
    now = versions.current("test:counter")
    assert now != before
    for callback in callbacks:
        callback()
    assert versions.current("test:counter") not in (before, now)


def test_a_counter_is_read_once_per_scope_until_it_is_bumped(django_capture_on_commit_callbacks):
    with versions.read_once():
        first = versions.content_version()
        cache.set(versions.CONTENT_VERSION_KEY, 1, None)  # another process's bump
        assert versions.content_version() == first
        with django_capture_on_commit_callbacks(execute=True):
            versions.bump_content_version()  # this request's own bump is seen at once
        assert versions.content_version() not in (first, 1)
        assert versions.current_many("test:a", versions.CONTENT_VERSION_KEY)[1] == (
            versions.content_version()
        )
    assert versions.content_version() == cache.get(versions.CONTENT_VERSION_KEY)


def test_outside_a_scope_every_read_goes_to_the_cache():
    versions.current("test:counter")
    cache.set("test:counter", 7, None)
    assert versions.current("test:counter") == 7
