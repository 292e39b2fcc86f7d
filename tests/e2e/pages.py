"""What every browser test does with a page: check it (axe-core, no sideways scrolling at
its screen size), log in through the real form, and reach a control with the Tab key alone."""

import pytest
from playwright.sync_api import expect

from ..factories import PASSWORD

# The elements sticking out on the right, for the failure message.
OVERFLOWING = """(limit) => Array.from(document.querySelectorAll("body *"))
  .filter((el) => el.getBoundingClientRect().right > limit)
  .slice(0, 8)
  .map((el) => `${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""}` +
    `.${[...el.classList].join(".")} right=${el.getBoundingClientRect().right}`)"""


def check_page(page, axe):
    """axe-core (serious and critical findings fail the test) and no sideways scrolling."""
    axe.check(page)
    limit = page.viewport_size["width"]
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= limit, (
        f"{page.url} scrolls sideways: {width}px wide; "
        f"sticking out: {page.evaluate(OVERFLOWING, limit)}"
    )


def log_in(page, username: str, password: str = PASSWORD):
    page.goto("/account/login/")
    page.locator("input[name=login]").fill(username)
    page.locator("input[name=password]").fill(password)
    page.locator("input[name=password]").press("Enter")
    expect(page.get_by_role("button", name="Uitloggen", include_hidden=True)).to_have_count(1)


def open_menu(page):
    """Open the header's menu (a <details>: no JavaScript needed)."""
    menu = page.locator("details.site-menu")
    if menu.get_attribute("open") is None:
        page.get_by_text("Menu", exact=True).click()
    expect(menu).to_have_attribute("open", "")


def log_out(page):
    open_menu(page)
    page.get_by_role("button", name="Uitloggen").click()
    expect(page.get_by_role("link", name="Inloggen", include_hidden=True)).to_have_count(1)


def tab_to(page, condition: str, *, presses: int = 80) -> None:
    """Press Tab until ``condition`` (JavaScript about ``document.activeElement``) holds."""
    for _ in range(presses):
        page.keyboard.press("Tab")
        if page.evaluate(f"(() => {{ const el = document.activeElement; return {condition}; }})()"):
            return
    pytest.fail(f"nothing matching {condition!r} is reachable with Tab")
