"""URLs: Dutch, short and stable. Wagtail serves everything not matched above it."""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from accounts import views as account_views
from core import views
from learning import urls as learning_urls
from website import views as website_views

urlpatterns = [
    path("health/", views.health, name="health"),
    path("ready/", views.ready, name="ready"),
    path("manifest.webmanifest", website_views.manifest, name="manifest"),
    path("sw.js", website_views.service_worker, name="service_worker"),
    path("offline/", website_views.offline, name="offline"),
    path("taal/", account_views.set_language, name="set_language"),
    path("account/", include("accounts.urls")),
    path("account/", include("allauth.urls")),
    path(settings.WAGTAIL_ADMIN_PATH, include(wagtailadmin_urls)),
    path(settings.DJANGO_ADMIN_PATH, admin.site.urls),
    path("documenten/", include(wagtaildocs_urls)),
    path("forum/", include("forum.urls")),
    path("team/", include("team.urls")),
    path("netwerk/", include("network.urls")),
    path("in-de-buurt/", include("nearby.urls")),
    path("zoeken/", include("search.urls")),
    path("hulp/", website_views.help_page, name="help"),
    path("weinig-data/", website_views.low_data_switch, name="low_data"),
    path("", include(learning_urls)),
    path("", include(wagtail_urls)),
]

handler400 = "core.views.bad_request"
handler404 = "core.views.page_not_found"
handler500 = "core.views.server_error"
handler429 = "core.views.too_many_requests"
