"""Reading ahead: keys fetched together in one Redis round trip answer the reads that
follow, once each, and never hide a write (``core.cache.reading_ahead``)."""

import pytest
from django.core.cache import cache

from core.cache import read_ahead, reading_ahead


@pytest.fixture
def stored():
    cache.set_many({"ahead:a": 1, "ahead:b": {"nested": [2]}, "ahead:none": None})
    return {"ahead:a": 1, "ahead:b": {"nested": [2]}, "ahead:none": None}


def test_keys_read_ahead_answer_the_reads_that_follow_in_one_round_trip(stored, redis_commands):
    with redis_commands() as counted, reading_ahead():
        found = read_ahead(["ahead:a", "ahead:b", "ahead:none", "ahead:missing"])
        assert found == stored
        assert cache.get("ahead:a") == 1
        assert cache.get_many(["ahead:b", "ahead:missing"]) == {"ahead:b": {"nested": [2]}}
        assert cache.get("ahead:none", "default") is None
    assert counted == {"mget": 1}


def test_a_key_read_ahead_but_absent_answers_the_default_without_asking(redis_commands):
    with redis_commands() as counted, reading_ahead():
        assert read_ahead(["ahead:missing"]) == {}
        assert cache.get("ahead:missing", "default") == "default"
    assert counted == {"mget": 1}


def test_only_the_first_read_is_answered_from_memory(stored, redis_commands):
    with reading_ahead():
        read_ahead(["ahead:a", "ahead:b"])
        assert cache.get("ahead:a") == 1
        with redis_commands() as counted:
            assert cache.get("ahead:a") == 1
            found = cache.get_many(["ahead:a", "ahead:b"])
        assert found == {"ahead:a": 1, "ahead:b": {"nested": [2]}}
    # The second read of "a" asks Redis; in the get_many, "b" still came from memory.
    assert counted == {"get": 1, "mget": 1}


@pytest.mark.parametrize(
    "write",
    [
        lambda: cache.set("ahead:a", 10),
        lambda: cache.set_many({"ahead:a": 10}),
        lambda: cache.delete("ahead:a") and cache.add("ahead:a", 10),
        lambda: cache.delete_many(["ahead:a"]) or cache.add("ahead:a", 10),
        lambda: cache.incr("ahead:a", 9),
    ],
    ids=["set", "set_many", "delete-add", "delete_many-add", "incr"],
)
def test_a_write_after_reading_ahead_is_what_the_next_read_sees(stored, write):
    with reading_ahead():
        read_ahead(["ahead:a", "ahead:b"])
        write()
        assert cache.get("ahead:a") == 10
        assert cache.get_many(["ahead:a"]) == {"ahead:a": 10}


def test_a_write_by_someone_else_after_the_first_read_is_seen(stored):
    with reading_ahead():
        read_ahead(["ahead:a"])
        assert cache.get("ahead:a") == 1
        # Another process (here: below the memory, straight in Redis) changes the key.
        cache._cache.get_client(write=True).set(cache.make_key("ahead:a"), b"20")
        assert cache.get("ahead:a") == 20


def test_outside_a_scope_nothing_is_remembered(stored, redis_commands):
    with redis_commands() as counted:
        assert read_ahead(["ahead:a"]) == {"ahead:a": 1}
        assert cache.get("ahead:a") == 1
    assert counted == {"mget": 1, "get": 1}

    with reading_ahead():
        read_ahead(["ahead:a"])
    with redis_commands() as counted:
        assert cache.get("ahead:a") == 1  # the scope's memory ended with it
    assert counted == {"get": 1}


def test_clear_forgets_what_was_read_ahead(stored):
    with reading_ahead():
        read_ahead(["ahead:a"])
        cache.clear()
        assert cache.get("ahead:a") is None
