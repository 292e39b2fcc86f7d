"""Machina's ``forum_permission`` with a permission checker that caches (``checker``)."""
