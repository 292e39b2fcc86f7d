"""An editorial team in Chromium at 1280 wide, on the shipped demo content: the editor
changes a step, sees the change in Wagtail's preview pane (and the checks panel measures
it), submits it; the eindredacteur approves it and a learner reads it on the site."""

import re
from importlib import import_module

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission
from playwright.sync_api import expect
from wagtail.models import GroupPagePermission, Page

from accounts import roles
from learning.models import StepPage

from .conftest import DESKTOP, _context
from .pages import log_in

pytestmark = pytest.mark.django_db(transaction=True)

NEW_TITLE = "Wat komt er elke maand binnen?"
# Wagtail's edit form takes the form as it is 2 s after its scripts start as the starting
# point (again whenever they set it up again), and the preview pane drops a change made
# while it loads the last one. An editor who types goes on typing; a test changes the
# title once, so it waits until both are settled.
NOTE_STARTING_POINTS = """document.addEventListener("w-unsaved:watch-edits",
  () => { window.startingPointAt = performance.now(); });"""
SETTLED = """() => {
  const controller = (selector, name) => window.wagtail.app
    .getControllerForElementAndIdentifier(document.querySelector(selector), name);
  const form = controller("[data-edit-form]", "w-unsaved");
  const preview = controller("[data-controller~='w-preview']", "w-preview");
  return form?.initialFormData && performance.now() - window.startingPointAt > 2500
    && preview && !preview.updatePromise && !preview.staleValue;
}"""


@pytest.fixture
def editorial_team(demo):
    """The editors' and approvers' rights as the migrations make them (Wagtail's for its
    Editors group, ours for the Eindredactie): a transactional test's flush took them."""
    editors = Group.objects.get(name=roles.EDITOR)
    editors.permissions.add(Permission.objects.get(codename="access_admin"))
    for kind in ("add", "change"):
        GroupPagePermission.objects.get_or_create(
            group=editors,
            page=Page.get_first_root_node(),
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=f"{kind}_page"
            ),
        )
    import_module("accounts.migrations.0006_eindredactie").create(apps, None)


def _admin_page(browser, live_server, username):
    context = _context(browser, live_server, DESKTOP)
    page = context.new_page()
    log_in(page, username)
    return page


def _click_action(page, selector: str) -> None:
    """Click an action of the editor's footer, opening its "more actions" menu first when
    the action is in it."""
    button = page.locator(selector).first
    if not button.is_visible():
        page.get_by_role("button", name="Meer acties").click()
    button.click()


def test_an_edit_is_previewed_approved_and_read(browser, live_server, editorial_team, axe):
    step = StepPage.objects.get(slug="inkomsten")
    refused = []

    editor = _admin_page(browser, live_server, "demo-redacteur")
    editor.add_init_script(NOTE_STARTING_POINTS)
    editor.on("console", lambda m: refused.append(m.text) if "frame-ancestors" in m.text else 0)
    editor.goto(f"/beheer/pages/{step.pk}/edit/")
    editor.get_by_role("button", name="Toon/verberg voorvertoning").click()
    preview = editor.frame_locator("iframe#w-preview-iframe")
    expect(preview.get_by_role("heading", level=1)).to_have_text(step.title)

    editor.wait_for_function(SETTLED, polling=250)
    editor.locator("#id_title").fill(NEW_TITLE)
    expect(preview.get_by_role("heading", level=1)).to_have_text(NEW_TITLE, timeout=20_000)
    assert refused == []

    # The checks panel measured the preview (Wagtail shows "-" until it could).
    editor.get_by_role("button", name="Checks aan/uitzetten").click()
    expect(editor.locator("[data-content-word-count]")).to_have_text(re.compile(r"^\d+$"))

    _click_action(editor, 'button[name="action-submit"]')
    expect(editor.locator(".messages")).to_contain_text("ter goedkeuring ingediend")
    assert StepPage.objects.get(pk=step.pk).title == step.title  # not live yet

    approver = _admin_page(browser, live_server, "demo-eindredacteur")
    approver.goto(f"/beheer/pages/{step.pk}/edit/")
    _click_action(
        approver,
        'button[data-workflow-action-name="approve"]:not([data-workflow-action-modal-url])',
    )
    expect(approver.locator(".messages")).to_contain_text(NEW_TITLE)

    learner = _context(browser, live_server, DESKTOP).new_page()
    learner.goto(step.url)
    expect(learner.get_by_role("heading", level=1)).to_have_text(NEW_TITLE)
    axe.check(learner)
