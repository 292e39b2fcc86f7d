"""The measured requests (a)–(k), the connections each is measured at (``RUNS``), the
signed-in sessions they use, and a check of each.

Each scenario is sent once with ``requests`` before wrk loads it, and must
answer as a real visitor would see it (status, signed in or not, the right
content), so a benchmark never measures an error page or a login redirect.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlencode

import requests
from django.conf import settings

from . import team_data
from .data import (
    BUSY_LEARNER,
    BUSY_MODULES,
    FORUM_READER,
    MODULES,
    PASSWORD,
    STEP_LEARNER,
    BenchData,
)
from .forum_data import DEEP_PAGE, POSTS, POSTS_PER_PAGE, SUBJECT

CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
SIGNED_IN = "Uitloggen"  # the logout button in the header, only for signed-in users
OUR_POST = 'class="post card'  # one per post on our topic page
MACHINA_POST = 'class="my-3 card post"'  # one per post on machina's topic page

Check = Callable[[requests.Response], str | None]  # returns what is wrong, or None

# (scenario, connections), in the order bench/run.py measures them.
RUNS = [
    ("a", 50),
    ("b", 50),
    ("c", 50),
    ("d", 50),
    ("d", 1),
    ("e", 50),
    ("e", 1),
    ("f", 50),
    ("g", 50),
    ("h", 50),
    ("i", 50),
    ("j", 1),
    ("j", 50),
    ("k", 1),
]


@dataclass(frozen=True)
class Scenario:
    key: str
    title: str
    path: str
    status: int
    cookie: str = ""
    form: str = ""  # an urlencoded body makes it a POST
    checks: tuple[Check, ...] = ()

    @property
    def method(self) -> str:
        return "POST" if self.form else "GET"


# --- checks ---


def contains(text: str, times: int | None = None) -> Check:
    """The body contains ``text`` (exactly ``times`` times, when given)."""

    def check(response):
        found = response.text.count(text)
        if (times is None and not found) or (times is not None and found != times):
            return f"{text!r} found {found} times, expected {times or 'some'}"
        return None

    return check


def lacks(text: str) -> Check:
    """The body does not contain ``text``."""
    return lambda response: f"unexpected {text!r}" if text in response.text else None


def redirects_to(path: str) -> Check:
    """A redirect to ``path``."""

    def check(response):
        location = response.headers.get("Location", "")
        return None if location.endswith(path) else f"redirects to {location!r}, not {path!r}"

    return check


def verify(base_url: str, scenario: Scenario) -> None:
    """Send the scenario's request once; raise unless it answers as expected."""
    headers = {"Cookie": scenario.cookie} if scenario.cookie else {}
    if scenario.form:
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    response = requests.request(
        scenario.method,
        base_url + scenario.path,
        headers=headers,
        data=scenario.form or None,
        allow_redirects=False,
        timeout=30,
    )
    problems = [] if response.status_code == scenario.status else [f"HTTP {response.status_code}"]
    problems += [problem for check in scenario.checks if (problem := check(response))]
    if problems:
        raise RuntimeError(
            f"scenario ({scenario.key}) {scenario.method} {scenario.path}: "
            f"{'; '.join(problems)}\n{response.text[:1000]}"
        )


# --- signed-in sessions ---


def csrf_token(html: str) -> str:
    """The first form's CSRF token in a page."""
    match = CSRF_INPUT.search(html)
    if match is None:
        raise RuntimeError("no csrfmiddlewaretoken in the page")
    return match.group(1)


def sign_in(base_url: str, username: str, password: str = PASSWORD) -> requests.Session:
    """Log in through allauth's form, as a browser does; returns the signed-in session.

    The redirect after login is followed, so its "signed in" message is shown
    once now and not on the first measured page.
    """
    http = requests.Session()
    login_url = f"{base_url}/account/login/"
    form = http.get(login_url, timeout=30)
    form.raise_for_status()
    data = {"login": username, "password": password, "csrfmiddlewaretoken": csrf_token(form.text)}
    response = http.post(login_url, data=data, allow_redirects=False, timeout=30)
    if response.status_code != 302 or settings.SESSION_COOKIE_NAME not in http.cookies:
        raise RuntimeError(f"login as {username} failed: HTTP {response.status_code}")
    http.get(base_url + response.headers["Location"], timeout=30).raise_for_status()
    return http


def cookie_header(http: requests.Session) -> str:
    """The session and CSRF cookies of ``http`` as one Cookie header."""
    names = (settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME)
    return "; ".join(f"{name}={http.cookies[name]}" for name in names if name in http.cookies)


# --- the scenarios ---


def build(base_url: str, data: BenchData) -> dict[str, Scenario]:
    """Scenarios (a)–(i) by key, with fresh sessions for the signed-in ones."""
    reader = sign_in(base_url, STEP_LEARNER)
    step_page = reader.get(base_url + data.step_url, timeout=30)
    step_page.raise_for_status()
    done_form = urlencode({"csrfmiddlewaretoken": csrf_token(step_page.text)})
    busy = sign_in(base_url, BUSY_LEARNER)
    return {
        "a": Scenario("a", "baseline: fixed 20 KB page", "/bench/baseline/", 200),
        "b": Scenario(
            "b",
            "step page, first-time anonymous",
            data.step_url,
            200,
            checks=(lacks(SIGNED_IN), contains("Klaar met deze stap")),
        ),
        "c": Scenario(
            "c",
            "step page, signed-in learner",
            data.step_url,
            200,
            cookie=cookie_header(reader),
            checks=(contains(SIGNED_IN), contains("Deze stap heb je al gedaan")),
        ),
        "d": Scenario(
            "d",
            f"Mijn voortgang, {BUSY_MODULES} modules",
            "/mijn-voortgang/",
            200,
            cookie=cookie_header(busy),
            checks=(contains(SIGNED_IN), contains('<li class="card">', BUSY_MODULES)),
        ),
        "e": Scenario(
            "e",
            "mark step done (POST klaar/)",
            data.step_url + "klaar/",
            302,
            cookie=cookie_header(reader),
            form=done_form,
            checks=(redirects_to(data.next_step_url),),
        ),
        **forum_scenarios(base_url, data),
        **team_scenarios(base_url, data),
    }


def forum_scenarios(base_url: str, data: BenchData) -> dict[str, Scenario]:
    """(f)–(i): the busy topic and the forum index, all as the same signed-in participant."""
    reader = cookie_header(sign_in(base_url, FORUM_READER))
    forum = data.forum
    return {
        "f": Scenario(
            "f",
            f"forum topic ({POSTS:,} posts), page 1",
            forum.topic_path,
            200,
            cookie=reader,
            checks=(
                contains(SIGNED_IN),
                contains(SUBJECT),
                contains(OUR_POST, POSTS_PER_PAGE),
                contains(f"Pagina 1 van {forum.pages}"),
                contains("Ervaringsdeskundige"),
                contains("Je zei: dit hielp mij."),  # the reader's own votes
                contains("Dit hielp mij</button>"),  # and the button on the other posts
            ),
        ),
        "g": Scenario(
            "g",
            f"forum topic ({POSTS:,} posts), page {DEEP_PAGE}",
            f"{forum.topic_path}?page={DEEP_PAGE}",
            200,
            cookie=reader,
            checks=(
                contains(SIGNED_IN),
                contains(OUR_POST, POSTS_PER_PAGE),
                contains(f"Pagina {DEEP_PAGE} van {forum.pages}"),
                contains("Dit antwoord hielp de vraagsteller het meest"),
                contains("Ervaringsdeskundige"),
            ),
        ),
        "h": Scenario(
            "h",
            f"forum index, {forum.module_forums} forums",
            "/forum/",
            200,
            cookie=reader,
            checks=(contains(SIGNED_IN), contains('<li class="card">', MODULES)),
        ),
        "i": Scenario(
            "i",
            "machina's TopicView, page 1",
            forum.machina_topic_path,
            200,
            cookie=reader,
            checks=(
                contains(SIGNED_IN),
                contains(SUBJECT),
                contains(MACHINA_POST, POSTS_PER_PAGE),
                contains('<div class="post-content">', POSTS_PER_PAGE),
            ),
        ),
    }


def team_scenarios(base_url: str, data: BenchData) -> dict[str, Scenario]:
    """(j) the gap view of a worker with 200 clients, (k) the team lead's report."""
    worker = cookie_header(sign_in(base_url, team_data.GAP_WORKER))
    lead = cookie_header(sign_in(base_url, team_data.TEAM_LEAD))
    clients = data.team.clients
    return {
        "j": Scenario(
            "j",
            f"gap view, {clients} clients x {data.counts['modules']} modules",
            "/team/overzicht/",
            200,
            cookie=worker,
            checks=(
                contains(SIGNED_IN),
                contains('<tr><th scope="row">', 50),  # the first page of clients
                contains(f"Pagina 1 van {clients // 50}"),
                contains('class="heat heat-'),
            ),
        ),
        "k": Scenario(
            "k",
            f"team report, {data.counts['team_clients']:,} clients",
            "/team/rapport/",
            200,
            cookie=lead,
            checks=(
                contains(SIGNED_IN),
                contains("Teamrapport"),
                lacks("bench-lerende"),
            ),  # counts, never a name
        ),
    }
