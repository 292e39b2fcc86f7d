"""Installable and offline: the favicon, the icons, the web app manifest, the service
worker's script, the offline page, and the browser forgetting its offline copies when
who is signed in changes. (What the service worker does in a browser: tests/e2e.)"""

import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from PIL import Image

from ..factories import PASSWORD

pytestmark = pytest.mark.django_db


class _HeadLinks(HTMLParser):
    """The ``<link>`` and ``<meta>`` elements of a page, and its scripts."""

    def __init__(self):
        super().__init__()
        self.links, self.metas, self.scripts = [], [], []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        {"link": self.links, "meta": self.metas, "script": self.scripts}.get(tag, []).append(
            attributes
        )


def _head(html: str) -> _HeadLinks:
    parser = _HeadLinks()
    parser.feed(html)
    return parser


def _body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def _fetch(client, url: str) -> bytes:
    """What the browser gets at ``url``. Static files come from the app folders, as the
    test server (and collectstatic for WhiteNoise) finds them."""
    if url.startswith(settings.STATIC_URL):
        found = finders.find(url.removeprefix(settings.STATIC_URL))
        assert found, url
        return Path(found).read_bytes()
    response = client.get(url)
    assert response.status_code == 200, url
    return _body(response)


def _image(client, url: str) -> Image.Image:
    return Image.open(io.BytesIO(_fetch(client, url)))


def test_favicon_ico_is_served_at_the_root(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] in ("image/x-icon", "image/vnd.microsoft.icon")
    icon = Image.open(io.BytesIO(_body(response)))
    assert icon.format == "ICO"
    assert (32, 32) in icon.info["sizes"]


def test_pages_link_the_icons_and_the_manifest(client, steps):
    head = _head(client.get(steps[0].url).content.decode())
    links = {link["rel"]: link for link in head.links}
    assert links["manifest"]["href"] == "/manifest.webmanifest"
    icons = [link for link in head.links if link["rel"] == "icon"]
    assert {icon.get("type") for icon in icons} >= {"image/svg+xml"}
    assert "/favicon.ico" in {icon["href"] for icon in icons}
    svg = next(icon for icon in icons if icon.get("type") == "image/svg+xml")
    assert b"<svg" in _fetch(client, svg["href"])
    assert _image(client, links["apple-touch-icon"]["href"]).size == (180, 180)
    assert {"name": "theme-color", "content": "#0b5d52"} in head.metas


def test_manifest_is_valid_json_with_what_an_install_needs(client):
    response = client.get("/manifest.webmanifest")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/manifest+json"
    manifest = json.loads(response.content)
    assert manifest["name"] == "Samenredzaam"
    assert manifest["short_name"] == "Samenredzaam"
    assert manifest["lang"] == "nl"
    assert manifest["start_url"] == "/"
    assert manifest["scope"] == "/"
    assert manifest["display"] == "standalone"
    assert re.fullmatch(r"#[0-9a-f]{6}", manifest["theme_color"])
    assert re.fullmatch(r"#[0-9a-f]{6}", manifest["background_color"])
    assert manifest["description"]
    sizes = {}
    for icon in manifest["icons"]:
        if icon["type"] == "image/svg+xml":
            assert b"<svg" in _fetch(client, icon["src"])
            continue
        image = _image(client, icon["src"])
        assert image.format == "PNG"
        width, height = image.size
        assert icon["sizes"] == f"{width}x{height}"
        sizes.setdefault(icon.get("purpose", "any"), set()).add(image.size)
    assert {(192, 192), (512, 512)} <= sizes["any"]
    assert (512, 512) in sizes["maskable"]


def test_manifest_speaks_the_visitors_language(english_client):
    manifest = json.loads(english_client.get("/manifest.webmanifest").content)
    assert manifest["lang"] == "en"
    assert manifest["name"] == "Samenredzaam"


def _worker_config(client) -> tuple[dict, str]:
    response = client.get("/sw.js")
    body = response.content.decode()
    config = json.loads(re.search(r"^self\.SAMENREDZAAM_OFFLINE = (\{.*\});$", body, re.M)[1])
    code = re.search(r'^importScripts\("([^"]+)"\);$', body, re.M)[1]
    return config, code


def test_service_worker_script_is_served_at_the_root_uncached(client):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    # The browser must ask every time: a deploy brings a new worker and a new cache.
    assert "no-cache" in response["Cache-Control"]
    # Served from the root, its scope is the whole site (no Service-Worker-Allowed needed).
    config, code = _worker_config(client)
    assert b"addEventListener" in _fetch(client, code)
    assert re.fullmatch(r"[0-9a-f]{12}", config["version"])


def test_service_worker_keeps_the_shell_and_only_learning_pages(client, steps):
    config, _code = _worker_config(client)
    assert "/offline/" in config["precache"]
    assert any(url.endswith(".css") for url in config["precache"])
    for url in config["precache"]:
        assert _fetch(client, url)
    assert config["offline"] == "/offline/"
    # Only learning pages are kept (a shared phone): the steps and modules under /leren/.
    assert config["pages"] == "/leren/"
    assert steps[0].url.startswith(config["pages"])
    # The step's own actions, which may wait in the queue until the connection returns.
    for action in config["actions"]:
        assert client.post(steps[0].url + action).status_code in (302, 400)


def test_offline_page_explains_in_dutch_and_holds_no_personal_data(signed_in, learner_user):
    response = signed_in.get("/offline/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Je bent offline" in html
    assert 'lang="nl"' in html
    assert "data-offline-pages" in html
    # Kept in the browser's cache: nothing of the person it was fetched for.
    assert learner_user.username not in html
    assert learner_user.public_name not in html


def test_offline_page_in_english(english_client):
    assert "You are offline" in english_client.get("/offline/").content.decode()


def test_signing_in_and_out_makes_the_browser_forget_its_offline_copies(client, learner_user):
    # A shared phone: the next person must not find the pages the last one kept.
    assert "Clear-Site-Data" not in client.get("/account/login/")
    login = client.post("/account/login/", {"login": learner_user.username, "password": PASSWORD})
    assert login.status_code == 302
    assert _clears_caches_and_storage(login)
    assert "Clear-Site-Data" not in client.get("/mijn-voortgang/")
    logout = client.post("/account/logout/")
    assert logout.status_code == 302
    assert _clears_caches_and_storage(logout)


def _clears_caches_and_storage(response) -> bool:
    directives = {part.strip() for part in response.get("Clear-Site-Data", "").split(",")}
    return {'"cache"', '"storage"'} <= directives


def test_the_worker_keeps_every_stylesheet_and_script_of_the_page_shell(client):
    # The shell is listed twice, in base.html and in website.views.SHELL: a file a page
    # loads but the worker does not keep would leave offline pages unstyled or inert.
    head = _head(client.get("/hulp/").content.decode())
    loaded = {link["href"] for link in head.links if link.get("rel") == "stylesheet"}
    loaded |= {script["src"] for script in head.scripts if script.get("src")}
    config, _code = _worker_config(client)
    assert loaded and loaded <= set(config["precache"])
