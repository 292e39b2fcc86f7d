"""Forum views. Thin: permissions from machina's handler (one place, ``request.
forum_permission_handler``), reads from ``selectors``, writes through ``services``.

Our index, forum, topic, new-topic, reply, edit and member-page views take the place of
machina's in its own URL names (see ``forum.urls``), so every link machina's moderation pages
make lands here.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseBadRequest, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from machina.core.db.models import get_model

from core.cache import reading_ahead
from core.ids import id_or_404
from core.ratelimits import rate_limited
from core.text import one_line
from learning.models import StepPage
from learning.selectors import catalog

from . import cache as forum_cache
from . import links, notifications, selectors, services
from .forms import HelpTodayFilterForm, ReplyForm, ReportForm, TopicForm
from .fragments import BoardIndex, TopicPosts
from .models import ModerationAction, Report
from .permissions import is_moderator
from .safety import find_personal_data

Forum = get_model("forum", "Forum")
Topic = get_model("forum_conversation", "Topic")
Post = get_model("forum_conversation", "Post")


def _handler(request):
    return request.forum_permission_handler


def _readable_forum(request, pk: int):
    forum = get_object_or_404(Forum.objects.select_related("module_forum"), pk=pk)
    if not forum.is_forum or not _handler(request).can_read_forum(forum, request.user):
        raise Http404
    return forum


def _readable_topic(request, pk: int):
    topic = get_object_or_404(Topic.objects.select_related("forum", "meta"), pk=pk, approved=True)
    if not _handler(request).can_read_forum(topic.forum, request.user):
        raise Http404
    return topic


def _module_link(forum):
    """The learning module a forum belongs to (for "Terug naar de module")."""
    link = getattr(forum, "module_forum", None)
    return link.module if link is not None and link.module_id else None


def index(request):
    board = BoardIndex.for_reader(
        user=request.user, handler=_handler(request), low_data=request.low_data
    )
    return render(request, "community/index.html", {"board": board.html(request)})


def forum_detail(request, slug, pk):
    forum = _readable_forum(request, pk)
    return render(
        request,
        "community/forum_detail.html",
        {
            "forum": forum,
            "module": _module_link(forum),
            "topics": selectors.forum_topics(forum=forum, page_number=request.GET.get("page")),
            "can_start": _handler(request).can_add_topic(forum, request.user),
            "following": request.user.is_authenticated
            and forum.pk in selectors.following(user=request.user)["forums"],
        },
    )


def topic_detail(request, forum_slug, forum_pk, slug, pk):
    # The most visited forum page reads its topic and the rest from the cache, fetched
    # ahead in two round trips; writes read it fresh.
    page_number = request.GET.get("page")
    with reading_ahead():
        forum_cache.read_topic_page_ahead(
            pk=pk, forum_pk=forum_pk, page_number=page_number, user=request.user
        )
        topic, version = selectors.viewed_topic(pk)
        if topic is None or topic.forum_id != forum_pk:
            raise Http404
        if not _handler(request).can_read_forum(topic.forum, request.user):
            raise Http404
        if (post_id := id_or_404(request.GET.get("post"))) is not None:
            page_number = selectors.page_of_post(topic=topic, post_id=post_id)
        context = _topic_context(request, topic, version, page_number)
        context["content"] = _topic_content(request, context)
        return render(request, "community/topic_detail.html", context)


def _topic_context(request, topic, version, page_number, **extra):
    handler = _handler(request)
    meta = getattr(topic, "meta", None)
    user = request.user
    is_starter = user.is_authenticated and topic.poster_id == user.pk
    can_moderate = handler.can_approve_posts(topic.forum, user)
    state = selectors.topic_page_state(
        topic=topic,
        version=version,
        page_number=page_number,
        user=user,
        handler=handler,
    )
    context = {
        "topic": topic,
        "forum": topic.forum,
        "state": state,
        "page": state.page,
        # The step's title and address from the cached catalog (live steps only), not its page.
        "step": catalog().steps.get(meta.step_id) if meta is not None and meta.step_id else None,
        "answered": bool(meta and meta.answer_id),
        "is_starter": is_starter,
        "can_reply": handler.can_add_post(topic, user),
        "locked": topic.is_locked,
        "following": user.is_authenticated and topic.pk in selectors.following(user=user)["topics"],
        "can_moderate": can_moderate,
        "reply_form": ReplyForm(),
        **extra,
    }
    return context


def _topic_content(request, context):
    """The topic page's content (posts, pagination, follow and reply forms) for this
    request, such as a reply sent back with its errors."""
    return render_to_string(
        "community/includes/topic_content.html",
        {**context, "posts_html": _posts_html(request, context)},
        request=request,
    )


def _posts_html(request, context):
    """The page's posts, rendered once per topic version and kind of viewer."""
    return TopicPosts.for_page(
        topic=context["topic"],
        state=context["state"],
        handler=_handler(request),
        signed_in=request.user.is_authenticated,
        is_starter=context["is_starter"],
        can_moderate=context["can_moderate"],
    ).html(request)


# --- Writing ---------------------------------------------------------------------------


def _rate_limited(request, kind: str) -> bool:
    """Per user and per address (``FORUM_RATE_LIMITS``)."""
    return rate_limited(request, f"forum-{kind}", settings.FORUM_RATE_LIMITS[kind])


PRIVACY_LABELS = {
    "phone": gettext_lazy("een telefoonnummer"),
    "email": gettext_lazy("een e-mailadres"),
    "iban": gettext_lazy("een rekeningnummer (IBAN)"),
    "bsn": gettext_lazy("een burgerservicenummer (BSN)"),
}


def _privacy_hits(form) -> list[dict]:
    """The personal data a post seems to contain, unless the writer chose to publish anyway."""
    if form.cleaned_data.get("publish_anyway"):
        return []
    text = " ".join(filter(None, [form.cleaned_data.get("subject"), form.cleaned_data["content"]]))
    return [
        {"label": PRIVACY_LABELS[hit.kind], "value": hit.value} for hit in find_personal_data(text)
    ]


def _posted(request, posted, *, edited: bool = False):
    """After writing (or changing) a post: a note when it waits for approval; the crisis
    box when needed."""
    post = posted.post
    if not post.approved:
        messages.info(
            request,
            _(
                "Dank je! Je aanpassing is bewaard. Een moderator kijkt er even naar en zet "
                "je bericht dan weer op het forum. Tot die tijd zien anderen het niet."
            )
            if edited
            else _(
                "Dank je! Je bericht is ontvangen. Een moderator kijkt er even naar en zet "
                "het dan op het forum. Dat doen we bij je eerste berichten."
            ),
        )
    elif edited:
        messages.success(request, _("Je bericht is aangepast."))
    if posted.peers_asked:
        messages.info(
            request,
            ngettext(
                "We vroegen %(count)d persoon die dit al deed om mee te denken.",
                "We vroegen %(count)d mensen die dit al deden om mee te denken.",
                posted.peers_asked,
            )
            % {"count": posted.peers_asked},
        )
    if posted.crisis_phrases:
        return redirect("community:posted", pk=post.pk)
    if post.approved:
        return redirect(links.post_url(post))
    return redirect(links.forum_url(post.topic.forum))


@login_required
def posted(request, pk):
    """Right after writing a post with signs of crisis: the writer's own message, next to
    a calm box with help lines. Only the writer sees this page."""
    post = get_object_or_404(
        Post.objects.select_related("topic__forum"), pk=pk, poster=request.user
    )
    return render(
        request,
        "community/posted.html",
        {"post": post, "crisis": selectors.crisis_support(), "topic": post.topic},
    )


def topic_create(request, forum_slug, forum_pk):
    forum = _readable_forum(request, forum_pk)
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    handler = _handler(request)
    if not handler.can_add_topic(forum, request.user):
        raise PermissionDenied
    step = _step_from(request, forum)
    # Asked from a search that found nothing: what was searched is the question so far.
    initial = {"subject": one_line(request.GET.get("vraag", ""))[:120]}
    if step is not None:
        # Plain words, as the member would write them: the topic page links the step.
        initial |= {
            "step": step.pk,
            "content": _("Mijn vraag gaat over de stap “%(title)s”.") % {"title": step.title}
            + "\n\n",
        }
    form = TopicForm(request.POST or None, initial=initial)
    context = {"forum": forum, "module": _module_link(forum), "form": form, "step": step}
    if request.method != "POST":
        return render(request, "community/topic_create.html", context)
    if _rate_limited(request, "topic"):
        context["rate_limited"] = True
        return render(request, "community/topic_create.html", context, status=429)
    if not form.is_valid():
        return render(request, "community/topic_create.html", context, status=400)
    if hits := _privacy_hits(form):
        context["privacy_hits"] = hits
        return render(request, "community/topic_create.html", context)
    posted = services.topic_start(
        forum=forum,
        user=request.user,
        subject=form.cleaned_data["subject"],
        content=form.cleaned_data["content"],
        step=step,
        handler=handler,
        # Over the limit the question is still posted; only no peers are asked.
        ask_peers=step is not None and not _rate_limited(request, "peer_ask"),
    )
    return _posted(request, posted)


def _step_from(request, forum):
    """The live step of this forum's module a question is asked from ("Vraag het aan
    anderen"); any other step is ignored, a value that is no id is a 404."""
    step_id = id_or_404(request.POST.get("step") or request.GET.get("stap"))
    module = _module_link(forum)
    if step_id is None or module is None:
        return None
    return StepPage.objects.live().child_of(module).filter(pk=step_id).first()


def post_create(request, forum_slug, forum_pk, topic_slug, topic_pk):
    topic = _readable_topic(request, topic_pk)
    if topic.forum_id != forum_pk:
        raise Http404
    if request.method != "POST":
        return redirect(links.topic_url(topic) + "#reageren")
    if not request.user.is_authenticated:
        return redirect_to_login(links.topic_url(topic))
    handler = _handler(request)
    form = ReplyForm(request.POST)
    extra, status = {}, 200
    if not handler.can_add_post(topic, request.user):
        if not topic.is_locked:
            raise PermissionDenied
        extra["locked_message"], status = True, 403
    elif _rate_limited(request, "post"):
        extra["rate_limited"], status = True, 429
    elif not form.is_valid():
        status = 400
    elif hits := _privacy_hits(form):
        extra["privacy_hits"] = hits
    else:
        posted = services.post_reply(
            topic=topic, user=request.user, content=form.cleaned_data["content"], handler=handler
        )
        return _posted(request, posted)
    # Back to the topic's last page with the form as it was sent: nothing typed is lost.
    context = _topic_context(request, topic, forum_cache.topic_version(topic.pk), "last", **extra)
    context["reply_form"] = form
    context["content"] = _topic_content(request, context)
    return render(request, "community/topic_detail.html", context, status=status)


def post_update(request, forum_slug, forum_pk, topic_slug, topic_pk, pk):
    """Change one's own post (or any, for moderators) with the checks of writing one:
    size, rate limit, privacy nudge, approval for new members and the crisis signal."""
    topic = _readable_topic(request, topic_pk)
    if topic.forum_id != forum_pk:
        raise Http404
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    post = get_object_or_404(Post.objects.select_related("poster"), pk=pk, topic=topic)
    post.topic = topic
    handler = _handler(request)
    if not handler.can_edit_post(post, request.user):
        raise PermissionDenied
    form = ReplyForm(request.POST or None, initial={"content": post.content.raw})
    context = {"topic": topic, "forum": topic.forum, "post": post, "form": form}
    status = 200
    if request.method == "POST":
        if _rate_limited(request, "post"):
            context["rate_limited"], status = True, 429
        elif not form.is_valid():
            status = 400
        elif hits := _privacy_hits(form):
            context["privacy_hits"] = hits
        else:
            edited = services.post_edit(
                post=post,
                user=request.user,
                content=form.cleaned_data["content"],
                handler=handler,
            )
            return _posted(request, edited, edited=True)
    return render(request, "community/post_update.html", context, status=status)


# --- Peer signals ------------------------------------------------------------------------


def _visible_post(request, pk: int):
    post = get_object_or_404(
        Post.objects.select_related("topic__forum", "topic__meta"), pk=pk, approved=True
    )
    if not _handler(request).can_read_forum(post.topic.forum, request.user):
        raise Http404
    return post


@require_POST
@login_required
def post_helpful(request, pk):
    post = _visible_post(request, pk)
    if services.post_mark_helpful(post=post, user=request.user):
        messages.success(request, _("Dank je! De schrijver ziet dat dit bericht hielp."))
    return redirect(links.post_url(post))


@require_POST
@login_required
def post_mark_answer(request, pk):
    post = _visible_post(request, pk)
    try:
        services.topic_mark_answer(post=post, user=request.user)
    except services.NotTheStarter as error:
        raise PermissionDenied(
            _("Alleen wie de vraag stelde, kan het beste antwoord kiezen.")
        ) from error
    messages.success(request, _("Dank je! Anderen zien nu welk antwoord jou het meest hielp."))
    return redirect(links.post_url(post))


def help_today(request):
    """ "Help iemand vandaag": questions still waiting for a first answer."""
    categories = selectors.board_index(
        readable=selectors.readable_board_forum_ids(user=request.user, handler=_handler(request))
    )
    readable = [forum.pk for c in categories for forum in c.forums]
    category_id = id_or_404(request.GET.get("onderwerp"))
    return render(
        request,
        "community/help_today.html",
        {
            "form": HelpTodayFilterForm(initial={"onderwerp": category_id}, categories=categories),
            "topics": selectors.unanswered_topics(
                readable_forum_ids=readable, category_id=category_id
            ),
        },
    )


@login_required
def my_forum(request):
    return render(request, "community/my_forum.html", selectors.member_overview(user=request.user))


@login_required
def peer_offers(request):
    """The modules the member thinks along with, each with a button to stop."""
    return render(
        request, "community/peer_offers.html", {"offers": selectors.peer_offers(user=request.user)}
    )


@require_POST
@login_required
def peer_offer(request, module_id):
    """Think along with a finished module (``aan=1``), or stop (``aan=0``: for any module,
    finished or not, published or not). Back to the module, or to the list."""
    on = {"1": True, "0": False}.get(request.POST.get("aan", ""))
    if on is None:
        return HttpResponseBadRequest(_("Kies of je wilt meedenken: ja of nee."))
    module = catalog().modules.get(module_id)
    if on and module is None:
        raise Http404
    try:
        services.peer_offer_set(user=request.user, module_id=module_id, on=on)
    except services.ModuleNotFinished as error:
        raise PermissionDenied(
            _("Meedenken kan als je de module af hebt. Doe eerst alle stappen.")
        ) from error
    messages.success(
        request,
        _("Dank je! Mensen die met deze module bezig zijn, kunnen je nu vragen mee te denken.")
        if on
        else _("Je wordt hier niet meer voor gevraagd."),
    )
    if request.POST.get("terug") == "module" and module is not None:
        return redirect(module.url)
    return redirect("community:peer_offers")


@login_required
def member_profile(request, pk):
    """A member's page, in machina's ``forum_member:profile`` name (its moderation pages
    link to it): only for members who posted, seen by signed-in members."""
    page = selectors.member_page(member_id=pk, viewer=request.user, handler=_handler(request))
    if page is None:
        raise Http404
    return render(request, "community/member_profile.html", {"page": page})


# --- Following -----------------------------------------------------------------------------


@require_POST
@login_required
def follow(request, kind, pk):
    if kind == "onderwerp":
        target = _readable_topic(request, pk)
        back = links.topic_url(target)
    elif kind == "forum":
        target = _readable_forum(request, pk)
        back = links.forum_url(target)
    else:
        raise Http404
    on = request.POST.get("volgen") == "1"
    services.follow_set(user=request.user, target=target, on=on)
    messages.success(
        request,
        _("Je volgt dit nu. Je krijgt mail bij nieuwe berichten.")
        if on
        else _("Je volgt dit niet meer."),
    )
    return redirect(back)


# The signed token in the address is the proof, not a session or a form token: mail
# programs send their one-click POST (RFC 8058) without either.
@csrf_exempt
def unsubscribe(request, token):
    """The link in every forum email, no login needed. Opening it (a GET, as mail scanners
    do with every link) only asks; the POST of its button, or a mail program's RFC 8058
    one-click POST ("List-Unsubscribe=One-Click"), unsubscribes. A link that is not ours
    says so (404) and changes nothing."""
    if request.method not in ("GET", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    try:
        user_id, subscription_id = notifications.read_unsubscribe_token(token)
    except signing.BadSignature:
        return render(request, "community/unsubscribe_bad_link.html", status=404)
    if request.method == "GET":
        return render(
            request, "community/unsubscribe.html", {"token": token, "all": subscription_id is None}
        )
    what = services.unsubscribe(user_id=user_id, subscription_id=subscription_id)
    return render(request, "community/unsubscribed.html", {"what": what})


# --- Reports and moderation -------------------------------------------------------------


@login_required
def post_report(request, pk):
    post = _visible_post(request, pk)
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.post_report(
            post=post,
            user=request.user,
            reason=form.cleaned_data["reason"],
            text=form.cleaned_data["text"],
        )
        messages.success(
            request,
            _("Dank je voor je melding. Een moderator kijkt ernaar, meestal binnen een dag."),
        )
        return redirect(links.post_url(post))
    status = 400 if request.method == "POST" else 200
    return render(request, "community/report.html", {"post": post, "form": form}, status=status)


def _require_moderator(request):
    if not is_moderator(request.user):
        raise PermissionDenied


def reports(request):
    """The moderators' list of open reports and crisis signals."""
    _require_moderator(request)
    return render(request, "community/reports.html", selectors.moderation_overview())


@require_POST
def moderate(request, pk):
    _require_moderator(request)
    post = get_object_or_404(Post.objects.select_related("topic__forum"), pk=pk)
    if not _handler(request).can_approve_posts(post.topic.forum, request.user):
        raise PermissionDenied
    kind = request.POST.get("actie")
    note = request.POST.get("toelichting", "").strip()[:1000]
    if kind == ModerationAction.Kind.HIDE:
        services.post_hide(post=post, moderator=request.user, note=note)
        messages.success(request, _("Het bericht is verborgen."))
    elif kind == ModerationAction.Kind.RESTORE:
        services.post_restore(post=post, moderator=request.user, note=note)
        messages.success(request, _("Het bericht staat weer op het forum."))
    elif kind == ModerationAction.Kind.WARN and note:
        services.post_warn(post=post, moderator=request.user, note=note)
        messages.success(request, _("De schrijver krijgt je waarschuwing."))
    elif kind == ModerationAction.Kind.WARN:
        messages.error(request, _("Schrijf bij een waarschuwing wat er niet goed ging."))
    else:
        return HttpResponseBadRequest(_("Onbekende actie."))
    return redirect("community:reports")


def dismiss_report(request, pk):
    """Close a report without acting on the post (it was fine)."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    _require_moderator(request)
    report = get_object_or_404(Report, pk=pk)
    services.report_dismiss(report=report, moderator=request.user)
    messages.success(request, _("De melding is afgehandeld."))
    return redirect("community:reports")
