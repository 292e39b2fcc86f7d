"""The Wagtail Site and root page are resolved once per content version, not per request."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

pytestmark = pytest.mark.django_db


def _site_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return [q["sql"] for q in queries if "wagtailcore_site" in q["sql"]]


def test_site_is_not_queried_again_while_content_is_unchanged(signed_in, steps):
    signed_in.get(steps[0].url)
    assert _site_queries(signed_in, steps[0].url) == []
    assert _site_queries(signed_in, "/") == []


def test_saving_a_site_refreshes_the_memo(signed_in, steps):
    signed_in.get(steps[0].url)
    site = Site.objects.get(is_default_site=True)
    site.site_name = "Samenredzaam test"
    site.save()
    assert _site_queries(signed_in, steps[0].url) != []


def test_publishing_the_home_page_shows_its_new_text(client, steps):
    from website.models import HomePage

    client.get("/mijn-voortgang/")
    home = HomePage.objects.get()
    home.intro = "<p>Welkom bij de nieuwe tekst.</p>"
    home.save_revision().publish()
    assert "Welkom bij de nieuwe tekst." in client.get("/").content.decode()
