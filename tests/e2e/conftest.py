"""Browser tests: Playwright with Debian's Chromium on a live server, axe-core on each page,
the Nu Html Checker on every HTML document the server sends (tests/e2e/html_check.py)."""

import io
import os
import shutil

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth.models import Group
from django.core.management import call_command

from accounts import roles

from ..factories import PASSWORD, home_page
from .html_check import HtmlChecker, missing

# Playwright's sync API runs an event loop in this thread; the ORM calls made by
# fixtures in the same thread are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}
VIEWPORTS = {"phone": PHONE, "desktop": DESKTOP}
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM) and not os.path.exists(CHROMIUM):
        if os.environ.get("CI"):
            pytest.fail(f"Chromium not found at {CHROMIUM}; `make test` installs it")
        pytest.skip(f"Chromium not found at {CHROMIUM}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def html_checker():
    if reason := missing():
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    with HtmlChecker.running() as checker:
        yield checker


def _context(browser, live_server, viewport: dict, **options):
    context = browser.new_context(
        viewport=viewport, locale="nl-NL", base_url=live_server.url, **options
    )
    context.set_default_timeout(15_000)
    return context


def _fail_on_html_errors(watched) -> None:
    problems = [problem for documents in watched for problem in documents.problems()]
    if problems:
        pytest.fail("HTML errors (Nu Html Checker):\n" + "\n".join(problems), pytrace=False)


@pytest.fixture
def phone(browser, live_server, html_checker):
    """A fresh phone-sized page; every HTML document it receives must pass the Nu Html
    Checker (the axe checks collected on it must be clean too: see the axe fixture)."""
    context = _context(browser, live_server, PHONE)
    documents = html_checker.watch(context, origin=live_server.url)
    yield context.new_page()
    context.close()
    _fail_on_html_errors([documents])


@pytest.fixture(params=list(VIEWPORTS))
def viewport(request) -> str:
    """The test runs once per screen size: "phone" (360 × 740) and "desktop" (1280 × 800)."""
    return request.param


@pytest.fixture
def open_page(browser, live_server, viewport, html_checker):
    """Opens a fresh page at the test's screen size, each in its own browser context (its
    own cookies: another person); ``options`` go to the context, e.g.
    ``java_script_enabled=False``. Every HTML document they receive must pass the Nu Html
    Checker, as with ``phone``."""
    contexts, watched = [], []

    def open_page(**options):
        context = _context(browser, live_server, VIEWPORTS[viewport], **options)
        contexts.append(context)
        watched.append(html_checker.watch(context, origin=live_server.url))
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()
    _fail_on_html_errors(watched)


@pytest.fixture
def demo(monkeypatch):
    """The demo content and demo users as ``load_demo --with-users`` ships them, with the
    demo users' password set to the tests' own."""
    # A transactional test's flush took the site's home page and the role groups with it.
    home_page()
    for name in roles.ALL_ROLES:
        Group.objects.get_or_create(name=name)
    monkeypatch.setenv("DEMO_PASSWORD", PASSWORD)
    call_command("load_demo", "--with-users", stdout=io.StringIO())


class AccessibilityChecker:
    def __init__(self):
        self.axe = Axe()
        self.findings = []

    def check(self, page):
        """Run axe-core on the page as it is now; keep serious and critical violations."""
        results = self.axe.run(page)
        for violation in results.response["violations"]:
            if violation["impact"] in ("serious", "critical"):
                nodes = [node["target"] for node in violation["nodes"]]
                self.findings.append((page.url, violation["id"], violation["help"], nodes))
        return results


@pytest.fixture
def axe():
    checker = AccessibilityChecker()
    yield checker
    assert checker.findings == [], "serious or critical accessibility violations"
