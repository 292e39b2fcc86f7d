"""Browser tests: Playwright with Debian's Chromium on a live server, axe-core on each page,
the Nu Html Checker on every HTML document the server sends (tests/e2e/html_check.py)."""

import os
import shutil

import pytest
from axe_playwright_python.sync_playwright import Axe

from .html_check import HtmlChecker, missing

# Playwright's sync API runs an event loop in this thread; the ORM calls made by
# fixtures in the same thread are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
PHONE = {"width": 360, "height": 740}
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


@pytest.fixture
def phone(browser, live_server, html_checker):
    """A fresh phone-sized page; every HTML document it receives must pass the Nu Html
    Checker (the axe checks collected on it must be clean too: see the axe fixture)."""
    context = browser.new_context(viewport=PHONE, locale="nl-NL", base_url=live_server.url)
    context.set_default_timeout(15_000)
    documents = html_checker.watch(context, origin=live_server.url)
    page = context.new_page()
    yield page
    context.close()
    if problems := documents.problems():
        pytest.fail("HTML errors (Nu Html Checker):\n" + "\n".join(problems), pytrace=False)


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
