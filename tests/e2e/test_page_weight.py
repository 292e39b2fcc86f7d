"""What a step page costs to download on a phone: at most 60 KB on a first visit, at most
15 KB for the next step page once the browser's HTTP cache is warm.

Measured as production serves it. Django's ``live_server`` hands /static/ to the
staticfiles handler (files as they are on disk, uncompressed, no cache headers), so the
pages here are served by a live server thread of our own that leaves /static/ to the
site's middleware: WhiteNoise, serving what ``collectstatic`` wrote with the compressed
manifest storage into a temporary STATIC_ROOT (hashed names with far-future cache headers,
gzip when the browser asks for it), exactly as under gunicorn. HTML is not compressed in
production (no GZip middleware, and gunicorn does not compress), so the page's HTML counts
as sent, uncompressed. The content is the shipped demo content (``load_demo``).

The figure per file is what went over the wire, headers included (Playwright's request
sizes, from Chromium's own count: nothing for a file the HTTP cache answered). Headless
Chromium does not fetch the web app manifest by itself, as a phone's browser does to offer
installing the site, so the test fetches it from the page.

For the revisit the service worker is blocked: it would answer the second visit's files
itself, so the revisit would not be the browser's HTTP cache at work. A first visit is
also measured with the worker allowed: what it fetches as it installs (the offline page;
the shell's hashed files come from the HTTP cache) counts towards the 60 KB.
"""

from collections import defaultdict

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.core.management import call_command
from django.test.testcases import LiveServerThread

from learning.selectors import catalog
from website.settings.base import STORAGES as PRODUCTION_STORAGES
from website.views import _worker_script

from ..factories import home_page
from .conftest import PHONE

pytestmark = pytest.mark.django_db(transaction=True)

KB = 1000
FIRST_VISIT_BUDGET = 60 * KB
REVISIT_BUDGET = 15 * KB

WORKER_READY = """async () => {
  const registration = await navigator.serviceWorker.ready;
  return Boolean(registration.active);
}"""
FETCH_MANIFEST = """async () => {
  const link = document.querySelector('link[rel="manifest"]');
  await (await fetch(link.href)).text();
}"""


class ProductionServerThread(LiveServerThread):
    """A live server whose requests all go through the site's WSGI handler, /static/
    included, so WhiteNoise serves the static files as it does in production."""

    def __init__(self, host):
        super().__init__(host, static_handler=_no_static_handler)


def _no_static_handler(handler: WSGIHandler) -> WSGIHandler:
    return handler


@pytest.fixture
def production_site(settings, tmp_path):
    """The demo content served with production's static files; yields the base URL."""
    settings.STATIC_ROOT = str(tmp_path / "static")
    settings.STORAGES = PRODUCTION_STORAGES
    settings.WHITENOISE_AUTOREFRESH = False  # production: files indexed once, at start
    settings.ALLOWED_HOSTS = ["127.0.0.1"]
    call_command("collectstatic", interactive=False, verbosity=0)
    # The worker's script names the shell's files once per process: here by their hashed
    # names, as in production (an earlier test in this process saw the plain ones).
    _worker_script.cache_clear()
    home_page()  # gone after an earlier transactional test's flush; the demo goes under it
    call_command("load_demo", verbosity=0)
    thread = ProductionServerThread("127.0.0.1")
    thread.daemon = True
    thread.start()
    thread.is_ready.wait()
    if thread.error:
        raise thread.error
    yield f"http://127.0.0.1:{thread.port}"
    thread.terminate()
    _worker_script.cache_clear()


def _transfers(context) -> list[tuple[str, str, int, str]]:
    """(resource type, URL, bytes over the wire, content encoding) of every request the
    context finishes from now on; a file the HTTP cache answered counts 0."""
    seen = []

    def finished(request):
        sizes = request.sizes()
        wire = max(0, sizes["responseHeadersSize"] + sizes["responseBodySize"])
        encoding = request.response().headers.get("content-encoding", "")
        seen.append((request.resource_type, request.url, wire, encoding))

    context.on("requestfinished", finished)
    return seen


def _visit(page, url: str, seen: list) -> dict[str, int]:
    """Open ``url`` as a phone does (page, files, icon, manifest); the bytes per resource
    type."""
    seen.clear()
    page.goto(url)
    page.evaluate(FETCH_MANIFEST)
    page.wait_for_load_state("networkidle")
    by_type = defaultdict(int)
    for resource_type, _url, wire, _encoding in seen:
        by_type[resource_type] += wire
    return dict(by_type)


def test_a_step_page_is_light_on_a_first_visit_and_on_the_next_step(browser, production_site):
    current = catalog()
    module = current.modules[current.topics[0].module_ids[0]]
    first, second = (current.steps[step_id] for step_id in module.step_ids[1:3])
    context = browser.new_context(
        viewport=PHONE, locale="nl-NL", base_url=production_site, service_workers="block"
    )
    page = context.new_page()
    seen = _transfers(context)

    first_visit = _visit(page, first.url, seen)
    fetched = {url.removeprefix(production_site): encoding for _t, url, _w, encoding in seen}
    revisit = _visit(page, second.url, seen)
    context.close()

    print(f"\nfirst visit {first.url}: {sum(first_visit.values())} bytes {first_visit}")
    print(f"revisit {second.url}: {sum(revisit.values())} bytes {revisit}")
    # Really a styled, scripted page with its icon and manifest, from hashed static files.
    assert {"document", "stylesheet", "script", "fetch"} <= first_visit.keys()
    nlds = [path for path in fetched if path.startswith("/static/vendor/nlds/nlds.")]
    assert nlds != ["/static/vendor/nlds/nlds.css"]  # the hashed name
    assert fetched[nlds[0]] == "gzip"
    assert sum(first_visit.values()) <= FIRST_VISIT_BUDGET
    assert sum(revisit.values()) <= REVISIT_BUDGET


def test_a_first_visit_stays_light_with_the_service_worker_installing(browser, production_site):
    current = catalog()
    module = current.modules[current.topics[0].module_ids[0]]
    step = current.steps[module.step_ids[1]]
    context = browser.new_context(viewport=PHONE, locale="nl-NL", base_url=production_site)
    page = context.new_page()
    seen = _transfers(context)

    first_visit = _visit(page, step.url, seen)
    assert page.evaluate(WORKER_READY)
    page.wait_for_load_state("networkidle")
    total = sum(wire for _type, _url, wire, _encoding in seen)
    urls = [url.removeprefix(production_site) for _type, url, _wire, _encoding in seen]
    context.close()

    print(f"\nfirst visit with the worker {step.url}: {total} bytes {first_visit} {urls}")
    assert "/sw.js" in urls and "/offline/" in urls  # it installed, and precached
    assert total <= FIRST_VISIT_BUDGET
