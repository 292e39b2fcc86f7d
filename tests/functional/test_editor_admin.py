"""Editors write modules in the Wagtail admin: edit forms and previews work."""

import pytest
from django.contrib.auth.models import Group

from accounts import roles

from ..editing import step_form_data
from ..factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    editor = UserFactory()
    editor.groups.add(Group.objects.get(name=roles.EDITOR))
    client.force_login(editor)
    return client


def test_step_edit_form_offers_only_its_module_statements(editor_client, module, steps):
    from ..factories import make_module

    other = make_module(steps=1)
    response = editor_client.get(f"/beheer/pages/{steps[0].pk}/edit/")
    assert response.status_code == 200
    queryset = response.context["form"].fields["teaches"].queryset
    assert set(queryset) == set(module.can_do_statements.all())
    assert not set(queryset) & set(other.can_do_statements.all())


def test_new_step_form_under_a_module(editor_client, module):
    response = editor_client.get(f"/beheer/pages/add/learning/steppage/{module.pk}/")
    assert response.status_code == 200
    assert set(response.context["form"].fields["teaches"].queryset) == set(
        module.can_do_statements.all()
    )


def test_step_preview_renders(editor_client, steps):
    step = steps[0]
    response = editor_client.get(f"/beheer/pages/{step.pk}/edit/preview/")
    assert response.status_code == 200


def _directives(response) -> dict[str, str]:
    policy = response["Content-Security-Policy"]
    return dict(part.strip().split(" ", 1) for part in policy.split(";"))


def test_the_preview_pane_may_frame_the_preview_on_our_own_origin(editor_client, steps):
    # The editor's preview pane is an iframe on the admin's own origin: the form is
    # posted, then the pane loads what was posted.
    url = f"/beheer/pages/{steps[0].pk}/edit/preview/"
    posted = editor_client.post(url, step_form_data(steps[0], title="Nieuwe titel"))
    assert posted.json() == {"is_valid": True, "is_available": True}
    response = editor_client.get(url + "?in_preview_panel=true")
    assert "Nieuwe titel" in response.content.decode()
    assert response.status_code == 200
    assert _directives(response)["frame-ancestors"] == "'self'"
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    # The rest of the page's policy is the site's own: no inline script in a preview either.
    assert _directives(response)["script-src"] == "'self'"


def test_nothing_else_may_be_framed(editor_client, client, steps):
    step = steps[0]
    live = client.get(step.url)
    assert _directives(live)["frame-ancestors"] == "'none'"
    assert live["X-Frame-Options"] == "DENY"
    assert editor_client.get(step.url)["X-Frame-Options"] == "DENY"
    edit = editor_client.get(f"/beheer/pages/{step.pk}/edit/")
    assert edit["X-Frame-Options"] == "DENY"
    assert _directives(client.get("/health/"))["frame-ancestors"] == "'none'"


def test_step_cannot_be_added_under_the_index(editor_client, module):
    index = module.get_parent()
    response = editor_client.get(f"/beheer/pages/add/learning/steppage/{index.pk}/")
    assert response.status_code == 302  # Wagtail sends the editor back with a message
    assert "/pages/add/" not in response["Location"]


def test_clients_cannot_open_the_admin(signed_in):
    response = signed_in.get("/beheer/")
    assert response.status_code == 302


def _preview_request(editor):
    from django.test import RequestFactory

    request = RequestFactory().get("/")
    request.user = editor
    request.session = {}
    return request


def test_preview_of_a_new_unsaved_step(module):
    from learning.models import StepPage

    from ..factories import step_body

    parent = module
    page = StepPage(title="Nieuwe stap", slug="nieuwe-stap", body=step_body(9))
    page.depth = parent.depth + 1
    page.path = parent.get_last_child()._inc_path()
    page.set_url_path(parent)
    response = page.serve_preview(_preview_request(UserFactory()), "")
    response.render()
    html = response.content.decode()
    assert response.status_code == 200
    assert "Nieuwe stap" in html
    assert "Stap 4 van 4" in html
    assert 'action="/leren/' in html and "/nieuwe-stap/klaar/" in html


def test_preview_of_an_unpublished_module(module, steps):
    module.unpublish()
    module.title = "Nog niet gepubliceerd"
    response = module.serve_preview(_preview_request(UserFactory()), "")
    response.render()
    html = response.content.decode()
    assert response.status_code == 200
    assert "Nog niet gepubliceerd" in html
    assert steps[0].title in html


def test_editors_keep_the_crisis_help_lines_and_phrases(editor_client, client):
    url = "/beheer/settings/community/crisissupport/"
    page = editor_client.get(url, follow=True)  # generic settings redirect to their one row
    assert page.status_code == 200
    html = page.content.decode()
    assert "0800-0113" in html and "zelfmoord" in html  # the defaults, ready to edit
    editor = page.wsgi_request.user
    assert editor.has_perm("community.change_crisissupport")

    client.force_login(UserFactory())
    assert client.get(url).status_code in (302, 403)


def test_the_checks_panel_runs_our_accessibility_rules_on_the_preview(editor_client, steps):
    # The editor's checks panel runs axe-core in the preview, with the configuration the
    # preview's userbar carries.
    import json

    from bs4 import BeautifulSoup

    url = f"/beheer/pages/{steps[0].pk}/edit/preview/"
    editor_client.post(url, step_form_data(steps[0]))
    html = editor_client.get(url + "?in_preview_panel=true").content.decode()
    script = BeautifulSoup(html, "html.parser").find(id="checker-axe-configuration")
    assert script is not None, "no content checker in the preview"
    configuration = json.loads(script.string)
    rules = set(configuration["options"]["runOnly"])
    # Alt text (missing and file names), heading order, empty headings, link text.
    assert {"image-alt", "alt-text-quality", "heading-order", "empty-heading"} <= rules
    assert {"link-name", "p-as-heading"} <= rules
    # Only what editors write is checked: the page's main content, not the site's frame.
    assert configuration["context"]["include"] == ["main"]
    assert configuration["messages"]["image-alt"]["error_name"] == "Afbeelding zonder alt-tekst"


def test_readers_get_no_userbar(signed_in, steps):
    from django.test import Client

    for reader in (Client(), signed_in):
        assert "wagtail-userbar" not in reader.get(steps[0].url).content.decode()
