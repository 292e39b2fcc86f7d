"""Wagtail: site name, search backend and admin behaviour."""

import environ

env = environ.Env()

WAGTAIL_SITE_NAME = "Samenredzaam"
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAIL_I18N_ENABLED = False
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "txt"]

# The plain-language check on every step (learning.readability): below this Flesch-Douma
# reading ease the editor is warned on save and publish (B1, the level our clients read).
LEARNING_READING_EASE_THRESHOLD = env.float("LEARNING_READING_EASE_THRESHOLD", default=65)
