"""Installable and offline on a phone: the service worker keeps the steps the learner
opened, what they do offline reaches the server once when the connection returns, and a
shared phone forgets the kept steps when someone logs out."""

import re

import pytest
from playwright.sync_api import expect

from learning.models import StepProgress

from ..factories import UserFactory, make_module, steps_of
from .pages import check_page, log_in, log_out, open_menu

pytestmark = pytest.mark.django_db(transaction=True)

QUEUED = "Je bent offline. We sturen dit zodra je weer verbinding hebt."
SENT = "Je bent weer online. Wat je offline deed, is verstuurd."
NEEDS_NETWORK = "Hiervoor heb je internet nodig. Probeer het opnieuw als je weer verbinding hebt."

# The paths of every page and file the browser's caches hold now.
KEPT_PATHS = """async () => {
  const paths = [];
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    for (const request of await cache.keys()) { paths.push(new URL(request.url).pathname); }
  }
  return paths;
}"""


# Resolves once a service worker controls the tab, fails after 10 s (wait_for_function
# would need eval, which the pages' content security policy forbids).
CONTROLLED = """() => navigator.serviceWorker.controller || new Promise((resolve, reject) => {
  navigator.serviceWorker.addEventListener("controllerchange", () => resolve(true));
  setTimeout(() => reject(new Error("no service worker controls the page")), 10000);
})"""


@pytest.fixture
def steps():
    return steps_of(make_module(steps=3))


def _open_with_worker(page, *urls):
    """Open the pages once the service worker controls the tab, so it keeps them."""
    page.goto(urls[0])
    page.evaluate(CONTROLLED)
    for url in urls:
        page.goto(url)
        expect(page.get_by_role("heading", level=1)).to_be_visible()


def _posts(context) -> list[str]:
    """The paths of the POST requests the worker gets an answer to from now on (a request
    that never reached the server is not in the list)."""
    sent = []

    def answered(request):
        if request.method == "POST" and request.service_worker:
            sent.append(re.sub(r"^https?://[^/]+", "", request.url))

    context.on("requestfinished", answered)
    return sent


def test_done_offline_arrives_once_when_the_connection_returns(phone, axe, steps):
    user = UserFactory()
    page, context = phone, phone.context
    log_in(page, user.username)
    _open_with_worker(page, steps[0].url, steps[1].url, steps[0].url)
    sent = _posts(context)

    context.set_offline(True)
    page.goto(steps[1].url)  # the kept copy
    expect(page.get_by_role("heading", level=1)).to_have_text(steps[1].title)
    page.get_by_label("Mijn DigiD").check()
    page.get_by_role("button", name="Vinkjes bewaren").click()
    expect(page.get_by_text(QUEUED)).to_be_visible()
    page.get_by_role("button", name="Klaar met deze stap").click()
    expect(page.get_by_text(QUEUED)).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_have_text(steps[1].title)
    check_page(page, axe)
    visited = StepProgress.objects.get(user=user, step=steps[1])  # the visit, nothing more
    assert (visited.completed_at, visited.checklist) == (None, [])

    context.set_offline(False)
    expect(page.get_by_text(SENT)).to_be_visible()
    check_page(page, axe)
    page.reload()  # every page load asks the worker to send what waits: nothing is left
    expect(page.get_by_role("heading", level=1)).to_have_text(steps[1].title)
    expect(page.get_by_text("Deze stap heb je al gedaan. Goed bezig!")).to_be_visible()

    progress = StepProgress.objects.get(user=user, step=steps[1])
    assert progress.completed_at is not None
    assert progress.checklist == ["checklist-2:item-2-a"]
    assert StepProgress.objects.filter(user=user, completed_at__isnull=False).count() == 1
    # Sent once each, in the order they were made.
    assert sent == [steps[1].url + "afvinken/", steps[1].url + "klaar/"]


def test_done_sent_while_the_network_fails_waits_in_the_queue(phone, steps):
    """The browser thinks it is online, but the request fails: the worker keeps it."""
    page, context = phone, phone.context
    _open_with_worker(page, steps[0].url)
    sent = _posts(context)
    action = steps[0].url + "klaar/"

    def lost(route):
        if route.request.service_worker:
            route.abort("internetdisconnected")
        else:
            route.continue_()

    context.route(f"**{action}", lost)
    page.get_by_role("button", name="Klaar met deze stap").click()
    expect(page.get_by_text(QUEUED)).to_be_visible()
    expect(page).to_have_url(re.compile(re.escape(steps[0].url) + "$"))

    context.unroute(f"**{action}", lost)
    page.reload()
    expect(page.get_by_text(SENT)).to_be_visible()
    page.reload()
    expect(page.get_by_text("Deze stap heb je al gedaan. Goed bezig!")).to_be_visible()
    # The tries that never reached the server are not counted: it got the action once.
    assert sent == [action]


def test_offline_the_offline_page_lists_the_kept_steps(phone, axe, steps):
    page, context = phone, phone.context
    _open_with_worker(page, steps[0].url, steps[2].url)

    context.set_offline(True)
    page.goto("/forum/")  # never kept
    expect(page.get_by_role("heading", level=1)).to_have_text("Je bent offline")
    kept = page.get_by_role("region", name="Dit kun je nu lezen")
    expect(kept.get_by_role("link", name=steps[2].title)).to_be_visible()
    expect(kept.get_by_role("link", name=steps[0].title)).to_be_visible()
    check_page(page, axe)

    kept.get_by_role("link", name=steps[2].title).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(steps[2].title)
    # Searching needs the network: the page says so and stays.
    open_menu(page)
    page.get_by_role("searchbox").fill("toeslag")
    page.get_by_role("button", name="Zoeken").click()
    expect(page.get_by_text(NEEDS_NETWORK)).to_be_visible()
    expect(page).to_have_url(re.compile(re.escape(steps[2].url) + "$"))
    check_page(page, axe)


def test_logging_out_forgets_the_kept_steps(phone, steps):
    user = UserFactory()
    page = phone
    log_in(page, user.username)
    _open_with_worker(page, steps[0].url)
    assert steps[0].url in page.evaluate(KEPT_PATHS)

    log_out(page)
    assert not [path for path in page.evaluate(KEPT_PATHS) if path.startswith("/leren/")]
