"""No malformed input answers 500 (issue 13, item 9), checked with hypothesis: hostile
values (huge, negative, non-numeric, NUL bytes, very long, non-UTF-8 bytes) in every
id-like URL parameter of the project's own URLs and in every field of the forms people
send, as an anonymous visitor, a signed-in client and a worker linked to that client.

Bounded and repeatable: the data is built once per test, hypothesis runs derandomized
with no example database and a modest number of examples. The two admins (staff only)
are left out.
"""

import re
from urllib.parse import quote, urlencode

import pytest
from django.conf import settings as django_settings
from django.test import Client
from django.urls import URLResolver, get_resolver, reverse
from django.urls.resolvers import RoutePattern
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from team.services import invitation_create

from ..factories import make_module, member, module_forum, reply, start_topic, team_link, worker

pytestmark = pytest.mark.django_db

FUZZ = settings(
    max_examples=6,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)
CSRF_TOKEN = "f" * 32  # sent as cookie and as form field: the real CSRF check runs
SKIPPED_PREFIXES = (
    django_settings.WAGTAIL_ADMIN_PATH,
    django_settings.DJANGO_ADMIN_PATH,
)

# --- hostile values -----------------------------------------------------------------------

HUGE = ["1" * 20, str(2**63), str(2**31), "9" * 5000, "0", "-1", "-" + "9" * 20]
TEXT = ["abc", "²", "٣", "\x00", "a\x00b", "x" * 10_000, "' OR 1=1 --", "<script>", " "]
NOT_UTF8 = [b"\xff\xfe", b"caf\xe9", b"\xc3\x28", b"\x80"]

hostile_value = st.one_of(
    st.sampled_from(HUGE + TEXT + NOT_UTF8),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.text(max_size=40),
    st.binary(max_size=12),
)
# What a path segment can carry: the int converter only matches ASCII digits.
hostile_digits = st.sampled_from(["1" * 20, str(2**63), str(2**31), "9" * 5000, "0", "007"])
hostile_segment = st.one_of(
    hostile_digits,
    st.sampled_from(HUGE + TEXT + NOT_UTF8),
    st.text(min_size=1, max_size=30),
)
charset = st.sampled_from(["", "; charset=utf-8", "; charset=latin-1", "; charset=no-such"])


def _segment(value) -> str:
    raw = value if isinstance(value, bytes) else value.encode("utf-8", "surrogatepass")
    return quote(raw, safe="")


# --- the project's URLs -------------------------------------------------------------------

CAPTURE = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>[^>]+)>")


def _routes(patterns=None, prefix=""):
    """Every ``path()`` route of the project as (route, name), includes followed."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if not isinstance(pattern.pattern, RoutePattern):
            continue  # re_path: Wagtail's page serving and the admins' own
        route = prefix + str(pattern.pattern._route)
        if route.startswith(SKIPPED_PREFIXES):
            continue
        if isinstance(pattern, URLResolver):
            yield from _routes(pattern.url_patterns, route)
        else:
            yield route, pattern.name


def _paths(route: str, real: dict, hostile_int: str, hostile_str) -> list[str]:
    """The route filled with real values, once per capture with that capture hostile."""
    captures = list(CAPTURE.finditer(route))
    if not captures:
        return ["/" + route]
    paths = []
    for target in captures:

        def fill(match, target=target):
            if match.start() != target.start():
                return str(real.get(match["name"], "1"))
            return hostile_int if match["converter"] == "int" else _segment(hostile_str)

        paths.append("/" + CAPTURE.sub(fill, route))
    return paths


# --- people and data ----------------------------------------------------------------------


@pytest.fixture
def world():
    """A module with its forum, a question with a reply, a client linked to a worker with
    an open invitation, and one test client per role (the real CSRF check on)."""
    module = make_module()
    forum = module_forum(module)
    owner, helper = member(trusted=True, display_name="Anna"), worker(display_name="Bas")
    topic = start_topic(forum, owner)
    post = reply(topic, member(trusted=True))
    link = team_link(owner, helper)
    invitation = invitation_create(client=owner, all_topics=True, topic_ids=[], share_plan=True)
    people = {"anonymous": None, "client": owner, "worker": helper}
    clients = {}
    for role, user in people.items():
        visitor = Client(enforce_csrf_checks=True, raise_request_exception=False)
        visitor.cookies[django_settings.CSRF_COOKIE_NAME] = CSRF_TOKEN
        if user is not None:
            visitor.force_login(user)
        clients[role] = visitor
    real = {
        "forum_slug": forum.slug,
        "forum_pk": forum.pk,
        "slug": topic.slug,
        "topic_slug": topic.slug,
        "topic_pk": topic.pk,
        "pk": post.pk,
        "kind": "onderwerp",
        "client_id": owner.pk,
        "code": invitation.code,
    }
    return {
        "module": module,
        "forum": forum,
        "topic": topic,
        "post": post,
        "link": link,
        "client": owner,
        "worker": helper,
        "clients": clients,
        "real": real,
    }


def _send(visitor, method: str, path: str, fields: dict, content_charset: str = ""):
    """GET with ``fields`` as query string, or POST them form-encoded (bytes kept as
    bytes, so a value can be non-UTF-8) with the CSRF token."""
    pairs = [
        (name, item)
        for name, value in fields.items()
        for item in (value if isinstance(value, list) else [value])
    ]
    if method == "GET":
        return visitor.get(path + ("?" + urlencode(pairs) if pairs else ""))
    body = urlencode([("csrfmiddlewaretoken", CSRF_TOKEN), *pairs]).encode("ascii")
    return visitor.generic(
        "POST",
        path,
        body,
        content_type="application/x-www-form-urlencoded" + content_charset,
    )


def _server_errors(responses) -> list[str]:
    return [label for label, response in responses if response.status_code >= 500]


# --- the tests ----------------------------------------------------------------------------


def test_no_url_parameter_answers_500(world):
    routes = list(_routes())
    assert len(routes) > 50  # the walk found the project's URLs, not a handful

    @FUZZ
    @given(
        hostile_int=hostile_digits,
        hostile_str=hostile_segment,
        role=st.sampled_from(list(world["clients"])),
        method=st.sampled_from(["GET", "POST"]),
        query=hostile_value,
    )
    @example(hostile_int="1" * 20, hostile_str="abc", role="worker", method="GET", query="1" * 20)
    @example(hostile_int="9" * 5000, hostile_str=b"\xff", role="client", method="POST", query="²")
    @example(hostile_int="0", hostile_str="-1", role="anonymous", method="GET", query="\x00")
    def check(hostile_int, hostile_str, role, method, query):
        visitor = world["clients"][role]
        responses = []
        for route, _name in routes:
            for path in _paths(route, world["real"], hostile_int, hostile_str):
                fields = {"page": query, "pagina": query, "post": query, "next": query}
                label = f"{role} {method} {path[:120]} {fields['page']!r:.60}"
                responses.append((label, _send(visitor, method, path, fields)))
        assert _server_errors(responses) == []

    check()


def _forms(world) -> list[tuple[str, str, str, tuple[str, ...]]]:
    """The forms people send: (role, method, path, field names)."""
    forum, topic, post, owner = world["forum"], world["topic"], world["post"], world["client"]
    topic_kwargs = {"forum_slug": forum.slug, "forum_pk": forum.pk}
    in_topic = {**topic_kwargs, "topic_slug": topic.slug, "topic_pk": topic.pk}
    return [
        ("client", "POST", reverse("team:plan"), ("text", "who", "worker", "due", "module")),
        (
            "worker",
            "POST",
            reverse("team:client_plan", args=[owner.pk]),
            ("text", "who", "due", "module"),
        ),
        ("client", "POST", reverse("team:invitation_new"), ("scope", "topics", "share_plan")),
        (
            "client",
            "POST",
            reverse("team:link_scope", args=[world["link"].pk]),
            ("scope", "topics", "share_plan"),
        ),
        ("worker", "POST", reverse("team:redeem"), ("code",)),
        ("worker", "POST", reverse("team:request_send"), ("username",)),
        ("worker", "GET", reverse("team:clients"), ("niet_begonnen", "bezig", "kan", "inactief")),
        ("worker", "GET", reverse("team:gap"), ("onderwerp", "sorteer", "page")),
        ("worker", "GET", reverse("team:gap_csv"), ("onderwerp", "sorteer")),
        ("client", "GET", reverse("team:access_log"), ("page",)),
        (
            "client",
            "POST",
            reverse("forum_conversation:topic_create", kwargs=topic_kwargs),
            ("subject", "content", "step", "publish_anyway"),
        ),
        (
            "client",
            "GET",
            reverse("forum_conversation:topic_create", kwargs=topic_kwargs),
            ("stap",),
        ),
        (
            "client",
            "POST",
            reverse("forum_conversation:post_create", kwargs=in_topic),
            ("content", "publish_anyway"),
        ),
        (
            "client",
            "POST",
            reverse(
                "forum_conversation:post_update", kwargs={**in_topic, "pk": topic.first_post_id}
            ),
            ("content", "publish_anyway"),
        ),
        ("client", "POST", reverse("community:post_report", args=[post.pk]), ("reason", "text")),
        ("client", "POST", reverse("community:follow", args=["forum", forum.pk]), ("volgen",)),
        ("anonymous", "GET", reverse("community:help_today"), ("onderwerp",)),
        (
            "anonymous",
            "GET",
            reverse(
                "forum_conversation:topic",
                kwargs={**topic_kwargs, "slug": topic.slug, "pk": topic.pk},
            ),
            ("post", "page"),
        ),
        ("anonymous", "GET", reverse("forum:forum", args=[forum.slug, forum.pk]), ("page",)),
        ("anonymous", "GET", reverse("search:search"), ("q", "onderwerp", "soort", "pagina")),
        ("anonymous", "POST", reverse("set_language"), ("language", "next")),
        ("anonymous", "POST", reverse("account_login"), ("login", "password", "next")),
        (
            "anonymous",
            "POST",
            reverse("account_signup"),
            ("username", "email", "password1", "password2", "email_progress"),
        ),
        ("client", "POST", reverse("account_delete"), ("posts", "password")),
    ]


def test_no_form_field_answers_500(world):
    forms = _forms(world)
    field_names = sorted({name for *_, names in forms for name in names})

    @FUZZ
    @given(
        values=st.fixed_dictionaries({name: hostile_value for name in field_names}),
        as_list=st.booleans(),
        content_charset=charset,
        anonymous=st.booleans(),
    )
    @example(
        values=dict.fromkeys(field_names, "1" * 20),
        as_list=True,
        content_charset="",
        anonymous=False,
    )
    @example(
        values=dict.fromkeys(field_names, b"\xff\xfe"),
        as_list=False,
        content_charset="; charset=latin-1",
        anonymous=False,
    )
    @example(
        values=dict.fromkeys(field_names, "-1"), as_list=False, content_charset="", anonymous=True
    )
    def check(values, as_list, content_charset, anonymous):
        responses = []
        for role, method, path, names in forms:
            visitor = world["clients"]["anonymous" if anonymous else role]
            # A list sends the field twice, as a multiple choice or a tampered form does.
            fields = {name: [values[name], "1" * 20] if as_list else values[name] for name in names}
            response = _send(visitor, method, path, fields, content_charset)
            responses.append((f"{role} {method} {path} {fields!r:.200}", response))
        assert _server_errors(responses) == []

    check()
