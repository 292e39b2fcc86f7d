"""Safety while writing: the privacy nudge, crisis signposting with a moderator alert,
rate limits that keep what was typed, and reports with logged moderation."""

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.urls import reverse
from machina.core.db.models import get_model

from accounts import roles
from forum.links import edit_url, new_topic_url
from forum.models import CrisisSignal, CrisisSupport, ModerationAction, Report

from ..factories import member, start_topic

Post = get_model("forum_conversation", "Post")

pytestmark = pytest.mark.django_db


def ask(client, forum, content, **extra):
    return client.post(new_topic_url(forum), {"subject": "Een vraag", "content": content, **extra})


@pytest.mark.parametrize(
    ("content", "shown"),
    [
        ("Bel me op 06-12345678", "telefoonnummer"),
        ("Mail naar jan@example.org", "e-mailadres"),
        ("Mijn rekening NL91 ABNA 0417 1643 00", "rekeningnummer"),
        ("Mijn BSN is 111222333", "burgerservicenummer"),
    ],
)
def test_privacy_nudge_warns_and_the_writer_may_publish_anyway(client, forum, content, shown):
    client.force_login(member(trusted=True))
    response = ask(client, forum, content)
    html = response.content.decode()
    assert response.status_code == 200 and shown in html
    assert content in html  # the form comes back filled
    assert not Post.objects.exists()
    assert ask(client, forum, content, publish_anyway="1").status_code == 302
    assert Post.objects.get().content.raw == content


def test_nine_digits_failing_the_eleven_test_are_not_a_bsn(client, forum):
    client.force_login(member(trusted=True))
    assert ask(client, forum, "Mijn klantnummer is 123456789").status_code == 302


def test_crisis_phrases_show_help_lines_and_alert_moderators_once(
    client, forum, django_capture_on_commit_callbacks
):
    moderator = member(groups=[roles.MODERATOR], email="moderator@example.org")
    member(groups=[roles.MODERATOR])  # no address: no email, no error
    client.force_login(member())  # a new member: the post waits, the help does not
    with django_capture_on_commit_callbacks(execute=True):
        response = ask(client, forum, "Soms denk ik aan zelfmoord.")
    post = Post.objects.get()
    assert response["Location"] == reverse("community:posted", args=[post.pk])
    html = client.get(response["Location"]).content.decode()
    assert "Soms denk ik aan zelfmoord." in html
    for help_line in ("113", "0800-0113", "0800-2000", "112", "1813"):
        assert help_line in html
    assert [m.to for m in mail.outbox] == [[moderator.email]]
    signal = CrisisSignal.objects.get(post=post)
    assert signal.phrases == ["zelfmoord"] and signal.alerted_at

    from forum.tasks import alert_moderators_of_crisis, send_pending_crisis_alerts

    assert alert_moderators_of_crisis(signal.pk) is False
    assert send_pending_crisis_alerts() == 0
    assert len(mail.outbox) == 1


def test_the_posted_page_is_only_for_the_writer(client, forum):
    client.force_login(member(trusted=True))
    ask(client, forum, "Ik wil dood")
    post = Post.objects.get()
    client.force_login(member())
    assert client.get(reverse("community:posted", args=[post.pk])).status_code == 404


def test_editors_maintain_the_phrases_and_help_lines(client, forum):
    support = CrisisSupport.load()
    support.phrases = "# eigen lijst\nik ben op\n"
    support.save()
    client.force_login(member(trusted=True))
    assert ask(client, forum, "Ik ben op, echt op.")["Location"].endswith("/geplaatst/")
    assert ask(client, forum, "Over zelfmoord las ik iets.")["Location"].startswith("/forum/forum/")


def test_rate_limit_answers_429_and_keeps_the_text(client, forum, settings):
    settings.FORUM_RATE_LIMITS = {**settings.FORUM_RATE_LIMITS, "topic": {"user": "2/h"}}
    client.force_login(member(trusted=True))
    assert ask(client, forum, "een").status_code == 302
    assert ask(client, forum, "twee").status_code == 302
    response = ask(client, forum, "drie, mijn lange verhaal")
    assert response.status_code == 429
    html = response.content.decode()
    assert "Even rustig aan" in html and "drie, mijn lange verhaal" in html
    assert Post.objects.count() == 2


def test_rate_limit_per_address_spans_accounts(client, forum, settings):
    settings.FORUM_RATE_LIMITS = {
        **settings.FORUM_RATE_LIMITS,
        "topic": {"user": "100/h", "ip": "2/h"},
    }
    for text in ("een", "twee", "drie"):
        client.force_login(member(trusted=True))
        response = ask(client, forum, text)
    assert response.status_code == 429
    assert Post.objects.count() == 2


def test_report_then_hide_restore_and_warn_are_logged(
    client, forum, django_capture_on_commit_callbacks
):
    writer = member(trusted=True, email="schrijver@example.org")
    post = start_topic(forum, writer, content="Iets lelijks").first_post
    client.force_login(member())
    url = reverse("community:post_report", args=[post.pk])
    assert client.post(url, {"reason": "bogus"}).status_code == 400
    client.post(url, {"reason": Report.Reason.UNKIND, "text": "Dit is gemeen"})
    client.post(url, {"reason": Report.Reason.SPAM})  # same reporter: updates the open report
    report = Report.objects.get()
    assert report.reason == Report.Reason.SPAM

    moderator = member(groups=[roles.MODERATOR])
    client.force_login(moderator)
    assert "Iets lelijks" in client.get(reverse("community:reports")).content.decode()
    moderate = reverse("community:moderate", args=[post.pk])
    client.post(moderate, {"actie": "hide", "toelichting": "Niet vriendelijk"})
    post.refresh_from_db()
    assert not post.approved
    report.refresh_from_db()
    assert report.resolved_by == moderator
    client.post(moderate, {"actie": "restore"})
    post.refresh_from_db()
    assert post.approved
    assert client.post(moderate, {"actie": "warn"}).status_code == 302  # no note: refused
    with django_capture_on_commit_callbacks(execute=True):
        client.post(moderate, {"actie": "warn", "toelichting": "Blijf vriendelijk alsjeblieft."})
    assert [a.kind for a in ModerationAction.objects.order_by("created")] == [
        "hide",
        "restore",
        "warn",
    ]
    assert mail.outbox[-1].to == [writer.email]
    assert "Blijf vriendelijk" in mail.outbox[-1].body
    assert client.post(moderate, {"actie": "ontploffen"}).status_code == 400


def test_mijn_forum_shows_a_member_everything_about_their_posts(client, forum):
    writer = member(trusted=True)
    topic = start_topic(forum, writer, subject="Mijn vraag", content="Eerste bericht")
    hidden = topic.first_post
    from machina.core.loading import get_class

    from forum.services import post_hide, post_reply, post_warn

    moderator = member(groups=[roles.MODERATOR])
    post_hide(post=hidden, moderator=moderator, note="Er stond een adres in")
    post_warn(post=hidden, moderator=moderator, note="Let op je privacy")
    newcomer = member()
    handler = get_class("forum_permission.handler", "PermissionHandler")()
    post_reply(topic=topic, user=newcomer, content="Wacht nog", handler=handler)

    client.force_login(writer)
    html = client.get(reverse("community:my_forum")).content.decode()
    assert "Mijn vraag" in html  # followed automatically
    assert "Verborgen door een moderator" in html and "Eerste bericht" in html
    assert "Er stond een adres in" in html and "Let op je privacy" in html
    assert "Wacht nog" not in html  # someone else's post

    client.force_login(newcomer)
    html = client.get(reverse("community:my_forum")).content.decode()
    assert "Wacht op goedkeuring" in html and "Wacht nog" in html
    assert "Er stond een adres in" not in html
    client.logout()
    assert client.get(reverse("community:my_forum")).status_code == 302


def test_editing_a_post_has_the_same_checks_as_writing(
    client, forum, settings, django_capture_on_commit_callbacks
):
    member(groups=[roles.MODERATOR], email="moderator@example.org")
    writer = member(trusted=True)
    post = start_topic(forum, writer, content="Eerste versie").first_post
    url = edit_url(post)

    client.force_login(member(trusted=True))
    assert client.get(url).status_code == 403  # not someone else's post

    client.force_login(writer)
    assert "Eerste versie" in client.get(url).content.decode()
    too_long = "a" * (settings.FORUM_POST_MAX_LENGTH + 1)
    assert client.post(url, {"content": too_long}).status_code == 400
    response = client.post(url, {"content": "Bel me: 06-12345678"})
    assert response.status_code == 200 and "telefoonnummer" in response.content.decode()
    assert client.post(url, {"content": "Tweede versie"}).status_code == 302
    post.refresh_from_db()
    assert post.content.raw == "Tweede versie" and post.updated_by == writer
    assert post.updates_count == 1

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"content": "Ik wil dood"})
    assert response["Location"] == reverse("community:posted", args=[post.pk])
    assert CrisisSignal.objects.filter(post=post).exists()
    assert [m.to for m in mail.outbox] == [["moderator@example.org"]]


@pytest.fixture
def demo_report(client):
    """The report page of a demo answer, for the demo client."""
    from django.core.management import call_command

    from accounts.models import User

    call_command("load_demo", "--with-users")
    expert = User.objects.get(username="demo-ervaringsdeskundige")
    post = Post.objects.filter(poster=expert, approved=True).first()
    client.force_login(User.objects.get(username="demo-client"))
    return client, reverse("community:post_report", args=[post.pk])


def _report_form(soup):
    return soup.find("textarea", attrs={"name": "text"}).find_parent("form")


def test_the_report_form_chooses_nothing_for_the_reporter(demo_report):
    """Issue 15: "---------" was chosen already, as if it were a reason."""
    client, url = demo_report
    form = _report_form(BeautifulSoup(client.get(url).content, "html.parser"))
    radios = form.find_all("input", attrs={"name": "reason"})
    assert [radio["value"] for radio in radios] == [value for value, _ in Report.Reason.choices]
    assert not [radio for radio in radios if radio.has_attr("checked")]
    assert all(radio.has_attr("required") for radio in radios)
    assert "---------" not in form.get_text()
    assert form.find("fieldset").find("legend").get_text(strip=True)


def test_a_report_without_a_reason_says_so_at_the_top_of_the_form(demo_report):
    """Issue 15: the error stood below the fold. It is listed first in the form (the error
    summary, which takes the focus), each line a link to its field; nothing is saved."""
    client, url = demo_report
    response = client.post(url, {"text": "x" * 1001})
    assert response.status_code == 400
    soup = BeautifulSoup(response.content, "html.parser")
    form = _report_form(soup)
    summary = form.find(attrs={"data-error-summary": True})
    parts = [tag for tag in form.find_all(recursive=False) if tag.get("type") != "hidden"]
    assert summary is not None and parts[0] is summary
    links = summary.find_all("a")
    assert [soup.find(id=a["href"].removeprefix("#"))["name"] for a in links] == ["reason", "text"]
    assert "Kies wat er aan de hand is." in links[0].get_text()
    assert not Report.objects.exists()
