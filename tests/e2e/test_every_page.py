"""Every kind of page, on the shipped demo content, at phone (360 × 740) and desktop
(1280 × 800) size, for each kind of person who sees it: it answers 200, passes axe-core
(serious and critical) and the Nu Html Checker, never scrolls sideways, and on a phone its
main heading starts on the first screen.

The journeys (test_journeys.py) walk through what people do; this sweep makes sure no
page is left out of the browser checks."""

import pytest
from machina.core.db.models import get_model

from forum.links import forum_url, new_topic_url, topic_url
from learning.selectors import catalog
from nearby.models import Initiative
from network.models import Person
from team.models import SupportLink, TeamLink

from .conftest import PHONE
from .pages import check_page, log_in

pytestmark = pytest.mark.django_db(transaction=True)

Topic = get_model("forum_conversation", "Topic")

HEADING_LIMIT = 200  # px from the top, at phone size (as in test_header_and_help.py)


def _pages() -> dict[str | None, list[str]]:
    """The paths each demo person visits (None: a visitor without an account)."""
    current = catalog()
    module = current.modules[current.topics[0].module_ids[0]]
    step = current.steps[module.step_ids[0]]
    # The module the demo client finished (load_demo): its page offers to think along.
    finished = current.modules[[m for topic in current.topics for m in topic.module_ids][2]]
    topic = Topic.objects.filter(approved=True).order_by("-posts_count").first()
    initiative = Initiative.objects.order_by("pk").first()
    link = TeamLink.objects.get(
        worker__username="demo-hulpverlener", client__username="demo-client"
    )
    support = SupportLink.objects.get(supporter__username="demo-steunpersoon")
    neighbour = Person.objects.get(owner__username="demo-client", name="Buurvrouw Ineke")
    return {
        None: [
            "/",
            "/leren/",
            module.url,
            step.url,
            "/forum/",
            forum_url(topic.forum),
            topic_url(topic),
            "/forum/help-iemand/",
            "/zoeken/?q=toeslag",
            "/hulp/",
            "/in-de-buurt/",
            "/in-de-buurt/?plaats=3511",
            f"/in-de-buurt/{initiative.pk}/",
            "/offline/",
            "/account/login/",
            "/account/signup/",
            "/account/password/reset/",
        ],
        "demo-client": [
            step.url,
            "/mijn-voortgang/",
            new_topic_url(topic.forum),
            "/forum/mijn-forum/",
            "/forum/meedenken/",
            finished.url,
            "/team/",
            "/team/plan/",
            "/team/wie-keek-mee/",
            "/team/uitnodigen/",
            "/netwerk/",
            "/netwerk/nieuw/",
            f"/team/plan/hulp/{step.id}/",
            f"/team/steun/uitnodigen/{neighbour.pk}/",
            f"/team/steun/{support.pk}/stoppen/",
            "/in-de-buurt/voorstellen/",
            "/account/profiel/",
            "/account/mijn-gegevens/",
            "/account/verwijderen/",
        ],
        "demo-hulpverlener": [
            "/team/clienten/",
            f"/team/clienten/{link.client_id}/",
            f"/team/clienten/{link.client_id}/plan/",
            "/team/overzicht/",
            "/team/code/",
        ],
        "demo-steunpersoon": ["/team/steun/", f"/team/steun/{support.pk}/", "/team/code/"],
        "demo-teamleider": ["/team/rapport/"],
        "demo-moderator": ["/forum/meldingen/"],
    }


def test_every_page_passes_the_checks_at_this_size(open_page, viewport, axe, demo):
    too_low = {}
    for person, paths in _pages().items():
        page = open_page()
        if person is not None:
            log_in(page, person)
        for path in paths:
            response = page.goto(path)
            assert response is not None and response.status == 200, (person, path)
            check_page(page, axe)
            if viewport == "phone":
                top = page.locator("h1").first.bounding_box()["y"]
                if top >= HEADING_LIMIT:
                    too_low[(person, path)] = top
        page.context.close()
    assert too_low == {}, f"headings below {HEADING_LIMIT}px at {PHONE}"
