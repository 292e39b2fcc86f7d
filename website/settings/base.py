"""Base settings, read entirely from environment variables (django-environ).

With no variables set this is the embedded default: SQLite, eager Celery,
the locmem cache and console email. Each integration (Celery, Wagtail,
allauth) has its own small module, imported at the bottom.
"""

from pathlib import Path

import environ
from django.utils.translation import gettext_lazy as _
from machina import MACHINA_MAIN_TEMPLATE_DIR

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()

# A throwaway key for the embedded default only; production.py insists on a real one.
SECRET_KEY = env("SECRET_KEY", default="embedded-default-insecure-key-do-not-use-in-production")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "website",
    "core",
    "accounts",
    "learning",
    "machina",
    "machina.apps.forum",
    "machina.apps.forum_conversation",
    "machina.apps.forum_conversation.forum_attachments",
    "machina.apps.forum_conversation.forum_polls",
    "machina.apps.forum_feeds",
    "machina.apps.forum_moderation",
    "machina.apps.forum_tracking",
    "machina.apps.forum_member",
    # Machina's permissions app with our cached checker (forum/machina_apps/__init__.py).
    "forum.machina_apps.forum_permission",
    # After machina's apps: see forum/apps.py. No haystack / forum_search (DESIGN.md).
    "forum",
    "team",
    "network",
    "nearby",
    "search",
    # At the top with the shell: imports every domain app, and none imports it.
    "demo",
    "mptt",
    "widget_tweaks",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "allauth",
    "allauth.account",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "core.csp.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "website.middleware.ClearSiteDataMiddleware",
    "accounts.middleware.SiteLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "forum.middleware.ForumPermissionMiddleware",
    "core.lowdata.LowDataMiddleware",
    "core.middleware.VersionsMiddleware",
    "core.middleware.AnonymousPageCacheMiddleware",
    "core.sites.SiteMemoMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "website.urls"
WSGI_APPLICATION = "website.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        # Our overrides of machina's templates come before machina's own folder.
        "DIRS": [
            BASE_DIR / "website" / "templates",
            BASE_DIR / "forum" / "machina_templates",
            MACHINA_MAIN_TEMPLATE_DIR,
        ],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "core.context_processors.site",
                "machina.core.context_processors.metadata",
            ],
        },
    },
]

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=0)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

# Django's own tables keep AutoField: with BigAutoField machina (issue 3) would
# want to write migrations into site-packages. Our apps set BigAutoField in AppConfig.
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"

AUTH_USER_MODEL = "accounts.User"
# The overridden machina app keeps machina's tables, so it keeps machina's migrations.
MIGRATION_MODULES = {"forum_permission": "machina.apps.forum_permission.migrations"}

REDIS_URL = env("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "core.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env("CACHE_KEY_PREFIX", default="sr"),
            # Fail fast: a down Redis must slow a request by milliseconds, not seconds.
            "OPTIONS": {"socket_connect_timeout": 0.3, "socket_timeout": 0.5},
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    SESSION_ENGINE = "django.contrib.sessions.backends.db"
# The page chrome (core.fragments.shared_fragment), per process: it depends on the code
# and the language only, so processes never disagree and a deploy starts afresh.
CACHES["fragments"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "shared-fragments",
    "OPTIONS": {"MAX_ENTRIES": 1000},
}
# Machina insists on this cache at import time; attachments are not permitted here,
# so it never holds anything.
CACHES["machina_attachments"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "machina-attachments",
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 8},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = env("STATIC_ROOT", default=str(BASE_DIR / "staticfiles"))
MEDIA_URL = "/media/"
MEDIA_ROOT = env("MEDIA_ROOT", default=str(BASE_DIR / "media"))
# Files browsers ask for at the site root (/favicon.ico), served by WhiteNoise.
WHITENOISE_ROOT = BASE_DIR / "website" / "root"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

EMAIL_CONFIG = env.email("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="Samenredzaam <noreply@samenredzaam.nl>")

LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"
# Where a worker lands after signing in without a ``next`` (accounts.adapter).
WORKER_LOGIN_REDIRECT_URL = "team:clients"

MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"

# Admin paths are settings so production can move them away from the usual guesses.
WAGTAIL_ADMIN_PATH = env("WAGTAIL_ADMIN_PATH", default="beheer/")
DJANGO_ADMIN_PATH = env("DJANGO_ADMIN_PATH", default="django-beheer/")

# Anonymous first-visit pages are cached whole (core.middleware); the version key
# is bumped on every publish, so this is only an upper bound on staleness of nothing.
ANONYMOUS_PAGE_CACHE_SECONDS = env.int("ANONYMOUS_PAGE_CACHE_SECONDS", default=600)

# "Snel weg" (on the forum and help pages) leaves for this neutral site at once.
QUICK_EXIT_URL = env("QUICK_EXIT_URL", default="https://www.google.nl/")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {"django.db.backends": {"level": "INFO"}},
}

from .allauth import *  # noqa: E402,F403
from .celery import *  # noqa: E402,F403
from .forum import *  # noqa: E402,F403
from .nearby import *  # noqa: E402,F403
from .network import *  # noqa: E402,F403
from .search import *  # noqa: E402,F403
from .security import *  # noqa: E402,F403
from .team import *  # noqa: E402,F403
from .wagtail import *  # noqa: E402,F403

# The Wagtail and Django admins need inline scripts and styles; our own pages need none.
CONTENT_SECURITY_POLICY["EXCLUDE_URL_PREFIXES"] = [  # noqa: F405
    "/" + WAGTAIL_ADMIN_PATH,
    "/" + DJANGO_ADMIN_PATH,
]
